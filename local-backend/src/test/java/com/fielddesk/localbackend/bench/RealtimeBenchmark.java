package com.fielddesk.localbackend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * clients in this one JVM, so client work competes with the server for the same cores.
 *
 * <pre>
 * ./mvnw -B -q -pl local-backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.RealtimeBenchmark \
 *     [-Dbench.clients=20 -Dbench.rate=100 -Dbench.seconds=60 -Dbench.inserters=4]
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
        System.out.printf("load average before start: %s; %d cores; server, database and clients on this machine, "
                + "server and clients in one JVM%n", loadAverage(), Runtime.getRuntime().availableProcessors());

        TestBackend backend = TestBackend.shared();
        TenantFixtures fixtures = new TenantFixtures(backend.admin());
        TenantFixtures.Company company = fixtures.company("Benchmark Co");
        UUID customer = fixtures.customer(company, "Benchmark Customer");

        List<Subscriber> subscribers = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
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

        System.out.printf("%d clients subscribed; inserting %d work orders/s for %d s over %d connections...%n",
                clients, rate, seconds, inserters);
        Inserts inserts = new Inserts((long) rate * seconds, 1_000_000_000L / rate);
        ExecutorService inserting = Executors.newFixedThreadPool(inserters);
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
        inserting.shutdown();
        double elapsed = (inserts.lastCommit.get() - inserts.start) / 1e9;
        String loadDuringRun = loadAverage();

        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int expected = inserts.committedAt.size();
        while (System.nanoTime() < drainDeadline
                && subscribers.stream().anyMatch(s -> s.received.size() < expected)) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        heartbeats.shutdownNow();

        List<Long> latencies = new ArrayList<>();
        long lost = 0;
        long duplicates = 0;
        for (Subscriber subscriber : subscribers) {
            for (Map.Entry<UUID, Long> committed : inserts.committedAt.entrySet()) {
                Long arrived = subscriber.received.get(committed.getKey());
                if (arrived == null) {
                    lost++;
                } else {
                    // A frame may be read before the inserter's commit call returns: that counts as 0 ms.
                    latencies.add(Math.max(0, arrived - committed.getValue()));
                }
            }
            duplicates += subscriber.frames.get() - subscriber.received.size();
            subscriber.socket.abort();
        }
        Collections.sort(latencies);
        System.out.printf("inserted %d in %.1f s (%.1f/s achieved, %d/s asked); latest insert start %.1f ms behind "
                        + "schedule; load average at the end of inserting: %s%n",
                expected, elapsed, expected / elapsed, rate, inserts.worstLateness.get() / 1e6, loadDuringRun);
        System.out.printf("deliveries %d of %d expected; lost %d; duplicates %d%n", latencies.size(),
                (long) expected * clients, lost, duplicates);
        System.out.printf("commit-to-delivery ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
        backend.backend().stop();
        System.exit(lost == 0 ? 0 : 1);
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

    /** One Phoenix 2.0.0 socket with one channel subscribed to work order inserts. */
    private static final class Subscriber implements WebSocket.Listener {
        final CountDownLatch subscribed = new CountDownLatch(1);
        /** Arrival time per work order; latencies are computed afterwards, so a delivery that beats
         *  the inserting thread's bookkeeping still counts (as ~0 ms). */
        final Map<UUID, Long> received = new ConcurrentHashMap<>();
        final AtomicLong frames = new AtomicLong();
        private final StringBuilder partial = new StringBuilder();
        private int ref = 1;
        WebSocket socket;

        private Subscriber() {
        }

        static Subscriber connect(HttpClient http, TestBackend backend, String token, String topic) {
            Subscriber subscriber = new Subscriber();
            URI uri = URI.create(backend.url().toString().replace("http://", "ws://")
                    + "/realtime/v1/websocket?vsn=2.0.0&apikey=" + backend.anonKey());
            subscriber.socket = http.newWebSocketBuilder().buildAsync(uri, subscriber).join();
            String join = Json.write(List.of("1", "1", "realtime:" + topic, "phx_join", Map.of(
                    "config", Map.of("postgres_changes", List.of(Map.of("event", "INSERT", "schema", "public",
                            "table", "work_orders"))), "access_token", token)));
            subscriber.send(join);
            return subscriber;
        }

        synchronized void send(String text) {
            socket.sendText(text, true).join();
        }

        void heartbeat() {
            send(Json.write(java.util.Arrays.asList(null, Integer.toString(++ref + 1000), "phoenix", "heartbeat", Map.of())));
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // Unbounded demand: asking for one message at a time costs a selector round per frame,
            // which at 2,000 frames/s made the clients (same JVM) slower than the server.
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (last && partial.isEmpty()) {
                // The usual case, a whole frame: CharBuffer.toString copies in bulk, while
                // StringBuilder.append(CharSequence) copies char by char (it showed in profiles).
                handle(data.toString(), now);
            } else {
                partial.append(data.toString());
                if (last) {
                    handle(partial.toString(), now);
                    partial.setLength(0);
                }
            }
            return null; // done with data: the client may reuse it
        }

        private void handle(String text, long now) {
            try {
                JsonNode frame = Json.MAPPER.readTree(text);
                String event = frame.get(3).asText();
                JsonNode payload = frame.get(4);
                if (event.equals("system") && "ok".equals(payload.path("status").asText())) {
                    subscribed.countDown();
                } else if (event.equals("postgres_changes")) {
                    UUID id = UUID.fromString(payload.path("data").path("record").path("id").asText());
                    frames.incrementAndGet();
                    received.putIfAbsent(id, now);
                }
            } catch (Exception e) {
                System.err.println("Unreadable frame: " + text);
            }
        }
    }
}
