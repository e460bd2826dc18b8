package com.fielddesk.cache.benchmark;

import java.util.Locale;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Initial sync of N work orders (default 100,000) through the engine (HTTP to the local-backend,
 * paged keyset pull, SQLite) against the raw pipe in the same run: JDBC COPY out of PostgreSQL
 * plus one batched SQLite insert of the same rows into the same cache schema. Run it with
 * -Xmx256m (the exec goal does) to show the sync fits that heap.
 */
public final class InitialSyncBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        seed(backend, tenant, rows);
        BenchmarkSupport.watchPostgres(backend.admin());
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        Path folder = BenchmarkSupport.tempFolder("fielddesk-bench-");

        long rawNanos = Long.MAX_VALUE;
        long engineNanos = Long.MAX_VALUE;
        long peak = 0;
        double[] ratios = new double[runs];
        for (int run = 0; run < runs; run++) {
            long raw = rawPipe(backend, tenant, folder.resolve("raw-" + run + ".db"), rows);
            BenchmarkSupport.resetPeaks();
            long engine = engine(backend, tenant, password, folder.resolve("engine-" + run + ".db"), rows, pageSize);
            peak = Math.max(peak, BenchmarkSupport.peakHeapMb());
            rawNanos = Math.min(rawNanos, raw);
            engineNanos = Math.min(engineNanos, engine);
            ratios[run] = (double) raw / engine;
            System.out.printf(Locale.ROOT, "  run %d: raw pipe %.2f s, engine %.2f s = %.0f %%%n", run + 1, BenchmarkSupport.seconds(raw),
                    BenchmarkSupport.seconds(engine), 100 * ratios[run]);
        }
        java.util.Arrays.sort(ratios);
        double rawRate = rows / BenchmarkSupport.seconds(rawNanos);
        double engineRate = rows / BenchmarkSupport.seconds(engineNanos);
        System.out.printf(Locale.ROOT, "initial sync of %,d work orders (best of %d, page size %,d, max heap %d MB)%n", rows, runs,
                pageSize, BenchmarkSupport.maxHeapMb());
        System.out.printf(Locale.ROOT, "  raw pipe (COPY out + one batched SQLite insert): %.2f s = %,.0f rows/s%n",
                BenchmarkSupport.seconds(rawNanos), rawRate);
        System.out.printf(Locale.ROOT, "  engine (HTTP keyset pull -> SQLite):            %.2f s = %,.0f rows/s%n",
                BenchmarkSupport.seconds(engineNanos), engineRate);
        System.out.printf(Locale.ROOT, "  engine / raw pipe throughput: best %.0f %%, median of the runs' own ratios %.0f %% (target >= 40 %%);"
                + " peak heap during engine sync %d MB%n", 100 * engineRate / rawRate, 100 * ratios[runs / 2], peak);
        System.out.printf(Locale.ROOT, "  load average %.1f on %d cores at the end%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.exit(0);
    }

    private static void seed(TestBackend backend, Tenant tenant, int rows) throws Exception {
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Loading speed is not what is measured: skip the per-row audit and numbering triggers.
            statement.execute("set local session_replication_role = replica");
            statement.execute(String.format(Locale.ROOT, """
                    insert into public.work_orders (company_id, stage, title, description, status, customer_id, total,
                                                    priority, number)
                    select '%s', 'job', 'Work order ' || g, 'Replace the condenser fan motor, unit ' || g,
                           'unscheduled', '%s', (g %% 1000) + 0.5, 'normal', g
                      from generate_series(1, %d) g""", tenant.companyId(), tenant.customerId(), rows));
            connection.commit();
            // What autovacuum does within a minute of such a load on a real server. Without
            // statistics the planner guesses "1 row" and answers each keyset page with a bitmap
            // scan of every remaining row plus a sort (quadratic in the table size).
            connection.setAutoCommit(true);
            statement.execute("analyze public.work_orders");
        }
    }

    private static long rawPipe(TestBackend backend, Tenant tenant, Path file, int expected) throws Exception {
        try (CacheDatabase cache = CacheDatabase.open(file)) {
            SyncedTable table = cache.catalog().require("work_orders");
            String columns = table.columns().stream().map(c -> c.name().equals("sync_xid") ? "sync_xid::text::bigint"
                    : c.name().equals("created_at") || c.name().endsWith("_at") || c.name().startsWith("scheduled_")
                    ? "to_json(" + c.name() + ")#>>'{}'" : c.name()).collect(Collectors.joining(", "));
            String placeholders = table.columns().stream().map(c -> "?").collect(Collectors.joining(","));
            long start = System.nanoTime();
            int[] count = {0};
            try (Connection pg = backend.admin().getConnection()) {
                CopyOut copy = pg.unwrap(PGConnection.class).getCopyAPI().copyOut(
                        "copy (select " + columns + " from public.work_orders where company_id = '" + tenant.companyId()
                                + "') to stdout");
                cache.write(sqlite -> {
                    // With a conflict clause, like the cache's own upserts: on a table with triggers (the
                    // search index's) a plain INSERT costs SQLite several times more per row.
                    try (PreparedStatement insert = sqlite.prepareStatement("insert into work_orders ("
                            + table.quotedColumnList() + ") values (" + placeholders + ") on conflict (\"id\") do nothing")) {
                        byte[] line;
                        while ((line = readRow(copy)) != null) {
                            List<String> values = CopyText.split(new String(line, StandardCharsets.UTF_8));
                            for (int i = 0; i < values.size(); i++) {
                                insert.setString(i + 1, values.get(i));
                            }
                            insert.addBatch();
                            if (++count[0] % 10_000 == 0) {
                                insert.executeBatch();
                            }
                        }
                        insert.executeBatch();
                    }
                    return null;
                });
            }
            long elapsed = System.nanoTime() - start;
            if (count[0] != expected) {
                throw new IllegalStateException("raw pipe copied " + count[0] + " rows, expected " + expected);
            }
            return elapsed;
        }
    }

    private static byte[] readRow(CopyOut copy) {
        try {
            return copy.readFromCopy();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long engine(TestBackend backend, Tenant tenant, String password, Path file, int expected, int pageSize)
            throws Exception {
        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase cache = CacheDatabase.open(file);
             SyncEngine engine = new SyncEngine(cache, BackendAccounts.remote(client), Clock.systemUTC(),
                     SyncSettings.defaults().withPullPageSize(pageSize), new SplittableRandom(1))) {
            java.util.Map<String, Long> cpuBefore = BenchmarkSupport.cpuMillis();
            long start = System.nanoTime();
            long pulled = engine.pullTables(List.of("work_orders")).get("work_orders");
            long elapsed = System.nanoTime() - start;
            System.out.println("    engine CPU: " + BenchmarkSupport.cpuSpent(cpuBefore, BenchmarkSupport.cpuMillis()));
            if (pulled != expected || engine.repositories().table("work_orders").count() != expected) {
                throw new IllegalStateException("engine pulled " + pulled + " rows, expected " + expected);
            }
            return elapsed;
        }
    }

    /** Decodes PostgreSQL COPY text format (tab separated, \N for null, backslash escapes). */
    static final class CopyText {
        private CopyText() {
        }

        static List<String> split(String line) {
            List<String> values = new java.util.ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean escaped = false;
            int end = line.endsWith("\n") ? line.length() - 1 : line.length();
            for (int i = 0; i < end; i++) {
                char c = line.charAt(i);
                if (escaped) {
                    switch (c) {
                        case 'N' -> current.append('\u0000');
                        case 't' -> current.append('\t');
                        case 'n' -> current.append('\n');
                        case 'r' -> current.append('\r');
                        default -> current.append(c);
                    }
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '\t') {
                    values.add(decode(current));
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            values.add(decode(current));
            return values;
        }

        private static String decode(StringBuilder value) {
            return value.length() == 1 && value.charAt(0) == '\u0000' ? null : value.toString();
        }
    }
}
