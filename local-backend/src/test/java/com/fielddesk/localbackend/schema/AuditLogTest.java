package com.fielddesk.localbackend.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.schema.Sql.ApiError;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {

    private static DataSource database;
    private static TenantFixtures fixtures;
    private Company company;
    private AppUser admin;
    private AppUser supervisor;
    private AppUser csr;

    /** One database for the class; every test works in a company of its own. */
    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    @BeforeEach
    void createCompany() {
        company = fixtures.company("Audit & Sons", LeadPreferences.serving("electrical", "30301"));
        admin = fixtures.staff(company, "admin");
        supervisor = fixtures.staff(company, "supervisor");
        csr = fixtures.staff(company, "csr");
    }

    @Test
    void insertUpdateAndDeleteAreLoggedWithOldAndNewValuesAndTheActor() throws SQLException {
        UUID customer = AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.customers (full_name, phone) values ('Lee Original', '555-1') returning id"));
        AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.customers set full_name = 'Lee Renamed' where id = ?", customer));
        // API roles delete by tombstone; a hard delete is the database owner's (e.g. a retention purge).
        AsUser.run(database, admin.identity(), c -> Sql.update(c,
                "update public.customers set deleted_at = now() where id = ?", customer));
        Sql.update(database, "delete from public.customers where id = ?", customer);

        List<Map<String, Object>> entries = Sql.rows(database, """
                select action, actor_id, actor_role, old_values::text as old, new_values::text as new
                  from public.audit_log where table_name = 'customers' and row_id = ? order by seq""", customer);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("insert", "update", "update", "delete");
        assertThat(entries).extracting(e -> e.get("actor_id")).containsExactly(csr.id(), csr.id(), admin.id(), null);
        assertThat(entries).extracting(e -> e.get("actor_role")).containsExactly("csr", "csr", "admin", "system");
        JsonNode update = Sql.json(entries.get(1).get("new"));
        assertThat(Sql.json(entries.get(1).get("old"))).isEqualTo(Sql.json("{\"full_name\":\"Lee Original\"}"));
        assertThat(update).isEqualTo(Sql.json("{\"full_name\":\"Lee Renamed\"}"));
        assertThat(Sql.json(entries.get(0).get("new")).path("phone").asText()).isEqualTo("555-1");
        assertThat(Sql.json(entries.get(2).get("old"))).isEqualTo(Sql.json("{\"deleted_at\":null}"));
        assertThat(Sql.json(entries.get(2).get("new")).path("deleted_at").isTextual()).isTrue();
        assertThat(Sql.json(entries.get(3).get("old")).path("full_name").asText()).isEqualTo("Lee Renamed");
        assertThat(entries.get(3).get("new")).isNull();
    }

    @Test
    void claimsDeclinesAndSignInsAreLogged() throws SQLException {
        UUID claimed = fixtures.openLead("electrical", "30301");
        UUID declined = fixtures.openLead("electrical", "30301");
        AsUser.run(database, csr.identity(), c -> {
            Sql.value(c, "select public.claim_service_request(?)", claimed);
            Sql.value(c, "select public.decline_service_request(?, 'fully_booked', null)", declined);
            return Sql.value(c, "select public.log_audit_event('sign_in', '{\"client\":\"console\"}')");
        });

        List<Map<String, Object>> entries = Sql.rows(database, """
                select action, row_id, actor_id, new_values::text as new from public.audit_log
                 where action in ('claim', 'decline', 'sign_in') and company_id = ? order by seq""", company.id());
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("claim", "decline", "sign_in");
        assertThat(entries).extracting(e -> e.get("row_id")).containsExactly(claimed, declined, null);
        assertThat(entries).extracting(e -> e.get("actor_id")).containsOnly(csr.id());
        assertThat(Sql.json(entries.get(1).get("new")).path("reason").asText()).isEqualTo("fully_booked");
        assertThat(Sql.json(entries.get(2).get("new")).path("client").asText()).isEqualTo("console");
    }

    @ParameterizedTest(name = "authenticated cannot {0} audit rows")
    @ValueSource(strings = {
            "insert into public.audit_log (company_id, seq, occurred_at, actor_role, action, hash) values (public.current_company_id(), 999, now(), 'admin', 'insert', 'x')",
            "update public.audit_log set action = 'delete'",
            "delete from public.audit_log",
            "truncate public.audit_log"})
    void apiRolesCannotWriteTheAuditLog(String sql) throws SQLException {
        long before = Sql.count(database, "select count(*) from public.audit_log");
        RequestIdentity serviceRole = new RequestIdentity("service_role", null, null, "{\"role\":\"service_role\"}");

        SQLException asAdmin = Refusals.of(() -> AsUser.run(database, admin.identity(), c -> Sql.update(c, sql)));
        SQLException asServiceRole = Refusals.of(() -> AsUser.run(database, serviceRole, c -> Sql.update(c,
                sql.replace("public.current_company_id()", "'" + company.id() + "'"))));

        assertThat(asAdmin.getSQLState()).isEqualTo("42501");
        assertThat(asServiceRole.getSQLState()).isEqualTo("42501");
        assertThat(Sql.count(database, "select count(*) from public.audit_log")).isEqualTo(before);
    }

    @Test
    void onlySupervisorsAndAdminsReadTheLog() throws SQLException {
        AppUser technician = fixtures.staff(company, "technician");
        AppUser dispatcher = fixtures.staff(company, "dispatcher");

        assertThat(visibleEntries(admin)).isPositive();
        assertThat(visibleEntries(supervisor)).isPositive();
        assertThat(visibleEntries(technician)).isZero();
        assertThat(visibleEntries(csr)).isZero();
        assertThat(visibleEntries(dispatcher)).isZero();
    }

    @Test
    void verifyFindsARowAlteredBehindTheDatabasesBack() throws SQLException {
        for (int i = 0; i < 3; i++) {
            fixtures.customer(company, "Customer " + i);
        }
        assertThat(verify(supervisor).path("ok").asBoolean()).isTrue();

        Map<String, Object> victim = Sql.rows(database,
                "select id, seq from public.audit_log where company_id = ? order by seq offset 3 limit 1", company.id()).get(0);
        Sql.update(database, "update public.audit_log set new_values = jsonb_set(new_values, '{full_name}', '\"Forged\"') where id = ?",
                victim.get("id"));

        JsonNode result = verify(supervisor);
        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("seq").asLong()).isEqualTo((Long) victim.get("seq"));
        assertThat(result.path("id").asText()).isEqualTo(victim.get("id").toString());
        assertThat(result.path("reason").asText()).isEqualTo("This entry was changed after it was written.");
    }

    @Test
    void verifyFindsARowDeletedBehindTheDatabasesBack() throws SQLException {
        fixtures.customer(company, "First");
        fixtures.customer(company, "Second");
        long lastSeq = Sql.count(database, "select max(seq) from public.audit_log where company_id = ?", company.id());
        Sql.update(database, "delete from public.audit_log where company_id = ? and seq = ?", company.id(), lastSeq - 1);

        JsonNode result = verify(admin);

        assertThat(result.path("ok").asBoolean()).isFalse();
        assertThat(result.path("seq").asLong()).isEqualTo(lastSeq);
    }

    @Test
    void onlyManagersOfTheCompanyMayVerify() throws SQLException {
        AppUser otherAdmin = fixtures.staff(fixtures.company("Elsewhere"), "admin");

        SQLException byCsr = Refusals.of(() -> verify(csr));
        SQLException byOtherCompany = Refusals.of(() -> verify(otherAdmin));

        assertThat(ApiError.of(byCsr).code()).isEqualTo("not_authorized");
        assertThat(ApiError.of(byOtherCompany).httpStatus()).isEqualTo(403);
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        int writers = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Object>> inserts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Concurrent " + i;
                inserts.add(pool.submit(() -> {
                    try (Connection connection = database.getConnection()) {
                        connection.setAutoCommit(false);
                        csr.identity().applyTo(connection);
                        if (!start.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("start signal never came");
                        }
                        Sql.update(connection, "insert into public.customers (full_name) values (?)", name);
                        connection.commit();
                        return name;
                    }
                }));
            }
            start.countDown();
            for (Future<Object> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode result = verify(admin);
        assertThat(result.path("ok").asBoolean()).isTrue();
        assertThat(result.path("checked").asLong())
                .isEqualTo(Sql.count(database, "select count(*) from public.audit_log where company_id = ?", company.id()));
    }

    @Test
    void batchesWritingInOppositeOrderQueueInsteadOfDeadlocking() throws Exception {
        UUID customer = fixtures.customer(company, "Batch Customer");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = database.getConnection(); Connection other = database.getConnection()) {
            first.setAutoCommit(false);
            csr.identity().applyTo(first);
            Sql.update(first, "insert into public.customers (full_name) values ('First batch')");

            other.setAutoCommit(false);
            supervisor.identity().applyTo(other);
            int otherPid = Sql.value(other, "select pg_backend_pid()");
            Future<Object> otherBatch = second.submit(() -> {
                Sql.update(other, "insert into public.invoices (customer_id) values (?)", customer);
                Sql.update(other, "insert into public.customers (full_name) values ('Second batch')");
                other.commit();
                return null;
            });
            awaitBlocked(otherPid);

            Sql.update(first, "insert into public.invoices (customer_id) values (?)", customer);
            first.commit();
            otherBatch.get(30, TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }

        assertThat(Sql.count(database, "select count(*) from public.invoices where company_id = ?", company.id())).isEqualTo(2);
        assertThat(verify(admin).path("ok").asBoolean()).isTrue();
    }

    @Test
    void lockCompanyWritesMakesARowLockingBatchQueueBehindTheCompanysWriters() throws Exception {
        UUID customer = fixtures.customer(company, "Locked Row");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = database.getConnection(); Connection other = database.getConnection()) {
            first.setAutoCommit(false);
            csr.identity().applyTo(first);
            Sql.update(first, "insert into public.customers (full_name) values ('Holds the chain')");

            other.setAutoCommit(false);
            supervisor.identity().applyTo(other);
            int otherPid = Sql.value(other, "select pg_backend_pid()");
            Future<Object> otherBatch = second.submit(() -> {
                Sql.value(other, "select public.lock_company_writes()");
                Sql.value(other, "select version from public.customers where id = ? for update", customer);
                Sql.update(other, "update public.customers set phone = '555-0001' where id = ?", customer);
                other.commit();
                return null;
            });
            awaitBlocked(otherPid);

            Sql.update(first, "update public.customers set notes = 'first batch' where id = ?", customer);
            first.commit();
            otherBatch.get(30, TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }

        assertThat(Sql.rows(database, "select phone, notes from public.customers where id = ?", customer).get(0))
                .containsEntry("phone", "555-0001").containsEntry("notes", "first batch");
    }

    /** Waits, with a deadline, until the backend waits for a lock. */
    private void awaitBlocked(int pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!"Lock".equals(Sql.value(database, "select wait_event_type from pg_stat_activity where pid = ?", pid))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backend " + pid + " never waited for a lock");
            }
            Thread.onSpinWait();
        }
    }

    private long visibleEntries(AppUser user) throws SQLException {
        return AsUser.run(database, user.identity(), c -> Sql.count(c, "select count(*) from public.audit_log"));
    }

    private JsonNode verify(AppUser user) throws SQLException {
        return Sql.json(AsUser.run(database, user.identity(),
                c -> Sql.value(c, "select public.verify_audit_chain(?)", company.id())));
    }
}
