package com.fielddesk.localbackend.bench;

import java.util.Locale;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realtime benchmark (a runnable main, not a test): N subscribed clients (default 20) each on
 * their own socket as a different staff member of one company, while work orders are inserted
 * at a fixed rate (default 100/s for 60 s). Prints the achieved insert rate, commit-to-delivery
 * latency percentiles over every delivery, and how many events the clients missed (the target
 * is none).
 *
 * <p>The inserts follow a fixed schedule (insert n is due at start + n / rate), spread over a
 * few connections so one slow commit does not hold back the next; an insert that starts late is
 * reported, and the achieved rate is measured, not assumed. The latency of one delivery runs
 * from the moment its INSERT's autocommit returned to the inserter to the moment the client
 * read the frame. Server, database and clients all run on this machine, the server and the
 * clients in this one JVM, so client work competes with the server for the same cores. A warm-up
 * at the same rate (default 15 s) runs first and is reported on its own line, not in the results.
 *
 * <pre>
 * ./mvnw -B -q -pl local-backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.RealtimeBenchmark \
 *     [-Dbench.clients=20 -Dbench.rate=100 -Dbench.seconds=60 -Dbench.inserters=4 -Dbench.warmup=15]
 * </pre>
 * Exits 1 if any client missed an event.
 */
public final class RealtimeBenchmark {

    private RealtimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 20);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int inserters = Integer.getInteger("bench.inserters", 4);
        int warmup = Integer.getInteger("bench.warmup", 15);
        System.out.printf(Locale.ROOT, "load average before start: %s; %d cores; server, database and clients on this machine, "
                + "server and clients in one JVM%n", loadAverage(), Runtime.getRuntime().availableProcessors());

        TestBackend backend = TestBackend.shared();
        TenantFixtures fixtures = new TenantFixtures(backend.admin());
        TenantFixtures.Company company = fixtures.company("Benchmark Co");
        UUID customer = fixtures.customer(company, "Benchmark Customer");

        List<Subscriber> subscribers = new ArrayList<>();
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
        for (int i = 0; i < clients; i++) {
            TenantFixtures.AppUser user = fixtures.staff(company, "dispatcher");
            String token = backend.mintAccessToken(user.id(), user.email(), "authenticated", Duration.ofHours(2));
            subscribers.add(Subscriber.connect(http, backend, token, "bench-" + i));
        }
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.subscribed.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A client did not get 'Subscribed to PostgreSQL' within 30 s");
            }
        }
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> subscribers.forEach(Subscriber::heartbeat), 20, 20, TimeUnit.SECONDS);

        if (warmup > 0) {
            // JIT compilation and first query plans make the first seconds of a fresh JVM several times
            // slower; a server runs for hours, so that start is measured apart and reported, not mixed in.
            System.out.printf(Locale.ROOT, "%d clients subscribed; warm-up: %d work orders/s for %d s...%n", clients, rate, warmup);
            Inserts warm = insert(backend, company, customer, rate, warmup, inserters);
            awaitDeliveries(subscribers, warm.committedAt.keySet());
            List<Long> warmLatencies = new ArrayList<>();
            long warmLost = 0;
            for (Subscriber subscriber : subscribers) {
                for (Map.Entry<UUID, Long> committed : warm.committedAt.entrySet()) {
                    Long arrived = subscriber.received.get(committed.getKey());
                    if (arrived == null) {
                        warmLost++;
                    } else {
                        warmLatencies.add(Math.max(0, arrived - committed.getValue()));
                    }
                }
            }
            Collections.sort(warmLatencies);
            System.out.printf(Locale.ROOT, "warm-up (not in the results below): %d inserts, lost %d, commit-to-delivery ms p50 %.1f "
                    + "p95 %.1f max %.1f%n", warm.committedAt.size(), warmLost, percentile(warmLatencies, 50),
                    percentile(warmLatencies, 95), percentile(warmLatencies, 100));
        }

        System.out.printf(Locale.ROOT, "inserting %d work orders/s for %d s over %d connections...%n", rate, seconds, inserters);
        Inserts inserts = insert(backend, company, customer, rate, seconds, inserters);
        double elapsed = (inserts.lastCommit.get() - inserts.start) / 1e9;
        String loadDuringRun = loadAverage();
        int expected = inserts.committedAt.size();
        awaitDeliveries(subscribers, inserts.committedAt.keySet());
        heartbeats.shutdownNow();

        List<Long> latencies = new ArrayList<>();
        // The same per 10 s of commit time, to show whether delivery kept up or fell behind over the run.
        Map<Long, List<Long>> latenciesByWindow = new java.util.TreeMap<>();
        long lost = 0;
        long duplicates = 0;
        for (Subscriber subscriber : subscribers) {
            for (Map.Entry<UUID, Long> committed : inserts.committedAt.entrySet()) {
                Long arrived = subscriber.received.get(committed.getKey());
                if (arrived == null) {
                    lost++;
                } else {
                    // A frame may be read before the inserter's commit call returns: that counts as 0 ms.
                    long latency = Math.max(0, arrived - committed.getValue());
                    latencies.add(latency);
                    latenciesByWindow.computeIfAbsent((committed.getValue() - inserts.start) / 10_000_000_000L,
                            window -> new ArrayList<>()).add(latency);
                }
            }
            duplicates += subscriber.frames.get() - subscriber.received.size(); // over warm-up and run
            subscriber.socket.cancel();
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "inserted %d in %.1f s (%.1f/s achieved, %d/s asked); latest insert start %.1f ms behind "
                        + "schedule; load average at the end of inserting: %s%n",
                expected, elapsed, expected / elapsed, rate, inserts.worstLateness.get() / 1e6, loadDuringRun);
        System.out.printf(Locale.ROOT, "deliveries %d of %d expected; lost %d; duplicates %d%n", latencies.size(),
                (long) expected * clients, lost, duplicates);
        System.out.printf(Locale.ROOT, "commit-to-delivery ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
        for (Map.Entry<Long, List<Long>> window : latenciesByWindow.entrySet()) {
            List<Long> sorted = window.getValue();
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "  commits in %3d-%3d s: p50 %.1f  p95 %.1f  max %.1f ms%n", window.getKey() * 10,
                    window.getKey() * 10 + 10, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 100));
        }
        backend.backend().stop();
        System.exit(lost == 0 ? 0 : 1);
    }

    /** Inserts at {@code rate} for {@code seconds} on a fixed schedule, spread over {@code inserters} connections. */
    private static Inserts insert(TestBackend backend, TenantFixtures.Company company, UUID customer, int rate, int seconds,
                                  int inserters) throws Exception {
        Inserts inserts = new Inserts((long) rate * seconds, 1_000_000_000L / rate);
        ExecutorService inserting = Executors.newFixedThreadPool(inserters);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < inserters; i++) {
                running.add(inserting.submit(() -> {
                    inserts.run(backend.admin(), company.id(), customer);
                    return null;
                }));
            }
            for (Future<?> inserter : running) {
                inserter.get();
            }
        } finally {
            inserting.shutdown();
        }
        return inserts;
    }

    /** Waits (at most 30 s) until every subscriber has received every one of {@code ids}. */
    private static void awaitDeliveries(List<Subscriber> subscribers, java.util.Set<UUID> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && subscribers.stream().anyMatch(s -> !s.received.keySet().containsAll(ids))) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The insert schedule, shared by the inserting connections: each takes the next due insert. */
    private static final class Inserts {
        final long total;
        final long periodNanos;
        final long start = System.nanoTime();
        final AtomicLong next = new AtomicLong();
        final AtomicLong lastCommit = new AtomicLong(start);
        final AtomicLong worstLateness = new AtomicLong();
        final Map<UUID, Long> committedAt = new ConcurrentHashMap<>();

        Inserts(long total, long periodNanos) {
            this.total = total;
            this.periodNanos = periodNanos;
        }

        void run(DataSource admin, UUID companyId, UUID customer) throws Exception {
            try (Connection connection = admin.getConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         insert into public.work_orders (company_id, stage, title, customer_id)
                         values (?, 'job', 'Benchmark job', ?) returning id
                         """)) {
                for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    long due = start + n * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } else {
                        worstLateness.accumulateAndGet(-wait, Math::max);
                    }
                    insert.setObject(1, companyId);
                    insert.setObject(2, customer);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        UUID id = row.getObject(1, UUID.class);
                        // Autocommit: executeQuery returned after the commit.
                        long committed = System.nanoTime();
                        committedAt.put(id, committed);
                        lastCommit.accumulateAndGet(committed, Math::max);
                    }
                }
            }
        }
    }

    private static double percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /**
     * One Phoenix 2.0.0 socket with one channel subscribed to work order inserts. OkHttp rather than
     * the JDK's WebSocket client, and a streaming read of only the fields needed: the clients share
     * the server's JVM and cores, and the JDK client's UTF-8 decoding alone outweighed the server.
     */
    private static final class Subscriber extends WebSocketListener {
        final CountDownLatch subscribed = new CountDownLatch(1);
        /** Arrival time per work order; latencies are computed afterwards, so a delivery that beats
         *  the inserting thread's bookkeeping still counts (as ~0 ms). */
        final Map<UUID, Long> received = new ConcurrentHashMap<>();
        final AtomicLong frames = new AtomicLong();
        private final AtomicInteger ref = new AtomicInteger(1000);
        WebSocket socket;

        private Subscriber() {
        }

        static Subscriber connect(OkHttpClient http, TestBackend backend, String token, String topic) {
            Subscriber subscriber = new Subscriber();
            String url = backend.url().toString().replace("http://", "ws://")
                    + "/realtime/v1/websocket?vsn=2.0.0&apikey=" + backend.anonKey();
            subscriber.socket = http.newWebSocket(new Request.Builder().url(url).build(), subscriber);
            subscriber.socket.send(Json.write(List.of("1", "1", "realtime:" + topic, "phx_join", Map.of(
                    "config", Map.of("postgres_changes", List.of(Map.of("event", "INSERT", "schema", "public",
                            "table", "work_orders"))), "access_token", token))));
            return subscriber;
        }

        void heartbeat() {
            socket.send(Json.write(java.util.Arrays.asList(null, Integer.toString(ref.incrementAndGet()), "phoenix",
                    "heartbeat", Map.of())));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            long now = System.nanoTime();
            try (JsonParser frame = Json.MAPPER.getFactory().createParser(text)) {
                frame.nextToken(); // [
                for (int skipped = 0; skipped < 3; skipped++) { // join_ref, ref, topic
                    frame.nextToken();
                }
                frame.nextToken();
                String event = frame.getText();
                frame.nextToken(); // payload
                if (event.equals("system")) {
                    JsonNode payload = Json.MAPPER.readTree(text).get(4); // rare: read it whole
                    if ("ok".equals(payload.path("status").asText())) {
                        subscribed.countDown();
                    }
                } else if (event.equals("postgres_changes")) {
                    frames.incrementAndGet();
                    received.putIfAbsent(UUID.fromString(recordId(frame)), now);
                }
            } catch (Exception e) {
                System.err.println("Unreadable frame: " + text + " (" + e + ")");
            }
        }

        /** The payload's data.record.id, reading no more of the frame than needed. */
        private static String recordId(JsonParser parser) throws IOException {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.getCurrentName().equals("record")) {
                    parser.nextToken(); // {
                    for (token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                        String field = parser.getCurrentName();
                        parser.nextToken();
                        if (field.equals("id")) {
                            return parser.getText();
                        }
                        parser.skipChildren();
                    }
                }
            }
            throw new IOException("no data.record.id");
        }
    }
}
