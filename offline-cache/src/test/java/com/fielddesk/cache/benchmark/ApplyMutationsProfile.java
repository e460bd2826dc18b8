package com.fielddesk.cache.benchmark;

import java.util.Locale;
import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.testing.JdbcRemoteTables;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TestPostgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where does {@code apply_mutations}' time go? Straight over JDBC as the signed-in user (no HTTP,
 * no SQLite), on a fresh copy of the migrated database: times batches of title updates (one per
 * work order, base version 1) and prints PostgreSQL's per-function self times
 * ({@code track_functions = all}), so triggers and helpers show up by name.
 *
 * <p>Each call opens a new connection (as the test data source does), so small batches also pay
 * for PL/pgSQL compilation per call; compare batch sizes of 100 and more.
 *
 * <p>Usage: {@code offline-cache/benchmark.sh ApplyMutationsProfile [updates=5000] [batch=500]}
 */
public final class ApplyMutationsProfile {

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.newDatabase();
        DataSource superuser = postgres.superuser(database);
        execute(superuser, "alter database " + database + " set track_functions = 'all'");
        Tenant tenant = Tenant.create(superuser, "dispatcher");
        List<UUID> ids = tenant.insertWorkOrders(updates, "Job");
        JdbcRemoteTables remote = new JdbcRemoteTables(superuser, tenant.user(0).id(), tenant.user(0).email());
        execute(superuser, "select pg_stat_reset()");

        // Does the set-based path take such a batch? (apply_mutations falls back silently, so ask it directly.)
        System.out.println("set-based path on a sample batch (rolled back): "
                + tryFastPath(superuser, tenant, batch(ids, 0, Math.min(updates, batchSize))));
        long start = System.nanoTime();
        for (int from = 0; from < updates; from += batchSize) {
            List<MutationRequest> batch = batch(ids, from, Math.min(updates, from + batchSize));
            for (MutationResult result : remote.applyMutations(batch)) {
                if (result.status() != MutationResult.Status.APPLIED) {
                    throw new IllegalStateException("not applied: " + result);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "apply_mutations over JDBC: %,d title updates in batches of %d: %.2f s = %.3f ms per mutation%n",
                updates, batchSize, seconds, seconds * 1000 / updates);
        // Each call ran on its own connection, whose statistics reach the shared view when it closes.
        execute(superuser, "select pg_stat_force_next_flush()");
        try (Connection connection = superuser.getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("""
                     select schemaname || '.' || funcname, calls, round(total_time::numeric, 1), round(self_time::numeric, 1)
                       from pg_stat_user_functions order by self_time desc limit 15""")) {
            System.out.printf(Locale.ROOT, "  %-45s %9s %11s %11s %9s%n", "function", "calls", "total ms", "self ms", "self/mut");
            while (rows.next()) {
                System.out.printf(Locale.ROOT, "  %-45s %,9d %,11.1f %,11.1f %9.3f%n", rows.getString(1), rows.getLong(2),
                        rows.getDouble(3), rows.getDouble(4), rows.getDouble(4) / updates);
            }
        }
        System.exit(0);
    }

    private static List<MutationRequest> batch(List<UUID> ids, int from, int to) {
        List<MutationRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(new MutationRequest(UUID.randomUUID(), "work_orders", ids.get(i).toString(), Operation.UPDATE,
                    Json.NODES.objectNode().put("title", "Profiled " + i), 1L, null));
        }
        return batch;
    }

    private static String tryFastPath(DataSource superuser, Tenant tenant, List<MutationRequest> batch) {
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            AsUser.authenticated(tenant.user(0).id(), tenant.user(0).email()).applyTo(connection);
            try (PreparedStatement call = connection.prepareStatement(
                    "select sync_internal.apply_mutations_set_based(?::jsonb) is not null")) {
                call.setString(1, MutationCodec.encode(batch).toString());
                try (ResultSet result = call.executeQuery()) {
                    result.next();
                    return result.getBoolean(1) ? "taken" : "not taken (a table or column it does not write)";
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return "raised " + e.getSQLState() + ": " + e.getMessage();
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
