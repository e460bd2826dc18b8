package com.fielddesk.localbackend.bench;

import java.util.Locale;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests/s and p50/p95 latency of local-backend for a lead-pool page select and for claiming
 * leads, with 1, 8 and 32 concurrent clients (each client a CSR of its own company). Not a test:
 * <pre>
 * ./mvnw -B -q -pl local-backend test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.RestBenchmark [-Dbench.requests=400]
 * </pre>
 */
public final class RestBenchmark {

    private static final int[] CLIENTS = {1, 8, 32};

    private RestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requestsPerRound = Integer.getInteger("bench.requests", 400);
        int poolSize = Integer.getInteger("bench.pool", 500);
        try (LocalBackend backend = LocalBackend.start(new LocalBackendConfig(
                Files.createTempDirectory("fielddesk-bench-"), 0, false, DemoDataOption.none()))) {
            TenantFixtures tenants = new TenantFixtures(backend.adminDataSource());
            int companies = Arrays.stream(CLIENTS).max().orElse(1);
            List<String> tokens = new ArrayList<>();
            JwtCodec jwt = new JwtCodec(backend.jwtSecret());
            for (int i = 0; i < companies; i++) {
                Company company = tenants.company("Bench " + i, LeadPreferences.serving("hvac", "30001"));
                AppUser csr = tenants.staff(company, "csr");
                tokens.add(accessToken(jwt, csr));
            }
            int claimsNeeded = requestsPerRound * CLIENTS.length;
            System.out.printf(Locale.ROOT, "Loading %d open leads…%n", poolSize + claimsNeeded);
            List<UUID> leads = new ArrayList<>();
            for (int i = 0; i < poolSize + claimsNeeded; i++) {
                leads.add(tenants.openLead("hvac", "30001"));
            }
            ExecutorService httpThreads = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().executor(httpThreads).build();
            Bench bench = new Bench(backend, http, tokens);

            List<String> table = new ArrayList<>();
            table.add(String.format(Locale.ROOT, "%-28s %7s %9s %9s %8s %8s", "scenario", "clients", "requests", "req/s", "p50 ms", "p95 ms"));
            String select = "/rest/v1/lead_pool?select=id,trade,description,emergency,postal_code,city,posted_at"
                    + "&deleted_at=is.null&order=posted_at.desc&limit=50";
            bench.run("warm-up", 8, requestsPerRound, index -> bench.get(index, select));
            for (int clients : CLIENTS) {
                table.add(bench.run("lead_pool select (50 rows)", clients, requestsPerRound, index -> bench.get(index, select)));
            }
            ConcurrentLinkedQueue<UUID> claimable = new ConcurrentLinkedQueue<>(leads.subList(poolSize, leads.size()));
            for (int clients : CLIENTS) {
                table.add(bench.run("claim_service_request", clients, requestsPerRound, index -> bench.post(index,
                        "/rest/v1/rpc/claim_service_request", "{\"service_request_id\":\"" + claimable.poll() + "\"}")));
            }
            System.out.println();
            table.forEach(System.out::println);
            httpThreads.shutdown();
        }
        System.exit(0);
    }

    private static String accessToken(JwtCodec jwt, AppUser user) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        claims.put("aud", "authenticated");
        claims.put("role", "authenticated");
        claims.put("email", user.email());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        return jwt.sign(claims);
    }

    @FunctionalInterface
    private interface Call {
        int send(int clientIndex) throws Exception;
    }

    private record Bench(LocalBackend backend, HttpClient http, List<String> tokens) {

        int get(int client, String path) throws Exception {
            return send(client, HttpRequest.newBuilder(URI.create(backend.url() + path)).GET());
        }

        int post(int client, String path, String body) throws Exception {
            return send(client, HttpRequest.newBuilder(URI.create(backend.url() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private int send(int client, HttpRequest.Builder request) throws Exception {
            request.header("apikey", backend.anonKey()).header("Authorization", "Bearer " + tokens.get(client));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.statusCode();
        }

        /** {@code total} calls spread over {@code clients} threads; returns one table row. */
        String run(String name, int clients, int total, Call call) throws InterruptedException {
            long[] latencies = new long[total];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.execute(() -> {
                    try {
                        int index;
                        while ((index = next.getAndIncrement()) < total) {
                            long begin = System.nanoTime();
                            try {
                                call.send(client);
                            } catch (Exception e) {
                                if (failures.incrementAndGet() == 1) {
                                    System.err.println(name + ": " + e.getMessage());
                                }
                            }
                            latencies[index] = System.nanoTime() - begin;
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            long elapsed = System.nanoTime() - started;
            pool.shutdown();
            Arrays.sort(latencies);
            String row = String.format(Locale.ROOT, "%-28s %7d %9d %9.0f %8.1f %8.1f%s", name, clients, total,
                    total / (elapsed / 1e9), latencies[total / 2] / 1e6, latencies[(int) (total * 0.95)] / 1e6,
                    failures.get() == 0 ? "" : "  (" + failures.get() + " failed)");
            System.out.println(row);
            return row;
        }
    }
}
