package com.fielddesk.localbackend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
 * Arguments: [rounds, default 50] [claimers per round, default 50] [warm-up rounds, default 30, or
 * {@code compiled}: until the JIT has been quiet for 5 rounds]
 * [clients: plain (default) or jdk] [API connections, default: the pool size local-backend derives from the
 * cores — a number here compares pool sizes on one machine]. The claimers run on the same cores as the server, which 50
 * consoles on 50 desktops do not; {@code plain} claimers ({@link PlainHttpConnection}) cost the
 * machine least, {@code jdk} ones (the JDK's HttpClient) show what sharing the cores with heavier
 * clients adds.
 * The warm-up rounds are reported separately: they open the connections, fill the plan caches and
 * let the JIT compile the server's request path, as it is in a backend that has been serving a
 * while (the first round alone is ~3× slower than a warm one). 30 rounds do not get there on 2
 * cores: the JIT still compiles for ~90 ms a round through the 50 measured rounds, and each round
 * prints its compile time ({@code compiled} warms up until it stops).
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

    /**
     * What happened around one measured round, to tell where the slowest claims come from: the
     * benchmark JVM's GC pauses during the round, and what PostgreSQL's background work did
     * between this round's start and the next (checkpoints, autovacuum and autoanalyze runs).
     */
    private record Round(int number, List<Long> nanos, long winnerNanos, long gcCount, long gcMillis, long jitMillis,
                         long checkpoints, long autovacuums, long autoanalyzes, String tablesWorked,
                         long ginPendingBefore, long ginPendingAfter) {
        long max() {
            return nanos.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        boolean background() {
            return gcCount > 0 || checkpoints > 0 || autovacuums > 0 || autoanalyzes > 0;
        }
    }

    /** Counters of the server's background work, read between rounds. */
    private record Background(long checkpoints, long autovacuums, long autoanalyzes, Map<String, Long> perTable,
                              long ginPendingPages) {
    }

    private ClaimRaceHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int claimersPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        // A number, or "compiled": warm up until the JIT has been quiet (under 10 ms of compiling in each
        // of 5 rounds in a row; at most 400 rounds), as in a backend that has served for a while.
        boolean untilCompiled = args.length > 2 && "compiled".equals(args[2]);
        int warmUpRounds = untilCompiled ? 400 : args.length > 2 ? Integer.parseInt(args[2]) : 30;
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

        System.out.println("server: " + serverSettings(backend));
        ExecutorService pool = Executors.newFixedThreadPool(claimersPerRound);
        try {
            List<Claim> warmUp = new ArrayList<>();
            int warmedUp = 0;
            int quietRounds = 0;
            while (warmedUp < warmUpRounds && !(untilCompiled && quietRounds >= 5)) {
                long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                warmUp.addAll(race(backend, fixtures, pool, claimers));
                long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;
                quietRounds = jitMillis < 10 ? quietRounds + 1 : 0;
                warmedUp++;
            }
            report(warmedUp + " warm-up rounds", warmUp.stream().map(Claim::nanos).toList(),
                    warmUp.stream().filter(Claim::won).map(Claim::nanos).toList());
            List<Long> all = new ArrayList<>();
            List<Long> winners = new ArrayList<>();
            List<Round> measured = new ArrayList<>();
            int badRounds = 0;
            boolean functions = Boolean.getBoolean("bench.functions");
            if (functions) {
                trackFunctions(backend);
            }
            if (Boolean.getBoolean("bench.ginPending")) {
                try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("create extension if not exists pageinspect");
                }
            }
            if (System.getProperty("bench.ginFastupdate") != null) {
                try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("alter index public.audit_log_values_text_trgm set (fastupdate = "
                            + System.getProperty("bench.ginFastupdate") + ")");
                }
            }
            Background before = background(backend);
            for (int round = 0; round < rounds; round++) {
                long gcCountBefore = gcCount();
                long gcMillisBefore = gcMillis();
                long jitMillisBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                List<Claim> claims = race(backend, fixtures, pool, claimers);
                long gcCountAfter = gcCount();
                long gcMillisAfter = gcMillis();
                long jitMillisAfter = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                Background after = background(backend);
                measured.add(new Round(round + 1, claims.stream().map(Claim::nanos).toList(),
                        claims.stream().filter(Claim::won).mapToLong(Claim::nanos).max().orElse(0),
                        gcCountAfter - gcCountBefore, gcMillisAfter - gcMillisBefore, jitMillisAfter - jitMillisBefore,
                        after.checkpoints() - before.checkpoints(), after.autovacuums() - before.autovacuums(),
                        after.autoanalyzes() - before.autoanalyzes(), tablesWorked(before, after),
                        before.ginPendingPages(), after.ginPendingPages()));
                before = after;
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
            reportRounds(measured, all);
            if (functions) {
                reportFunctions(backend, rounds);
            }
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

    /**
     * Where the p95 comes from: how many rounds hold the claims above it, the slowest rounds with
     * what ran beside them, and the rounds with and without background work compared.
     */
    private static void reportRounds(List<Round> rounds, List<Long> all) {
        List<Long> sorted = all.stream().sorted().toList();
        long p95 = sorted.get(Math.max(0, (int) Math.ceil(0.95 * sorted.size()) - 1));
        long roundsWithTail = rounds.stream().filter(r -> r.nanos().stream().anyMatch(n -> n > p95)).count();
        System.out.printf(Locale.ROOT, "claims above the p95 (%.1f ms) lie in %d of %d rounds%n",
                p95 / 1e6, roundsWithTail, rounds.size());
        System.out.println("slowest rounds: round, p95 / max / winner ms, claims above the overall p95, "
                + "benchmark-JVM GCs (ms), checkpoints, autovacuums, autoanalyzes after it began");
        rounds.stream().sorted(Comparator.comparingLong(Round::max).reversed()).limit(10).forEach(r ->
                System.out.printf(Locale.ROOT, "  round %3d: %6.1f / %6.1f / %6.1f  above %2d  gc %d (%d ms)  jit %d ms  ckpt %d  av %d  aa %d  gin pending %d -> %d %s%n",
                        r.number(), millis(r.nanos().stream().sorted().toList(), 0.95), r.max() / 1e6,
                        r.winnerNanos() / 1e6, r.nanos().stream().filter(n -> n > p95).count(), r.gcCount(),
                        r.gcMillis(), r.jitMillis(), r.checkpoints(), r.autovacuums(), r.autoanalyzes(), r.ginPendingBefore(), r.ginPendingAfter(), r.tablesWorked()));
        StringBuilder sequence = new StringBuilder("every round's max in order, ms:");
        rounds.forEach(r -> sequence.append(String.format(Locale.ROOT, " %.0f", r.max() / 1e6)));
        System.out.println(sequence);
        int half = rounds.size() / 2;
        System.out.printf(Locale.ROOT, "first half of the rounds: p95 %.1f ms, JIT %d ms; second half: p95 %.1f ms, JIT %d ms "
                        + "(the benchmark JVM's compile time, server and claimers)%n",
                millis(rounds.subList(0, half).stream().flatMap(r -> r.nanos().stream()).sorted().toList(), 0.95),
                rounds.subList(0, half).stream().mapToLong(Round::jitMillis).sum(),
                millis(rounds.subList(half, rounds.size()).stream().flatMap(r -> r.nanos().stream()).sorted().toList(), 0.95),
                rounds.subList(half, rounds.size()).stream().mapToLong(Round::jitMillis).sum());
        List<Long> quietRounds = rounds.stream().filter(r -> !r.background()).flatMap(r -> r.nanos().stream()).sorted().toList();
        List<Long> busyRounds = rounds.stream().filter(Round::background).flatMap(r -> r.nanos().stream()).sorted().toList();
        List<Long> gcRounds = rounds.stream().filter(r -> r.gcCount() > 0).flatMap(r -> r.nanos().stream()).sorted().toList();
        System.out.printf(Locale.ROOT, "rounds without background work: %d, p95 %.1f ms; with: %d, p95 %.1f ms "
                        + "(of them with a benchmark-JVM GC: %d, p95 %.1f ms); checkpoints %d, autovacuums %d, autoanalyzes %d%n",
                quietRounds.size() / Math.max(1, rounds.get(0).nanos().size()), millis(quietRounds, 0.95),
                busyRounds.size() / Math.max(1, rounds.get(0).nanos().size()), millis(busyRounds, 0.95),
                gcRounds.size() / Math.max(1, rounds.get(0).nanos().size()), millis(gcRounds, 0.95),
                rounds.stream().mapToLong(Round::checkpoints).sum(), rounds.stream().mapToLong(Round::autovacuums).sum(),
                rounds.stream().mapToLong(Round::autoanalyzes).sum());
    }

    /**
     * With {@code -Dbench.functions=true}: PostgreSQL times every function call from here on
     * (track_functions = all, for new and existing sessions after the reload) and its counters start at zero.
     */
    private static void trackFunctions(TestBackend backend) throws Exception {
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter system set track_functions = 'all'");
            statement.execute("select pg_reload_conf()");
            // The postmaster passes the reload on to the sessions by signal: counting starts once they have it.
            awaitTrue("the sessions time function calls", () -> {
                try (ResultSet setting = statement.executeQuery("select current_setting('track_functions')")) {
                    return setting.next() && setting.getString(1).equals("all");
                }
            });
            statement.execute("select pg_stat_reset()");
        }
    }

    /** Asks {@code condition} every 20 ms until it holds; fails after 30 s. */
    private static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /** The functions' time per round (total and self, ms), largest self time first. */
    private static void reportFunctions(TestBackend backend, int rounds) throws Exception {
        // The server's sessions flush their counters once idle (at most once a second): wait until
        // every round's winning claim is counted (a losing claim raises 409, and a call that raises
        // is not counted).
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            awaitTrue("every claim is counted", () -> {
                try (ResultSet counted = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_user_functions "
                        + "where funcname = 'claim_service_request'")) {
                    return counted.next() && counted.getLong(1) >= rounds;
                }
            });
        }
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select schemaname || '.' || funcname, calls, total_time, self_time "
                     + "from pg_stat_user_functions order by self_time desc limit 25")) {
            System.out.println("functions per round: calls, total ms, self ms");
            while (rows.next()) {
                System.out.printf(Locale.ROOT, "  %-45s %7.1f %8.2f %8.2f%n", rows.getString(1),
                        rows.getLong(2) / (double) rounds, rows.getDouble(3) / rounds, rows.getDouble(4) / rounds);
            }
        }
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select active_time, xact_commit, xact_rollback from pg_stat_database "
                     + "where datname = current_database()")) {
            rows.next();
            System.out.printf(Locale.ROOT, "database: statements' active time %.1f ms per round; %.1f commits, %.1f rollbacks per round%n",
                    rows.getDouble(1) / rounds, rows.getLong(2) / (double) rounds, rows.getLong(3) / (double) rounds);
        }
    }

    private static String serverSettings(TestBackend backend) throws Exception {
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select string_agg(name || '=' || setting, ', ' order by name) "
                     + "from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method', "
                     + "'shared_buffers', 'checkpoint_timeout', 'max_wal_size', 'autovacuum', 'track_functions')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static Background background(TestBackend backend) throws Exception {
        try (Connection connection = backend.admin().getConnection(); Statement statement = connection.createStatement()) {
            long checkpoints;
            try (ResultSet rows = statement.executeQuery("select num_timed + num_requested from pg_stat_checkpointer")) {
                rows.next();
                checkpoints = rows.getLong(1);
            }
            long autovacuums = 0;
            long autoanalyzes = 0;
            Map<String, Long> perTable = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery("select schemaname || '.' || relname, autovacuum_count, "
                    + "autoanalyze_count from pg_stat_all_tables where autovacuum_count + autoanalyze_count > 0")) {
                while (rows.next()) {
                    autovacuums += rows.getLong(2);
                    autoanalyzes += rows.getLong(3);
                    perTable.put(rows.getString(1), rows.getLong(2) * 1_000_000 + rows.getLong(3));
                }
            }
            long pending = -1;
            if (Boolean.getBoolean("bench.ginPending")) {
                try (ResultSet rows = statement.executeQuery("select n_pending_pages from gin_metapage_info("
                        + "get_raw_page('public.audit_log_values_text_trgm', 0))")) {
                    rows.next();
                    pending = rows.getLong(1);
                }
            }
            return new Background(checkpoints, autovacuums, autoanalyzes, perTable, pending);
        }
    }

    private static String tablesWorked(Background before, Background after) {
        List<String> tables = new ArrayList<>();
        after.perTable().forEach((table, count) -> {
            if (!count.equals(before.perTable().get(table))) {
                tables.add(table);
            }
        });
        return tables.isEmpty() ? "" : tables.toString();
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
