package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull cursor of DESIGN.md §4: sync_xid plus the snapshot's xmin, never updated_at. */
class SyncCursorTest {

    /** A pull page exactly as the client asks PostgREST for it: sync_xid=gte.<cursor>&order=sync_xid,id. */
    private static final String PULL = """
            select description, updated_at from public.lead_pool
             where sync_xid >= (?::text)::xid8 order by sync_xid, id""";

    /**
     * Leads arrive from intake (portal, phone), independent of any company's transactions. (Writers of
     * one company queue behind each other on its audit chain lock, so the shared pool is where a
     * transaction that began first really commits last.)
     */
    private static final String POST_LEAD = """
            insert into public.service_requests (trade, description, postal_code, customer_name, street_address)
            values ('hvac', ?, '10001', 'Kim Caller', '1 Main St')""";

    private DataSource database;
    private AppUser csr;
    private AppUser supervisor;

    @BeforeEach
    void createCompany() {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
        TenantFixtures.Company company = fixtures.company("Late Night HVAC", LeadPreferences.serving("hvac", "10001"));
        csr = fixtures.staff(company, "csr");
        supervisor = fixtures.staff(company, "supervisor");
    }

    @Test
    void rowOfATransactionThatBeganFirstButCommitsLastIsReturnedByTheNextPull() throws SQLException {
        long firstCursor = watermark();
        try (Connection early = database.getConnection(); Connection late = database.getConnection()) {
            late.setAutoCommit(false);
            Sql.update(late, POST_LEAD, "Written first, committed last");
            early.setAutoCommit(false);
            Sql.update(early, POST_LEAD, "Written second, committed first");
            early.commit();

            long secondCursor = watermark();
            List<Map<String, Object>> firstPull = pull(firstCursor);
            assertThat(descriptions(firstPull)).containsExactly("Written second, committed first");

            late.commit();

            List<Map<String, Object>> secondPull = pull(secondCursor);
            assertThat(descriptions(secondPull)).contains("Written first, committed last");
            // Why not updated_at: the late row carries the earlier timestamp, so "updated_at > last seen"
            // would have skipped it forever.
            Timestamp lateStamp = (Timestamp) rowDescribed(secondPull, "Written first, committed last").get("updated_at");
            Timestamp earlyStamp = (Timestamp) firstPull.get(0).get("updated_at");
            assertThat(lateStamp).isBefore(earlyStamp);
        }
    }

    @Test
    void watermarkIsABigintThatNeverMovesPastARunningWriter() throws SQLException {
        try (Connection running = database.getConnection()) {
            running.setAutoCommit(false);
            Object runningXid = Sql.value(running, "select pg_current_xact_id()::text::bigint");

            Object watermark = AsUser.run(database, csr.identity(), c -> Sql.value(c, "select public.sync_watermark()"));

            assertThat(watermark).isInstanceOf(Long.class);
            assertThat((Long) watermark).isLessThanOrEqualTo((Long) runningXid);
            running.rollback();
        }
    }

    @Test
    void everyUpdateBumpsVersionAndSyncXidWhateverTheClientSends() throws SQLException {
        UUID customer = AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.customers (full_name, version) values ('Versioned', 42) returning id"));
        Map<String, Object> inserted = stamps(customer);
        UUID mutation = UUID.randomUUID();

        int changed = AsUser.run(database, csr.identity(), c -> Sql.update(c, """
                update public.customers set phone = '555-0199', version = 99, last_mutation_id = ?
                 where id = ? and version = 1""", mutation, customer));
        Map<String, Object> updated = stamps(customer);

        assertThat(inserted.get("version")).isEqualTo(1);
        assertThat(changed).isOne();
        assertThat(updated.get("version")).isEqualTo(2);
        assertThat((Long) updated.get("xid")).isGreaterThan((Long) inserted.get("xid"));
        assertThat(updated.get("last_mutation_id")).isEqualTo(mutation);
        int stale = AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.customers set phone = '555-0100' where id = ? and version = 1", customer));
        assertThat(stale).as("an update based on an old version matches nothing").isZero();
    }

    @Test
    void softDeletedRowStaysVisibleAsATombstoneForThePull() throws SQLException {
        long cursor = watermark();
        UUID customer = AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.customers (full_name) values ('Soon gone') returning id"));

        AsUser.run(database, supervisor.identity(), c -> Sql.update(c,
                "update public.customers set deleted_at = now() where id = ?", customer));

        List<Map<String, Object>> tombstones = AsUser.run(database, csr.identity(), c -> Sql.rows(c,
                "select id from public.customers where sync_xid >= (?::text)::xid8 and deleted_at is not null", cursor));
        assertThat(tombstones).extracting(row -> row.get("id")).containsExactly(customer);
    }

    @Test
    void everySyncedTableCarriesTheSyncColumnsTheirTriggerAndThePullIndex() throws SQLException {
        String[] synced = Stream.concat(TenantIsolationTest.TENANT_TABLES.stream(), Stream.of("lead_pool")).toArray(String[]::new);
        List<Map<String, Object>> incomplete = Sql.rows(database, """
                select c.relname from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname = any (?)
                   and ((select count(*) from information_schema.columns col
                         where col.table_schema = 'public' and col.table_name = c.relname
                           and col.column_name in ('created_at', 'updated_at', 'deleted_at', 'version',
                                                   'last_mutation_id', 'sync_xid')) <> 6
                    or not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'stamp_sync_columns')
                    or not exists (select 1 from pg_index i where i.indrelid = c.oid
                                     and pg_get_indexdef(i.indexrelid) like '%(sync_xid, id)'))
                """, (Object) synced);
        long syncedTables = Sql.count(database, "select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace"
                + " and c.relkind = 'r' and c.relname = any (?)", (Object) synced);

        assertThat(syncedTables).isEqualTo(synced.length);
        assertThat(incomplete).isEmpty();
    }

    private long watermark() throws SQLException {
        return AsUser.run(database, csr.identity(), c -> Sql.value(c, "select public.sync_watermark()"));
    }

    private List<Map<String, Object>> pull(long cursor) throws SQLException {
        return AsUser.run(database, csr.identity(), c -> Sql.rows(c, PULL, cursor));
    }

    private Map<String, Object> stamps(UUID customer) throws SQLException {
        return Sql.rows(database, """
                select version, sync_xid::text::bigint as xid, last_mutation_id from public.customers where id = ?""",
                customer).get(0);
    }

    private static List<String> descriptions(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (String) row.get("description")).toList();
    }

    private static Map<String, Object> rowDescribed(List<Map<String, Object>> rows, String description) {
        return rows.stream().filter(row -> description.equals(row.get("description"))).findFirst().orElseThrow();
    }
}
