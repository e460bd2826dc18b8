package com.fielddesk.cache.pull;

import java.util.Locale;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull page must not depend on table statistics: right after a bulk import, before any
 * ANALYZE, {@code public.sync_page} reads one range of the {@code (sync_xid, id)} index in order
 * and stops after the page, where the planner would otherwise pick the company index and sort
 * every remaining row for each page. The function's inner query is dynamic SQL, so its plan is
 * captured with auto_explain (nested statements, sent to this session as notices).
 */
class SyncPagePlanTest {

    private static final int ROWS = 20_000;
    private static final int PAGE = 500;

    @Test
    void aPageIsOneIndexRangeScanOnANeverAnalyzedTable() throws Exception {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        Company company = fixtures.company("Plan Co");
        Company other = fixtures.company("Other Co");
        AppUser dispatcher = fixtures.staff(company, "dispatcher");
        UUID customer = fixtures.customer(company, "Plan Customer");
        UUID otherCustomer = fixtures.customer(other, "Other Customer");
        try (Connection connection = fixtures.superuser().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("alter table public.work_orders set (autovacuum_enabled = false)");
            connection.setAutoCommit(false);
            sql.execute("set local session_replication_role = replica");
            sql.execute(bulkInsert(company.id(), customer, ROWS));
            sql.execute(bulkInsert(other.id(), otherCustomer, ROWS / 4));
            connection.commit();
            connection.setAutoCommit(true);
            assertThat(single(sql, "select reltuples::bigint from pg_class where oid = 'public.work_orders'::regclass"))
                    .as("never analyzed or vacuumed").isEqualTo("-1");

            String keysetMiddle = single(sql, "select sync_xid::text || ' ' || id from public.work_orders"
                    + " where company_id = '" + company.id() + "' order by sync_xid, id offset " + ROWS / 2 + " limit 1");
            String xid = keysetMiddle.split(" ")[0];
            String id = keysetMiddle.split(" ")[1];

            sql.execute("load 'auto_explain'");
            sql.execute("set auto_explain.log_min_duration = 0");
            sql.execute("set auto_explain.log_nested_statements = on");
            sql.execute("set auto_explain.log_analyze = on");
            sql.execute("set auto_explain.log_level = notice");
            connection.setAutoCommit(false);
            dispatcher.identity().applyTo(connection);

            // What the adapter sent before (a PostgREST range query): without statistics the
            // planner sorts all remaining rows of the company for every page.
            String restPlan = String.join("\n", column(sql, "explain select * from public.work_orders where sync_xid = '"
                    + xid + "'::xid8 and id > '" + id + "'::uuid order by id limit " + PAGE));
            assertThat(restPlan).contains("Sort");

            sql.clearWarnings();
            String page = single(sql, "select public.sync_page('work_orders', array['id', 'sync_xid'], 0, " + xid
                    + ", '" + id + "'::uuid, " + PAGE + ")::text");
            String pagePlan = notices(sql.getWarnings()).stream().filter(n -> n.contains("public.work_orders"))
                    .findFirst().orElseThrow(() -> new AssertionError("auto_explain logged no plan for the page query"));
            connection.rollback();

            assertThat(pagePlan).contains("Index Scan using work_orders_sync_idx")
                    .contains("Index Cond: ((sync_xid >= '0'::xid8) AND (ROW(sync_xid, id) > ROW(")
                    .contains("rows=" + PAGE + " loops=1")
                    .doesNotContain("Sort").doesNotContain("Bitmap");
            assertThat(page).startsWith("[[\"" ).contains("\"" + xid + "\"").doesNotContain(id);
        }
    }

    private static String bulkInsert(UUID company, UUID customer, int rows) {
        return String.format(Locale.ROOT, """
                insert into public.work_orders (company_id, stage, title, status, customer_id, priority, number)
                select '%s', 'job', 'Work order ' || g, 'unscheduled', '%s', 'normal', g
                  from generate_series(1, %d) g""", company, customer, rows);
    }

    private static String single(Statement sql, String query) throws SQLException {
        return column(sql, query).get(0);
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> notices(SQLWarning first) {
        List<String> messages = new ArrayList<>();
        for (SQLWarning warning = first; warning != null; warning = warning.getNextWarning()) {
            messages.add(warning.getMessage());
        }
        return messages;
    }
}
