package com.fielddesk.desktop.bench;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.desktop.app.ConsoleSession;
import com.fielddesk.desktop.app.ConsoleWindow;
import com.fielddesk.desktop.app.Endpoint;
import com.fielddesk.desktop.app.LocalDemo;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.app.Services;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The initial sync of a company with N work orders (default 100,000) and a tenth as many customers,
 * twice per run, alternating: with the console closed (the sync engine alone, signing in as the same
 * dispatcher) and with the console open on it — Leads (the pool and My leads) shown and Customers
 * opened while the sync runs, both listening to the cache's change notices. Both times start at
 * the sign-in, and each side runs in a fresh JVM of its own (as a user starts either), against
 * one local-backend in this JVM. Reports each run, the median of the runs' ratios (open / closed)
 * and the load. Target: ≤ 1.2×.
 * Usage: InitialSyncScreensOpenBenchmark [workOrders=100000] [runs=3]
 */
public final class InitialSyncScreensOpenBenchmark {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].startsWith("--")) {
            runOneSide(args);
            return;
        }
        int workOrders = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ConsoleBackend backend = new ConsoleBackend();
        seed(backend, workOrders);
        System.out.printf(Locale.ROOT, "server: %,d work orders and %,d customers for Acme%n", workOrders, workOrders / 10);

        double[] ratios = new double[runs];
        for (int run = 0; run < runs; run++) {
            double closed = inFreshJvm("--closed", backend, workOrders);
            double open = inFreshJvm("--open", backend, workOrders);
            ratios[run] = open / closed;
            System.out.printf(Locale.ROOT, "  run %d: console closed %.2f s, console open (Leads + Customers) %.2f s = %.2fx%n",
                    run + 1, closed, open, ratios[run]);
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "initial sync with the screens open / closed, median of %d runs: %.2fx (target <= 1.2x);"
                        + " load average %.1f%n", runs, ratios[runs / 2],
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        backend.close();
        System.exit(0);
    }

    /**
     * One side of a run in a JVM of its own, as a user starts the console (or a sync without it):
     * both sides pay for a cold JIT, and neither inherits the other's warm code. In one JVM the
     * engine-alone side ran on code the previous console run had compiled, while the console's
     * side compiled 3 s of its own code each time.
     */
    private static double inFreshJvm(String side, ConsoleBackend backend, int workOrders) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC"));
        command.addAll(Headless.jvmFlags());
        // e.g. -Dbench.childJvmOptions=-XX:StartFlightRecording=filename=side.jfr to profile a side
        String extra = System.getProperty("bench.childJvmOptions", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), InitialSyncScreensOpenBenchmark.class.getName(),
                side, backend.url().toString(), backend.endpoint().anonKey(), backend.acmeDispatcher.email(),
                backend.acmeDispatcher.password(), Integer.toString(workOrders)));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Double seconds = null;
        List<String> output = new ArrayList<>();
        try (java.io.BufferedReader lines = child.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.startsWith(RESULT)) {
                    seconds = Double.parseDouble(line.substring(RESULT.length()));
                } else if (line.startsWith("    ")) {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || seconds == null) {
            throw new IllegalStateException(side + " failed:\n" + String.join("\n", output));
        }
        return seconds;
    }

    private static final String RESULT = "seconds=";

    private static void runOneSide(String[] args) throws Exception {
        URI url = URI.create(args[1]);
        String anonKey = args[2];
        DemoLogin login = new DemoLogin(args[3], args[4], "dispatcher", "Acme Heating");
        int workOrders = Integer.parseInt(args[5]);
        double seconds;
        if (args[0].equals("--closed")) {
            seconds = closed(url, anonKey, login, workOrders);
        } else {
            Headless.applyIfNoDisplay();
            Platform.startup(() -> { });
            seconds = open(localDemoAt(url, anonKey), login, workOrders);
        }
        System.out.println(RESULT + seconds);
        System.exit(0);
    }

    private static LocalDemo localDemoAt(URI url, String anonKey) {
        return new LocalDemo() {
            @Override
            public Endpoint start(java.util.function.Consumer<SignInProgress> progress) {
                return new Endpoint(url, anonKey);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The sync engine alone into a fresh cache, the way the console does it without its screens:
     * seconds from signing in (the client and the cache opened, as the console opens them) until
     * every table is pulled.
     */
    private static double closed(URI url, String anonKey, DemoLogin login, int workOrders) throws Exception {
        Path folder = Files.createTempDirectory("fielddesk-closed-");
        try {
            return closedInto(folder, url, anonKey, login, workOrders);
        } finally {
            com.fielddesk.localbackend.testing.TemporaryFolders.delete(folder);
        }
    }

    private static double closedInto(Path folder, URI url, String anonKey, DemoLogin login, int workOrders) throws Exception {
        long start = System.nanoTime();
        try (SupabaseClient client = new SupabaseClient(SupabaseConfig.of(url.toString(), anonKey), new InMemorySessionStore())) {
            client.auth().signInWithPassword(login.email(), login.password());
            try (CacheDatabase cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
                 SyncEngine engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(),
                    SyncSettings.defaults(), new SplittableRandom(1))) {
                engine.syncOnce(progress -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                long pulled = engine.rowsPerTable().getOrDefault("work_orders", 0L);
                if (pulled < workOrders) {
                    throw new IllegalStateException("the engine has " + pulled + " work orders, expected " + workOrders);
                }
                return seconds;
            }
        }
    }

    /**
     * The console signed in with a fresh cache: it opens as soon as the lead pool is in (Leads shown,
     * My leads listening), Customers is opened at once, and the rest of the first sync — customers,
     * then the work orders — arrives with both screens open and live; seconds from the sign-in
     * click until the cache has every work order.
     */
    private static double open(LocalDemo localDemo, DemoLogin login, int workOrders) throws Exception {
        Path home = Files.createTempDirectory("fielddesk-open-");
        try {
            return openIn(home, localDemo, login, workOrders);
        } finally {
            com.fielddesk.localbackend.testing.TemporaryFolders.delete(home);
        }
    }

    private static double openIn(Path home, LocalDemo localDemo, DemoLogin login, int workOrders) throws Exception {
        Services services = new Services(home, localDemo, Platform::runLater, Clock.systemDefaultZone(),
                List.of(login), new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10)));
        Stage[] stage = new Stage[1];
        ConsoleWindow[] window = new ConsoleWindow[1];
        Fx.run(() -> {
            stage[0] = new Stage();
            window[0] = new ConsoleWindow(stage[0], services);
            window[0].showSignIn(null, false);
            stage[0].show();
        });
        Fx.waitUntil("the sign-in form", Duration.ofMinutes(1),
                () -> stage[0].getScene().getRoot().lookup("#" + SignInView.SIGN_IN_BUTTON_ID) != null);
        Map<String, Long> cpuBefore = cpuByThread();
        long start = System.nanoTime();
        Fx.run(() -> {
            ((ComboBox<?>) stage[0].getScene().getRoot().lookup("#" + SignInView.DEMO_LOGINS_ID)).getSelectionModel().selectFirst();
            ((Button) stage[0].getScene().getRoot().lookup("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
        });
        String customers = "#" + ShellView.NAV_PREFIX + "customers";
        Fx.waitUntil("the Customers section in the navigation", Duration.ofMinutes(2),
                () -> stage[0].getScene().getRoot().lookup(customers) != null);
        Fx.run(() -> ((ToggleButton) stage[0].getScene().getRoot().lookup(customers)).fire());
        double openedAfter = (System.nanoTime() - start) / 1e9;
        SyncStatus.InitialSyncProgress whenOpened = window[0].currentSession().status().initialSync();
        // The end is heard from the engine's status, not polled on the FX thread: counting 100k rows
        // there every few ms was the benchmark's own load on the console it measures.
        ConsoleSession session = window[0].currentSession();
        CountDownLatch synced = new CountDownLatch(1);
        try (AutoCloseable feed = session.sync().status().subscribe(status -> {
            if (status.lastSuccessfulSync() != null && status.initialSync() == null) {
                synced.countDown();
            }
        })) {
            SyncStatus now = session.status();
            if (now.lastSuccessfulSync() != null && now.initialSync() == null) {
                synced.countDown();
            }
            if (!synced.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the first sync did not finish within 10 minutes");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long pulled = session.sync().rowsPerTable().getOrDefault("work_orders", 0L);
        if (pulled < workOrders) {
            throw new IllegalStateException("the console has " + pulled + " work orders, expected " + workOrders);
        }
        System.out.printf(Locale.ROOT, "    console open after %.2f s, the first sync then at %s%n", openedAfter,
                whenOpened == null ? "its end" : whenOpened.table() + " (" + whenOpened.tablesDone() + " of "
                        + whenOpened.tablesTotal() + " tables done)");
        Map<String, Long> cpuAfter = cpuByThread();
        System.out.println("    CPU of the console's threads during the sync (ms): " + cpuAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 100).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).toList());
        Fx.run(() -> stage[0].close());
        services.close();
        return seconds;
    }

    /** CPU time per thread name (numbers dropped, so a pool adds up), ms. */
    private static Map<String, Long> cpuByThread() {
        Map<String, Long> split = new java.util.TreeMap<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos > 0) {
                    split.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos / 1_000_000, Long::sum);
                }
            }
        }
        return split;
    }

    private static void seed(ConsoleBackend backend, int workOrders) throws Exception {
        String company = backend.acme.id().toString();
        try (Connection connection = backend.tenants().superuser().getConnection();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Loading speed is not what is measured: no per-row audit and numbering triggers.
            statement.execute("set local session_replication_role = replica");
            statement.execute(String.format(Locale.ROOT, "insert into public.customers (id, company_id, full_name, phone)"
                    + " select md5('bench customer' || g)::uuid, '%s', 'Customer ' || g, '+1 555 ' || g"
                    + " from generate_series(1, %d) g", company, Math.max(1, workOrders / 10)));
            statement.execute(String.format(Locale.ROOT, "insert into public.work_orders (company_id, stage, title, status,"
                    + " customer_id, priority, number) select '%s', 'job', 'Work order ' || g, 'unscheduled',"
                    + " md5('bench customer' || (1 + g %% %d))::uuid, 'normal', g from generate_series(1, %d) g",
                    company, Math.max(1, workOrders / 10), workOrders));
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("analyze");
        }
    }
}
