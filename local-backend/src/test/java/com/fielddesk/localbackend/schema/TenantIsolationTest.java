package com.fielddesk.localbackend.schema;

import java.util.Locale;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RLS matrix: for every tenant table and every verb, staff of company A — an admin, the most
 * privileged role, and a technician — can neither read nor change company B's rows. Runs as role
 * {@code authenticated} with {@code request.jwt.claims} set exactly as PostgREST does.
 */
class TenantIsolationTest {

    static final List<String> TENANT_TABLES = List.of(
            "companies", "profiles", "customer_portal_accounts", "customers", "customer_addresses",
            "service_requests", "service_request_declines", "work_orders", "work_order_status_history",
            "customer_threads", "customer_messages", "internal_threads", "internal_messages",
            "invoices", "invoice_items", "payments", "audit_log");

    /**
     * Company tables other parts add in their own migrations, with their own isolation tests:
     * the sync push ledger (offline-cache, readable by its company, written only by apply_mutations).
     */
    // Tables whose row security is per user or per caller, tested by their own suites
    // (InternalThreadReadsTest: each user sees and writes only their own markers).
    static final List<String> TESTED_BY_THEIR_OWNERS = List.of("sync_mutations", "internal_thread_reads");

    enum Verb { SELECT, INSERT, UPDATE, DELETE }

    private static DataSource database;
    private static Map<String, AppUser> usersOfA;
    private static Map<String, UUID> rowsOfA;
    private static Map<String, UUID> rowsOfB;
    private static AppUser portalCustomerOfA;

    @BeforeAll
    static void createTwoCompaniesWithARowInEveryTable() {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
        Company a = fixtures.company("Alpha Heating", LeadPreferences.serving("hvac", "10001"));
        Company b = fixtures.company("Bravo Heating", LeadPreferences.serving("hvac", "10001"));
        usersOfA = Map.of("admin", fixtures.staff(a, "admin"), "technician", fixtures.staff(a, "technician"));
        rowsOfA = everyTableRow(fixtures, a);
        rowsOfB = everyTableRow(fixtures, b);
        portalCustomerOfA = fixtures.portalCustomer(a, rowsOfA.get("customers"));
    }

    /** One row of each tenant table owned by the company, built through the real functions and triggers. */
    private static Map<String, UUID> everyTableRow(TenantFixtures fixtures, Company company) {
        try {
            AppUser csr = fixtures.staff(company, "csr");
            AppUser technician = fixtures.staff(company, "technician");
            UUID claimed = fixtures.openLead("hvac", "10001");
            UUID declined = fixtures.openLead("hvac", "10001");
            Object ids = AsUser.run(fixtures.superuser(), csr.identity(), c -> {
                Sql.value(c, "select public.decline_service_request(?, 'too_far', null)", declined);
                return Sql.value(c, "select public.claim_service_request(?)", claimed);
            });
            UUID workOrder = UUID.fromString(Sql.json(ids).path("work_order_id").asText());
            UUID customer = UUID.fromString(Sql.json(ids).path("customer_id").asText());
            Map<String, UUID> rows = new LinkedHashMap<>();
            rows.put("companies", company.id());
            rows.put("profiles", csr.id());
            rows.put("customers", customer);
            rows.put("customer_addresses", UUID.fromString(Sql.json(ids).path("customer_address_id").asText()));
            AppUser portalCustomer = fixtures.portalCustomer(company, customer);
            rows.put("customer_portal_accounts", fixtures.insertReturningId(
                    "select id from public.customer_portal_accounts where user_id = ?", portalCustomer.id()));
            rows.put("service_requests", claimed);
            rows.put("service_request_declines", fixtures.insertReturningId(
                    "select id from public.service_request_declines where service_request_id = ?", declined));
            rows.put("work_orders", workOrder);
            rows.put("work_order_status_history", fixtures.insertReturningId(
                    "select id from public.work_order_status_history where work_order_id = ? limit 1", workOrder));
            UUID customerThread = fixtures.insertReturningId("""
                    insert into public.customer_threads (company_id, work_order_id, customer_id, subject)
                    values (?, ?, ?, 'Your visit') returning id""", company.id(), workOrder, customer);
            rows.put("customer_threads", customerThread);
            rows.put("customer_messages", fixtures.insertReturningId("""
                    insert into public.customer_messages (company_id, customer_thread_id, sender_kind, sender_id, body)
                    values (?, ?, 'staff', ?, 'We will be there at 9') returning id""",
                    company.id(), customerThread, csr.id()));
            UUID internalThread = fixtures.insertReturningId("""
                    insert into public.internal_threads (company_id, work_order_id, subject)
                    values (?, ?, 'Parts needed') returning id""", company.id(), workOrder);
            rows.put("internal_threads", internalThread);
            rows.put("internal_messages", fixtures.insertReturningId("""
                    insert into public.internal_messages (company_id, internal_thread_id, author_id, body)
                    values (?, ?, ?, 'Customer is difficult; bring the big ladder') returning id""",
                    company.id(), internalThread, technician.id()));
            UUID invoice = fixtures.insertReturningId("""
                    insert into public.invoices (company_id, work_order_id, customer_id, status)
                    values (?, ?, ?, 'issued') returning id""", company.id(), workOrder, customer);
            rows.put("invoices", invoice);
            rows.put("invoice_items", fixtures.insertReturningId("""
                    insert into public.invoice_items (company_id, invoice_id, description, quantity, unit_price)
                    values (?, ?, 'Service call', 1, 100) returning id""", company.id(), invoice));
            rows.put("payments", fixtures.insertReturningId("""
                    insert into public.payments (company_id, invoice_id, amount, method)
                    values (?, ?, 10, 'cash') returning id""", company.id(), invoice));
            rows.put("audit_log", fixtures.insertReturningId(
                    "select id from public.audit_log where company_id = ? order by seq limit 1", company.id()));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : List.of("admin", "technician")) {
            for (String table : TENANT_TABLES) {
                for (Verb verb : Verb.values()) {
                    cases.add(Arguments.of(role, table, verb));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} of A: {2} {1} of B")
    @MethodSource("matrix")
    void staffOfOneCompanyCanNeitherReadNorChangeAnotherCompanysRows(String role, String table, Verb verb)
            throws SQLException {
        UUID foreignRow = rowsOfB.get(table);
        String before = fingerprint(table, foreignRow);
        RequestIdentity identity = usersOfA.get(role).identity();

        switch (verb) {
            case SELECT -> assertThat(AsUser.<Long>run(database, identity,
                    c -> Sql.count(c, "select count(*) from public." + table + " where id = ?", foreignRow))).isZero();
            case UPDATE -> assertZeroRowsOrRefused(identity,
                    "update public." + table + " set updated_at = now() where id = ?", foreignRow);
            case DELETE -> assertZeroRowsOrRefused(identity, "delete from public." + table + " where id = ?", foreignRow);
            case INSERT -> assertRefused(identity, copyOfRowWithNewId(table), withNewId(before));
        }
        assertThat(fingerprint(table, foreignRow)).as("B's row is untouched").isEqualTo(before);
    }

    @ParameterizedTest(name = "admin of A reads its own {0}")
    @MethodSource("tenantTables")
    void staffStillSeeTheirOwnCompanysRows(String table) throws SQLException {
        long visible = AsUser.<Long>run(database, usersOfA.get("admin").identity(),
                c -> Sql.count(c, "select count(*) from public." + table + " where id = ?", rowsOfA.get(table)));

        assertThat(visible).isOne();
    }

    static Stream<String> tenantTables() {
        return TENANT_TABLES.stream();
    }

    @Test
    void everyTableWithACompanyIsInTheMatrix() throws SQLException {
        List<String> tablesWithCompany = new ArrayList<>();
        try (var connection = database.getConnection()) {
            for (Map<String, Object> row : Sql.rows(connection, """
                    select table_name from information_schema.columns
                     where table_schema = 'public' and column_name = 'company_id'
                       and table_name in (select table_name from information_schema.tables
                                           where table_schema = 'public' and table_type = 'BASE TABLE')""")) {
                tablesWithCompany.add((String) row.get("table_name"));
            }
        }
        tablesWithCompany.removeAll(TESTED_BY_THEIR_OWNERS);
        assertThat(TENANT_TABLES).containsAll(tablesWithCompany);
    }

    @Test
    void everyPublicTableHasRowLevelSecurityAndAnonHasNoPrivileges() throws SQLException {
        long tablesWithoutRls = Sql.count(database, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace
                   and c.relkind = 'r' and not c.relrowsecurity""");
        long anonTablePrivileges = Sql.count(database, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'v')
                   and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert')
                        or has_table_privilege('anon', c.oid, 'update') or has_table_privilege('anon', c.oid, 'delete'))""");
        long anonFunctions = Sql.count(database, """
                select count(*) from pg_proc p where p.pronamespace = 'public'::regnamespace
                   and has_function_privilege('anon', p.oid, 'execute')""");

        assertThat(tablesWithoutRls).isZero();
        assertThat(anonTablePrivileges).isZero();
        assertThat(anonFunctions).isZero();
    }

    @Test
    void anonymousCallerReadsNothing() {
        SQLException refused = refusal(RequestIdentity.anonymous(), "select count(*) from public.customers");

        assertThat(refused.getSQLState()).isEqualTo("42501");
    }

    @Test
    void portalCustomerSeesTheirThreadButNeverAnInternalMessage() throws SQLException {
        RequestIdentity portal = portalCustomerOfA.identity();
        UUID ownThread = rowsOfA.get("customer_threads");
        Map<String, Long> visible = AsUser.run(database, portal, c -> Map.of(
                "customer_messages in own thread",
                Sql.count(c, "select count(*) from public.customer_messages where customer_thread_id = ?", ownThread),
                "customer_messages elsewhere",
                Sql.count(c, "select count(*) from public.customer_messages where customer_thread_id <> ?", ownThread),
                "customer_threads", Sql.count(c, "select count(*) from public.customer_threads"),
                "internal_messages", Sql.count(c, "select count(*) from public.internal_messages"),
                "internal_threads", Sql.count(c, "select count(*) from public.internal_threads"),
                "work_orders", Sql.count(c, "select count(*) from public.work_orders"),
                "audit_log", Sql.count(c, "select count(*) from public.audit_log")));

        assertThat(visible.get("customer_messages in own thread")).isPositive();
        assertThat(visible).containsEntry("customer_messages elsewhere", 0L).containsEntry("customer_threads", 1L)
                .containsEntry("internal_messages", 0L).containsEntry("internal_threads", 0L)
                .containsEntry("work_orders", 0L).containsEntry("audit_log", 0L);
    }

    @Test
    void portalCustomerCanWriteIntoTheirOwnThreadOnlyAsTheCustomer() throws SQLException {
        RequestIdentity portal = portalCustomerOfA.identity();
        UUID ownThread = rowsOfA.get("customer_threads");

        int written = AsUser.run(database, portal, c -> Sql.update(c, """
                insert into public.customer_messages (customer_thread_id, sender_kind, body)
                values (?, 'customer', 'Thanks, see you then')""", ownThread));
        SQLException posingAsStaff = refusal(portal, String.format(Locale.ROOT, """
                insert into public.customer_messages (customer_thread_id, sender_kind, body)
                values ('%s', 'staff', 'I am the company')""", ownThread));
        SQLException otherCompany = refusal(portal, String.format(Locale.ROOT, """
                insert into public.customer_messages (customer_thread_id, sender_kind, body)
                values ('%s', 'customer', 'Hello B')""", rowsOfB.get("customer_threads")));
        SQLException internal = refusal(portal, String.format(Locale.ROOT, """
                insert into public.internal_messages (internal_thread_id, body)
                values ('%s', 'sneaky')""", rowsOfA.get("internal_threads")));

        assertThat(written).isOne();
        assertThat(posingAsStaff.getSQLState()).isEqualTo("42501");
        assertThat(otherCompany.getSQLState()).isEqualTo("42501");
        assertThat(internal.getSQLState()).isEqualTo("42501");
    }

    private static void assertZeroRowsOrRefused(RequestIdentity identity, String sql, UUID row) {
        try {
            int changed = AsUser.run(database, identity, c -> Sql.update(c, sql, row));
            assertThat(changed).as(sql).isZero();
        } catch (SQLException refused) {
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
        }
    }

    private static void assertRefused(RequestIdentity identity, String insertSql, String rowJson) {
        try {
            AsUser.run(database, identity, c -> Sql.update(c, insertSql, rowJson));
            throw new AssertionError("Insert of another company's row was accepted: " + insertSql);
        } catch (SQLException refused) {
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
        }
    }

    private static SQLException refusal(RequestIdentity identity, String sql) {
        try {
            AsUser.run(database, identity, c -> Sql.update(c, sql));
        } catch (SQLException refused) {
            return refused;
        }
        throw new AssertionError("Expected a refusal: " + sql);
    }

    /** An INSERT of the row's columns (except generated ones) from JSON, with a fresh id. */
    private static String copyOfRowWithNewId(String table) throws SQLException {
        String columns = Sql.value(database, """
                select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
                  from information_schema.columns
                 where table_schema = 'public' and table_name = ? and is_generated = 'NEVER'""", table);
        return "insert into public." + table + " (" + columns + ") select " + columns
                + " from jsonb_populate_record(null::public." + table + ", ?::jsonb)";
    }

    /** The row exactly as stored, as JSON: equal before and after means untouched. */
    private static String fingerprint(String table, UUID id) throws SQLException {
        String json = Sql.value(database, "select to_jsonb(t)::text from public." + table + " t where id = ?", id);
        assertThat(json).as("B's " + table + " row exists").isNotNull();
        return json;
    }

    private static String withNewId(String rowJson) throws SQLException {
        return Sql.value(database, "select (?::jsonb || jsonb_build_object('id', gen_random_uuid()))::text", rowJson);
    }
}
