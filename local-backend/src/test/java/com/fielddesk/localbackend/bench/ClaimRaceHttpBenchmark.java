package com.fielddesk.localbackend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The claim race as the consoles run it: claimers of two companies, each with its own session
 * signed in over HTTP (password grant), call {@code rpc/claim_service_request} on the same new
 * lead at once, released by one latch, each on its own HTTP connection. Every round must have
 * exactly one winner (200), every other claimer must get PostgREST's error with the coded
 * refusal {@code already_claimed}, and the database must hold exactly one claim (the winner's
 * company) — otherwise the process exits 1. Prints claim latency p50/p95 over all claims and over
 * the winning ones. A benchmark, not a test (its numbers depend on the machine):
 * <pre>
 * ./mvnw -B -q -pl local-backend -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.ClaimRaceHttpBenchmark [-Dexec.args="50 50 30 plain"]
 * </pre>
 * Arguments: [rounds, default 50] [claimers per round, default 50] [warm-up rounds, default 30]
 * [clients: plain (default) or jdk] [API connections, default: the pool size local-backend derives from the
 * cores — a number here compares pool sizes on one machine]. The claimers run on the same cores as the server, which 50
 * consoles on 50 desktops do not; {@code plain} claimers ({@link PlainHttpConnection}) cost the
 * machine least, {@code jdk} ones (the JDK's HttpClient) show what sharing the cores with heavier
 * clients adds.
 * The warm-up rounds are reported separately: they open the connections, fill the plan caches and
 * let the JIT compile the server's request path, as it is in a backend that has been serving a
 * while (the first round alone is ~3× slower than a warm one).
 */
public final class ClaimRaceHttpBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the claimers speak HTTP. */
    private enum ClientKind {
        /** One JDK {@code HttpClient} per claimer, as the console's supabase-client uses. */
        JDK,
        /** One plain keep-alive socket per claimer ({@link PlainHttpConnection}), as wrk would. */
        PLAIN
    }

    /** What one claimer sends: a GET (body null) or a JSON POST; answers status and body. */
    private interface ClaimerHttp {
        PlainHttpConnection.Answer send(String path, String body) throws Exception;
    }

    /** A console: one signed-in user of one company with its own HTTP connection, kept for every round. */
    private record Claimer(SignedInUser user, UUID companyId, ClaimerHttp http) {
    }

    private record Claim(SignedInUser claimer, UUID companyId, int status, String refusalCode, long nanos) {
        boolean won() {
            return status == 200;
        }
    }

    private ClaimRaceHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int claimersPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int warmUpRounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        ClientKind clients = args.length > 3 ? ClientKind.valueOf(args[3].toUpperCase(Locale.ROOT)) : ClientKind.PLAIN;
        TestBackend backend = args.length > 4 ? TestBackend.sharedWithApiConnections(Integer.parseInt(args[4]))
                : TestBackend.shared();
        TenantFixtures fixtures = backend.tenants();
        List<Company> companies = List.of(
                fixtures.company("Race North " + UUID.randomUUID(), LeadPreferences.serving("hvac", "02139")),
                fixtures.company("Race South " + UUID.randomUUID(), LeadPreferences.serving("hvac", "02139")));
        List<Claimer> claimers = new ArrayList<>();
        for (int i = 0; i < claimersPerRound; i++) {
            Company company = companies.get(i % companies.size());
            SignedInUser user = backend.staff(company, "csr");
            claimers.add(new Claimer(user, company.id(), http(clients, backend, user)));
        }
        System.out.printf(Locale.ROOT, "claim race over HTTP: %d claimers from %d companies, each signed in, %s clients; "
                        + "API pool %s; %s%n", claimersPerRound, companies.size(), clients.name().toLowerCase(Locale.ROOT),
                args.length > 4 ? args[4] + " connections" : "sized from the cores", backend.url());

        ExecutorService pool = Executors.newFixedThreadPool(claimersPerRound);
        try {
            List<Claim> warmUp = new ArrayList<>();
            for (int round = 0; round < warmUpRounds; round++) {
                warmUp.addAll(race(backend, fixtures, pool, claimers));
            }
            report(warmUpRounds + " warm-up rounds", warmUp.stream().map(Claim::nanos).toList(),
                    warmUp.stream().filter(Claim::won).map(Claim::nanos).toList());
            List<Long> all = new ArrayList<>();
            List<Long> winners = new ArrayList<>();
            int badRounds = 0;
            for (int round = 0; round < rounds; round++) {
                List<Claim> claims = race(backend, fixtures, pool, claimers);
                String problem = problemWith(claims, claimersPerRound);
                if (problem != null) {
                    badRounds++;
                    System.out.printf(Locale.ROOT, "round %d: %s%n", round + 1, problem);
                }
                claims.forEach(claim -> all.add(claim.nanos()));
                claims.stream().filter(Claim::won).forEach(claim -> winners.add(claim.nanos()));
            }
            System.out.printf(Locale.ROOT, "%d rounds x %d claimers; rounds with other than exactly one winner: %d%n",
                    rounds, claimersPerRound, badRounds);
            report("all claims", all, winners);
            System.exit(badRounds == 0 ? 0 : 1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One new lead, every claimer released at once; checks the database holds one claim. */
    private static List<Claim> race(TestBackend backend, TenantFixtures fixtures, ExecutorService pool,
                                    List<Claimer> claimers) throws Exception {
        UUID lead = fixtures.openLead("hvac", "02139");
        CountDownLatch ready = new CountDownLatch(claimers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> futures = new ArrayList<>();
        for (Claimer claimer : claimers) {
            Callable<Claim> claim = () -> {
                // Each claimer's own connection is open before the start signal, as each console
                // holds its own (the pool is what the console reads before it claims).
                claimer.http().send("/rest/v1/lead_pool?select=id&limit=1", null);
                ready.countDown();
                if (!start.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("start signal never came");
                }
                long begin = System.nanoTime();
                PlainHttpConnection.Answer answer = claimer.http().send("/rest/v1/rpc/claim_service_request",
                        "{\"service_request_id\":\"" + lead + "\"}");
                long nanos = System.nanoTime() - begin;
                return new Claim(claimer.user(), claimer.companyId(), answer.status(), refusalCode(answer), nanos);
            };
            futures.add(pool.submit(claim));
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("claimers were not ready within 60 s");
        }
        start.countDown();
        List<Claim> claims = new ArrayList<>();
        for (Future<Claim> future : futures) {
            claims.add(future.get(60, TimeUnit.SECONDS));
        }
        String stored = claimedBy(backend, lead);
        Claim winner = claims.stream().filter(Claim::won).findFirst().orElse(null);
        if (winner != null && !winner.companyId().toString().equals(stored)) {
            throw new IllegalStateException("the winner's company " + winner.companyId()
                    + " does not hold the claim; the database says " + stored);
        }
        return claims;
    }

    private static String problemWith(List<Claim> claims, int claimersPerRound) {
        long winners = claims.stream().filter(Claim::won).count();
        long alreadyClaimed = claims.stream().filter(c -> "already_claimed".equals(c.refusalCode())).count();
        if (winners == 1 && alreadyClaimed == claimersPerRound - 1) {
            return null;
        }
        return winners + " winners, " + alreadyClaimed + " already_claimed; others: " + claims.stream()
                .filter(c -> !c.won() && !"already_claimed".equals(c.refusalCode()))
                .map(c -> c.status() + " " + c.refusalCode()).toList();
    }

    private static ClaimerHttp http(ClientKind kind, TestBackend backend, SignedInUser user) throws Exception {
        Map<String, String> headers = Map.of("apikey", backend.anonKey(), "Authorization", "Bearer " + user.accessToken());
        if (kind == ClientKind.PLAIN) {
            PlainHttpConnection connection = new PlainHttpConnection(backend.url());
            return (path, body) -> connection.send(path, headers, body);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return (path, body) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url() + path))
                    .timeout(Duration.ofSeconds(30));
            headers.forEach(request::header);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PlainHttpConnection.Answer(answer.statusCode(), answer.body());
        };
    }

    /** The coded refusal in PostgREST's error body (details carries the JSON facts), or the code. */
    private static String refusalCode(PlainHttpConnection.Answer answer) {
        if (answer.status() == 200) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(answer.body());
            JsonNode details = error.path("details");
            if (details.isTextual() && details.asText().startsWith("{")) {
                JsonNode facts = JSON.readTree(details.asText());
                if (facts.hasNonNull("code")) {
                    return facts.get("code").asText();
                }
            }
            return error.path("code").asText(answer.body());
        } catch (Exception unreadable) {
            return "unreadable answer: " + answer.body();
        }
    }

    private static String claimedBy(TestBackend backend, UUID lead) throws Exception {
        try (Connection connection = backend.admin().getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*), min(company_id::text) from public.service_requests "
                             + "where id = ? and company_id is not null")) {
            count.setObject(1, lead);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 1 ? rows.getString(2) : null;
            }
        }
    }

    private static void report(String name, List<Long> all, List<Long> winners) {
        List<Long> sortedAll = all.stream().sorted().toList();
        List<Long> sortedWinners = winners.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-14s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms   winning claim p50 %6.1f ms  p95 %6.1f ms%n",
                name, millis(sortedAll, 0.50), millis(sortedAll, 0.95), millis(sortedAll, 1.0),
                millis(sortedWinners, 0.50), millis(sortedWinners, 0.95));
    }

    private static double millis(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }
}
