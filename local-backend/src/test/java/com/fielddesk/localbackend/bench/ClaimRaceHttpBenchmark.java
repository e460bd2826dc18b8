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
 *     -Dexec.mainClass=com.fielddesk.localbackend.bench.ClaimRaceHttpBenchmark [-Dexec.args="20 50"]
 * </pre>
 * Arguments: [rounds, default 20] [claimers per round, default 50]. One warm-up round is run
 * and reported separately (first connections, plan caches).
 */
public final class ClaimRaceHttpBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Claim(SignedInUser claimer, UUID companyId, int status, String refusalCode, long nanos) {
        boolean won() {
            return status == 200;
        }
    }

    private ClaimRaceHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int claimersPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        TestBackend backend = TestBackend.shared();
        TenantFixtures fixtures = backend.tenants();
        List<Company> companies = List.of(
                fixtures.company("Race North " + UUID.randomUUID(), LeadPreferences.serving("hvac", "02139")),
                fixtures.company("Race South " + UUID.randomUUID(), LeadPreferences.serving("hvac", "02139")));
        List<SignedInUser> claimers = new ArrayList<>();
        List<UUID> claimerCompanies = new ArrayList<>();
        for (int i = 0; i < claimersPerRound; i++) {
            Company company = companies.get(i % companies.size());
            claimers.add(backend.staff(company, "csr"));
            claimerCompanies.add(company.id());
        }
        System.out.printf(Locale.ROOT, "claim race over HTTP: %d claimers from %d companies, each signed in; %s%n",
                claimersPerRound, companies.size(), backend.url());

        ExecutorService pool = Executors.newFixedThreadPool(claimersPerRound);
        try {
            List<Claim> warmUp = race(backend, fixtures, pool, claimers, claimerCompanies);
            report("warm-up round", warmUp.stream().map(Claim::nanos).toList(),
                    warmUp.stream().filter(Claim::won).map(Claim::nanos).toList());
            List<Long> all = new ArrayList<>();
            List<Long> winners = new ArrayList<>();
            int badRounds = 0;
            for (int round = 0; round < rounds; round++) {
                List<Claim> claims = race(backend, fixtures, pool, claimers, claimerCompanies);
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
                                    List<SignedInUser> claimers, List<UUID> claimerCompanies) throws Exception {
        UUID lead = fixtures.openLead("hvac", "02139");
        CountDownLatch ready = new CountDownLatch(claimers.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> futures = new ArrayList<>();
        for (int i = 0; i < claimers.size(); i++) {
            SignedInUser claimer = claimers.get(i);
            UUID companyId = claimerCompanies.get(i);
            Callable<Claim> claim = () -> {
                // A client per claimer: its own connection, opened before the start signal, as
                // each console holds its own.
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                send(http, backend, claimer, "/rest/v1/lead_pool?select=id&limit=1", null);
                ready.countDown();
                if (!start.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("start signal never came");
                }
                long begin = System.nanoTime();
                HttpResponse<String> answer = send(http, backend, claimer, "/rest/v1/rpc/claim_service_request",
                        "{\"service_request_id\":\"" + lead + "\"}");
                long nanos = System.nanoTime() - begin;
                return new Claim(claimer, companyId, answer.statusCode(), refusalCode(answer), nanos);
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

    private static HttpResponse<String> send(HttpClient http, TestBackend backend, SignedInUser user, String path,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("apikey", backend.anonKey())
                .header("Authorization", "Bearer " + user.accessToken());
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The coded refusal in PostgREST's error body (details carries the JSON facts), or the code. */
    private static String refusalCode(HttpResponse<String> answer) {
        if (answer.statusCode() == 200) {
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
