package com.fielddesk.cache.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The whole-cache initial sync of one user against what a competent team would write instead:
 * supabase-js + better-sqlite3 ({@code src/test/js-baseline/pull.mjs}: keyset pages, the next page
 * requested before the current one is written, one SQLite transaction per page, prepared upserts,
 * the cache's own columns and indexes). Same server, same user, same company (100k work orders
 * and ~480k rows over the synced tables by default), runs alternating script / engine so the
 * machine's load falls on both alike. Reports, per run and as the median of the runs' ratios:
 * all tables, {@code work_orders} alone, and the time to the first usable screen (the tables the
 * lead-pool screen reads: companies, profiles, lead_pool, service_requests, pulled first by both).
 * <pre>
 * offline-cache/benchmark.sh SupabaseJsBaselineBenchmark [workOrders=100000] [runs=3] [analyze|no-analyze]
 * </pre>
 * "no-analyze" leaves the freshly loaded tables without statistics (as right after a bulk import,
 * before autovacuum's first ANALYZE). Needs Node 20+ on the PATH; runs {@code npm ci} once.
 */
public final class SupabaseJsBaselineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIRST_SCREEN = List.of("companies", "profiles", "lead_pool", "service_requests");
    private static final int PAGE_SIZE = 5_000;

    private record Timing(double totalMs, double firstScreenMs) {
    }

    private SupabaseJsBaselineBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            // The local-backend's threads would keep a failed run alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int workOrders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean analyze = args.length <= 2 || !args[2].equals("no-analyze");
        Path script = Path.of("offline-cache/src/test/js-baseline").toAbsolutePath();
        npmCi(script);

        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        long seeded = seed(backend, tenant, workOrders, analyze);
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        BenchmarkSupport.watchPostgres(backend.admin());
        Path folder = BenchmarkSupport.tempFolder("fielddesk-baseline-");

        List<SyncedTable> tables;
        ArrayNode tableConfig = JSON.createArrayNode();
        try (CacheDatabase schema = CacheDatabase.open(folder.resolve("schema.db"))) {
            tables = List.copyOf(schema.catalog().all());
            List<SyncedTable> ordered = new ArrayList<>(tables.stream().filter(t -> FIRST_SCREEN.contains(t.name())).toList());
            ordered.addAll(tables.stream().filter(t -> !FIRST_SCREEN.contains(t.name())).toList());
            for (SyncedTable table : ordered) {
                ObjectNode entry = tableConfig.addObject();
                entry.put("name", table.name());
                table.columnNames().forEach(entry.putArray("columns")::add);
                ddl(schema, table.name()).forEach(entry.putArray("ddl")::add);
            }
        }
        System.out.printf(Locale.ROOT, "whole-cache initial sync of one dispatcher: %,d rows on the server for the company"
                + " (%,d work orders), page size %,d, statistics: %s%n", seeded, workOrders, PAGE_SIZE,
                analyze ? "analyzed" : "never analyzed");

        double[] allRatios = new double[runs];
        double[] workOrderRatios = new double[runs];
        double[] firstScreenRatios = new double[runs];
        for (int run = 0; run < runs; run++) {
            Timing script1 = script(script, backend, tenant, password, tableConfig, folder.resolve("js-all-" + run + ".db"));
            Timing engine1 = engine(backend, tenant, password, tables, folder.resolve("engine-all-" + run + ".db"), false);
            Timing script2 = script(script, backend, tenant, password, onlyWorkOrders(tableConfig),
                    folder.resolve("js-wo-" + run + ".db"));
            Timing engine2 = engine(backend, tenant, password, tables, folder.resolve("engine-wo-" + run + ".db"), true);
            allRatios[run] = script1.totalMs() / engine1.totalMs();
            workOrderRatios[run] = script2.totalMs() / engine2.totalMs();
            firstScreenRatios[run] = script1.firstScreenMs() / engine1.firstScreenMs();
            System.out.printf(Locale.ROOT, "  run %d: all tables supabase-js %.2f s, engine %.2f s = %.2fx | work_orders alone"
                            + " %.2f s vs %.2f s = %.2fx | first screen %.0f ms vs %.0f ms = %.2fx%n", run + 1,
                    script1.totalMs() / 1000, engine1.totalMs() / 1000, allRatios[run], script2.totalMs() / 1000,
                    engine2.totalMs() / 1000, workOrderRatios[run], script1.firstScreenMs(), engine1.firstScreenMs(),
                    firstScreenRatios[run]);
        }
        System.out.printf(Locale.ROOT, "median speed-up of the engine over supabase-js + better-sqlite3 (target >= 1.5x):"
                        + " all tables %.2fx, work_orders alone %.2fx, first usable screen %.2fx%n",
                median(allRatios), median(workOrderRatios), median(firstScreenRatios));
        System.out.printf(Locale.ROOT, "  load average %.1f on %d cores at the end%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The engine's pull of the same tables: the first screen's tables first, then the rest. */
    private static Timing engine(TestBackend backend, Tenant tenant, String password, List<SyncedTable> tables, Path file,
                                 boolean workOrdersOnly) throws Exception {
        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase cache = CacheDatabase.open(file);
             SyncEngine engine = new SyncEngine(cache, BackendAccounts.remote(client), Clock.systemUTC(),
                     SyncSettings.defaults().withPullPageSize(PAGE_SIZE), new SplittableRandom(1))) {
            java.util.Map<String, Long> cpuBefore = BenchmarkSupport.cpuMillis();
            long start = System.nanoTime();
            if (workOrdersOnly) {
                engine.pullTables(List.of("work_orders"));
                double ms = (System.nanoTime() - start) / 1e6;
                return new Timing(ms, ms);
            }
            engine.pullTables(FIRST_SCREEN);
            double firstScreen = (System.nanoTime() - start) / 1e6;
            List<String> rest = tables.stream().map(SyncedTable::name).filter(name -> !FIRST_SCREEN.contains(name)).toList();
            StringBuilder perTable = new StringBuilder();
            if (!Boolean.getBoolean("bench.perTable")) {
                // As the console's first sync runs: the rest in one pull (the next table's first
                // page downloads while the previous table's last one is written).
                engine.pullTables(rest);
            } else {
                for (String table : rest) {
                    long tableStart = System.nanoTime();
                    engine.pullTables(List.of(table));
                    perTable.append(String.format(Locale.ROOT, " %s %.0f", table, (System.nanoTime() - tableStart) / 1e6));
                }
                System.out.println("    engine ms per table:" + perTable);
            }
            System.out.println("    CPU during the engine's pull: " + BenchmarkSupport.cpuSpent(cpuBefore, BenchmarkSupport.cpuMillis()));
            return new Timing((System.nanoTime() - start) / 1e6, firstScreen);
        }
    }

    private static Timing script(Path script, TestBackend backend, Tenant tenant, String password, ArrayNode tables,
                                 Path file) throws Exception {
        ObjectNode config = JSON.createObjectNode();
        config.put("url", backend.url().toString());
        config.put("anonKey", backend.anonKey());
        config.put("email", tenant.user(0).email());
        config.put("password", password);
        config.put("db", file.toString());
        config.put("pageSize", PAGE_SIZE);
        config.set("tables", tables);
        ArrayNode firstScreen = config.putArray("firstScreen");
        tables.forEach(table -> {
            if (FIRST_SCREEN.contains(table.get("name").asText())) {
                firstScreen.add(table.get("name").asText());
            }
        });
        Path configFile = file.resolveSibling(file.getFileName() + ".json");
        Files.writeString(configFile, JSON.writeValueAsString(config));
        Process node = new ProcessBuilder("node", script.resolve("pull.mjs").toString(), configFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!node.waitFor(10, TimeUnit.MINUTES) || node.exitValue() != 0) {
            throw new IllegalStateException("the supabase-js baseline failed: " + output);
        }
        JsonNode result = JSON.readTree(output.substring(output.lastIndexOf('\n') + 1));
        return new Timing(result.get("totalMs").asDouble(),
                result.get("firstScreenMs").isNull() ? result.get("totalMs").asDouble() : result.get("firstScreenMs").asDouble());
    }

    private static ArrayNode onlyWorkOrders(ArrayNode tables) {
        ArrayNode only = JSON.createArrayNode();
        tables.forEach(table -> {
            if (table.get("name").asText().equals("work_orders")) {
                only.add(table);
            }
        });
        return only;
    }

    /** The cache's CREATE TABLE and its indexes for one table (no triggers: the script keeps no search index). */
    private static List<String> ddl(CacheDatabase cache, String table) {
        return cache.read(connection -> {
            List<String> statements = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select sql from sqlite_master where tbl_name = ? and type in ('table', 'index') and sql is not null"
                            + " order by type desc")) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        statements.add(rows.getString(1));
                    }
                }
            }
            return statements;
        });
    }

    private static void npmCi(Path folder) throws IOException, InterruptedException {
        if (Files.isDirectory(folder.resolve("node_modules/better-sqlite3"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile()).inheritIO().start();
        if (npm.waitFor() != 0) {
            throw new IllegalStateException("npm ci failed in " + folder);
        }
    }

    /**
     * The company's rows, loaded in bulk (triggers off: loading speed is not what is measured):
     * work orders with one status-history row each, half as many customers with an address each,
     * a quarter as many invoices with two items each, customer and internal threads with messages.
     */
    private static long seed(TestBackend backend, Tenant tenant, int workOrders, boolean analyze) throws Exception {
        int customers = Math.max(1, workOrders / 2);
        String company = tenant.companyId().toString();
        List<String> statements = List.of(
                "insert into public.customers (id, company_id, full_name, phone, email)"
                        + " select md5('customer' || g)::uuid, '%1$s', 'Customer ' || g, '+1 555 ' || lpad(g::text, 7, '0'),"
                        + " 'customer' || g || '@example.test' from generate_series(1, %2$d) g",
                "insert into public.customer_addresses (company_id, customer_id, street, postal_code, city)"
                        + " select '%1$s', md5('customer' || g)::uuid, g || ' Main Street', '02139', 'Cambridge'"
                        + " from generate_series(1, %2$d) g",
                "insert into public.work_orders (id, company_id, stage, title, description, status, customer_id, total,"
                        + " priority, number)"
                        + " select md5('work order' || g)::uuid, '%1$s', 'job', 'Work order ' || g,"
                        + " 'Replace the condenser fan motor, unit ' || g, 'unscheduled',"
                        + " md5('customer' || (1 + g %% %2$d))::uuid, (g %% 1000) + 0.5, 'normal', g"
                        + " from generate_series(1, %3$d) g",
                "insert into public.work_order_status_history (company_id, work_order_id, status_field, to_status)"
                        + " select '%1$s', md5('work order' || g)::uuid, 'status', 'unscheduled' from generate_series(1, %3$d) g",
                "insert into public.invoices (id, company_id, work_order_id, customer_id, number, status)"
                        + " select md5('invoice' || g)::uuid, '%1$s', md5('work order' || g)::uuid,"
                        + " md5('customer' || (1 + g %% %2$d))::uuid, g, 'draft' from generate_series(1, %3$d / 4) g",
                "insert into public.invoice_items (company_id, invoice_id, position, description, quantity, unit_price)"
                        + " select '%1$s', md5('invoice' || (1 + g / 2))::uuid, g %% 2, 'Labour, hour ' || g, 1.5, 95"
                        + " from generate_series(0, %3$d / 2 - 1) g",
                "insert into public.customer_threads (id, company_id, work_order_id, customer_id, subject)"
                        + " select md5('thread' || g)::uuid, '%1$s', md5('work order' || g)::uuid,"
                        + " md5('customer' || (1 + g %% %2$d))::uuid, 'About work order ' || g from generate_series(1, %3$d / 5) g",
                "insert into public.customer_messages (company_id, customer_thread_id, sender_kind, body)"
                        + " select '%1$s', md5('thread' || (1 + g / 3))::uuid, 'staff', 'We will be there between 8 and 10.'"
                        + " from generate_series(0, %3$d / 5 * 3 - 1) g",
                "insert into public.internal_threads (id, company_id, subject)"
                        + " select md5('internal' || g)::uuid, '%1$s', 'Parts order ' || g from generate_series(1, %3$d / 20) g",
                "insert into public.internal_messages (company_id, internal_thread_id, author_id, body)"
                        + " select '%1$s', md5('internal' || (1 + g / 4))::uuid, '" + tenant.user(0).id() + "',"
                        + " 'Ordered from the supplier.' from generate_series(0, %3$d / 20 * 4 - 1) g");
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local session_replication_role = replica");
            for (String sql : statements) {
                statement.execute(String.format(Locale.ROOT, sql, company, customers, workOrders));
            }
            connection.commit();
            connection.setAutoCommit(true);
            if (analyze) {
                statement.execute("analyze");
            }
            long total = 1; // the company itself
            for (String table : List.of("profiles", "customers", "customer_addresses", "work_orders",
                    "work_order_status_history", "invoices", "invoice_items", "customer_threads", "customer_messages",
                    "internal_threads", "internal_messages")) {
                try (ResultSet count = statement.executeQuery(
                        "select count(*) from public." + table + " where company_id = '" + company + "'")) {
                    count.next();
                    total += count.getLong(1);
                }
            }
            return total;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
