package com.fielddesk.localbackend.demo;

import java.util.Locale;
import com.fielddesk.localbackend.db.EmbeddedPostgresServer;
import com.fielddesk.localbackend.db.SchemaInstaller;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark: how long the generator takes to load the standard dataset and a large one into a
 * fresh embedded PostgreSQL (migrations applied, timing only the load). Prints one line per run.
 *
 * <p>Usage: {@code DemoBenchmark [workOrders ...]} (default: standard, then 100000).
 */
public final class DemoBenchmark {

    private DemoBenchmark() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path dataDirectory = Files.createTempDirectory("fielddesk-demo-bench-");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            String[] runs = args.length > 0 ? args : new String[] {"standard", "100000"};
            int number = 0;
            for (String run : runs) {
                DemoScale scale = run.equals("standard") ? DemoScale.standard() : DemoScale.ofWorkOrders(Integer.parseInt(run));
                String database = "demo_bench_" + (++number);
                execute(server.superuserDataSource("postgres"), "create database " + database + " owner postgres");
                SchemaInstaller.fromClasspath().install(server.logins(database));
                DataSource target = server.postgresRoleDataSource(database);
                long started = System.nanoTime();
                DemoSummary summary = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, Instant.now(), scale).writeTo(target);
                double seconds = (System.nanoTime() - started) / 1e9;
                long rows = summary.rowCounts().values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(Locale.ROOT, "%-8s %s%n         %.1f s, %,d rows in all tables (%,.0f rows/s)%n         %s%n",
                        run, scale, seconds, rows, rows / seconds, compact(summary.rowCounts()));
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String compact(Map<String, Long> counts) {
        StringBuilder line = new StringBuilder();
        counts.forEach((table, count) -> line.append(table.replace("public.", "")).append('=').append(count).append(' '));
        return line.toString().strip();
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
