package com.fielddesk.localbackend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Realtime benchmark (a runnable main, not a test): N subscribed clients (default 20) each on
 * their own socket as a different staff member of one company, while work orders are inserted
 * at a fixed rate (default 100/s for 60 s). Prints commit-to-delivery latency percentiles over
 * every delivery and how many events each client missed (the target is none).
 *
 * <pre>
 * ./mvnw -B -q -pl local-backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.RealtimeBenchmark \
 *     [-Dbench.clients=20 -Dbench.rate=100 -Dbench.seconds=60]
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

        TestBackend backend = TestBackend.shared();
        TenantFixtures fixtures = new TenantFixtures(backend.admin());
        TenantFixtures.Company company = fixtures.company("Benchmark Co");
        UUID customer = fixtures.customer(company, "Benchmark Customer");

        Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
        // (committedAt is written only by the inserting thread and read after the run.)
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

        System.out.printf("%d clients subscribed; inserting %d work orders/s for %d s...%n", clients, rate, seconds);
        List<UUID> inserted = new ArrayList<>();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        try (Connection connection = backend.admin().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into public.work_orders (company_id, stage, title, customer_id)
                     values (?, 'job', 'Benchmark job', ?) returning id
                     """)) {
            for (long n = 0; n < (long) rate * seconds; n++) {
                long due = start + n * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                insert.setObject(1, company.id());
                insert.setObject(2, customer);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    UUID id = row.getObject(1, UUID.class);
                    // Autocommit: executeQuery returned after the commit.
                    committedAt.put(id, System.nanoTime());
                    inserted.add(id);
                }
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;

        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < drainDeadline
                && subscribers.stream().anyMatch(s -> s.received.size() < inserted.size())) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        heartbeats.shutdownNow();

        List<Long> latencies = new ArrayList<>();
        long lost = 0;
        for (Subscriber subscriber : subscribers) {
            for (UUID id : inserted) {
                Long arrived = subscriber.received.get(id);
                if (arrived == null) {
                    lost++;
                } else {
                    latencies.add(Math.max(0, arrived - committedAt.get(id)));
                }
            }
            subscriber.socket.abort();
        }
        Collections.sort(latencies);
        System.out.printf("inserted %d in %.1f s (%.1f/s); deliveries %d; lost %d%n", inserted.size(), elapsed,
                inserted.size() / elapsed, latencies.size(), lost);
        System.out.printf("commit-to-delivery ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), percentile(latencies, 100));
        backend.backend().stop();
        System.exit(lost == 0 ? 0 : 1);
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
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                handle(partial.toString(), now);
                partial.setLength(0);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
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
                    received.putIfAbsent(id, now);
                }
            } catch (Exception e) {
                System.err.println("Unreadable frame: " + text);
            }
        }
    }
}
