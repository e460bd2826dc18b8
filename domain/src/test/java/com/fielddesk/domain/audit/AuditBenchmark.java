package com.fielddesk.domain.audit;

import com.fielddesk.cache.audit.AuditLogPort;
import com.fielddesk.cache.audit.AuditLogQuery;
import com.fielddesk.cache.audit.SupabaseAuditLogPort;
import com.fielddesk.cache.audit.WitnessedHeads;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;

import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;

/**
 * The audit log at scale, against a local-backend (embedded PostgreSQL, PostgREST-compatible
 * server, real row security): one company with 1,000,000 entries over a year (bulk-loaded as the
 * superuser with generate_series; ten people, the signed-in supervisor one of them), and one with
 * 100,000 entries whose hash chain is valid. Measures, each in three runs (p50/p95 per run):
 * <ul>
 *   <li>a filtered page of 200 (person + a week) from the server — target p95 ≤ 100 ms;</li>
 *   <li>the same page from the offline copy (the 30-day window, filled by the real refresh) —
 *       target p95 ≤ 20 ms; and a text in the values there, by the trigram index (cache V17) and,
 *       in the same run, as before it (every entry of the window checked one by one);</li>
 *   <li>CSV export of the newest 100,000 entries (target ≤ 5 s) with the peak heap (run with
 *       {@code -Xmx256m} to show it is bounded);</li>
 *   <li>chain verification of the 100,000 entries: the server's check, and the witnessed-heads check.</li>
 * </ul>
 * Usage: AuditBenchmark [entries=1000000] [chain=100000] [rounds=60] [heads=1000]
 */
public final class AuditBenchmark {

    private static final TestBackend BACKEND = TestBackend.shared();

    public static void main(String[] args) throws Exception {
        Path backendData = BACKEND.backend().config().dataDirectory();
        int exit = 1;
        try {
            run(args);
            exit = 0;
        } catch (Exception | Error failed) {
            failed.printStackTrace();
        } finally {
            // The embedded database's folder (~500 MB) goes with the run.
            BACKEND.backend().stop();
            deleteTree(backendData);
            System.exit(exit);
        }
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void run(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int chain = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int heads = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        Path folder = Files.createTempDirectory("fielddesk-audit-bench-");
        System.out.printf(Locale.ROOT, "max heap %d MB, backend %s, work folder %s%n",
                Runtime.getRuntime().maxMemory() >> 20, BACKEND.url(), folder);

        TenantFixtures.Company big = BACKEND.tenants().company("Audit Bench " + UUID.randomUUID());
        TestBackend.SignedInUser supervisor = BACKEND.staff(big, "supervisor");
        long started = System.nanoTime();
        bulkLoad(big.id(), supervisor.id(), entries);
        System.out.printf(Locale.ROOT, "bulk-loaded %,d entries in %.1f s%n", entries, seconds(started));
        explain(big.id(), supervisor.id());

        CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"));
        pulled(database, "profiles", row("id", supervisor.id(), "company_id", big.id(), "role", "supervisor", "full_name",
                "Sam Super", "version", 1));
        SupabaseClient client = signedIn(supervisor, BACKEND.url().toString());
        AuditRepository online = repository(database, client, supervisor.id());
        Instant now = Instant.now();
        AuditFilter week = AuditFilter.everything().by(supervisor.id()).between(now.minus(Duration.ofDays(8)),
                now.minus(Duration.ofDays(1)));
        AuditFilter oldWeek = AuditFilter.everything().by(supervisor.id()).between(now.minus(Duration.ofDays(207)),
                now.minus(Duration.ofDays(200)));
        System.out.printf(Locale.ROOT, "a page: %d entries (recent week), %d (a week 200 days ago)%n",
                online.serverPage(week, Optional.empty(), 200).entries().size(),
                online.serverPage(oldWeek, Optional.empty(), 200).entries().size());
        AuditLogPort port = new SupabaseAuditLogPort(client);
        for (int run = 1; run <= 3; run++) {
            report("server page of 200, person + recent week (repository)", run,
                    time(rounds, () -> online.serverPage(week, Optional.empty(), 200)));
            report("server page of 200, person + week 200 days ago (repository)", run,
                    time(rounds, () -> online.serverPage(oldWeek, Optional.empty(), 200)));
            report("server page of 200, person + recent week (HTTP + SQL only)", run, time(rounds, () -> {
                try {
                    return port.page(new AuditLogQuery(week.from(), week.to(), week.person(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), 200));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            report("server page of 200, text in values 'Job 4242' (1 entry in 5,000)", run,
                    time(rounds, () -> online.serverPage(AuditFilter.everything().containing("Job 4242"), Optional.empty(), 200)));
            report("server page of 200, text in values 'no such text' (none)", run,
                    time(rounds, () -> online.serverPage(AuditFilter.everything().containing("no such text"), Optional.empty(), 200)));
            report("server page of 200, text in values 'Dispatched' (every entry)", run,
                    time(rounds, () -> online.serverPage(AuditFilter.everything().containing("Dispatched"), Optional.empty(), 200)));
            long secondPage = secondPageBefore(online);
            report("server page of 200, text in values 'Job 4242', second page", run, time(rounds, () -> online.serverPage(
                    AuditFilter.everything().containing("Job 4242"), Optional.of(secondPage), 200)));
            report("before 20261214 (PostgREST ilike under row security): text 'Job 4242'", run,
                    time(Math.max(3, rounds / 12), () -> textThroughPostgrest(client, "Job 4242")));
        }

        started = System.nanoTime();
        AuditOfflineCopy.Range range = online.refreshOfflineCopy(Duration.ofDays(30)).orElseThrow();
        System.out.printf(Locale.ROOT, "offline copy refreshed (30 days, %,d entries) in %.1f s; a second refresh (nothing new) ",
                count(database), seconds(started));
        started = System.nanoTime();
        online.refreshOfflineCopy(Duration.ofDays(30));
        System.out.printf(Locale.ROOT, "in %.3f s (since %s)%n", seconds(started), range.since());
        AuditOfflineCopy copy = new AuditOfflineCopy(database);
        System.out.printf(Locale.ROOT, "the copy's text index: %s; 'Job 4242' in %d kept entries (the scan finds %d on a page of 1,000)%n",
                textIndexSize(database), count(database, "select count(*) from audit_offline_text where audit_offline_text match '\"job 4242\"'"),
                copy.scannedPage(big.id(), new AuditLogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.of("Job 4242"), Optional.empty(), 1_000)).size());
        AuditFilter cacheWeek = AuditFilter.everything().by(supervisor.id()).between(now.minus(Duration.ofDays(15)),
                now.minus(Duration.ofDays(8)));
        AuditRepository offline = repository(database, signedIn(supervisor, "http://127.0.0.1:9"), supervisor.id());
        System.out.printf(Locale.ROOT, "offline page: %d entries%n", offline.page(cacheWeek, Optional.empty(), 200).entries().size());
        for (int run = 1; run <= 3; run++) {
            report("offline copy page of 200, person + week (repository, server unreachable first)", run,
                    time(rounds, () -> offline.page(cacheWeek, Optional.empty(), 200)));
            report("offline copy page of 200, person + week (cache query only)", run,
                    time(rounds, () -> copy.page(big.id(), new AuditLogQuery(cacheWeek.from(), cacheWeek.to(), cacheWeek.person(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 200))));
            for (String text : List.of("Job 4242", "no such text", "Dispatched", "zz")) {
                AuditLogQuery query = textQuery(Optional.empty(), text);
                report("offline copy page of 200, text in values '" + text + "' (index search, cache V17)", run,
                        time(rounds, () -> copy.page(big.id(), query)));
                if (!text.equals("Dispatched")) {
                    report("offline copy page of 200, text in values '" + text + "' (before V17: every entry checked)", run,
                            time(rounds, () -> copy.scannedPage(big.id(), query)));
                }
            }
            AuditLogQuery personText = textQuery(cacheWeek.person(), "Job 4242");
            report("offline copy page of 200, person + text 'Job 4242' (index search, cache V17)", run,
                    time(rounds, () -> copy.page(big.id(), personText)));
            report("offline copy page of 200, person + text 'Job 4242' (before V17: every entry checked)", run,
                    time(rounds, () -> copy.scannedPage(big.id(), personText)));
        }

        Instant newest100k = newestEntries(big.id(), Math.min(100_000, entries));
        AuditFilter export = AuditFilter.everything().between(newest100k, now.plusSeconds(60));
        for (int run = 1; run <= 3; run++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            Path file = folder.resolve("export-" + run + ".csv");
            started = System.nanoTime();
            AuditCsv.Result result;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                result = new AuditCsv(online, ZoneId.of("America/New_York")).write(export, out, written -> { }, () -> false);
            }
            double took = seconds(started);
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "CSV export run %d: %,d entries, %.2f s, %,d KB file, peak heap (sum of pools' peaks) %d MB%n",
                    run, result.entries(), took, Files.size(file) >> 10, peak >> 20);
            Files.delete(file);
        }

        TenantFixtures.Company chained = BACKEND.tenants().company("Audit Chain Bench " + UUID.randomUUID());
        TestBackend.SignedInUser verifier = BACKEND.staff(chained, "supervisor");
        started = System.nanoTime();
        chainLoad(chained.id(), verifier.id(), chain);
        System.out.printf(Locale.ROOT, "chain of %,d entries written with valid hashes in %.1f s%n", chain, seconds(started));
        pulled(database, "profiles", row("id", verifier.id(), "company_id", chained.id(), "role", "supervisor", "full_name",
                "Vera Verifier", "version", 1));
        SupabaseClient verifierClient = signedIn(verifier, BACKEND.url().toString());
        AuditLogPort verifierPort = new SupabaseAuditLogPort(verifierClient);
        WitnessedHeads witnessed = new WitnessedHeads(database, Clock.systemUTC());
        witnessEvery(chained.id(), chain / heads, witnessed);
        AuditRepository verifying = repository(database, verifierClient, verifier.id());
        for (int run = 1; run <= 3; run++) {
            started = System.nanoTime();
            var server = verifierPort.verify(chained.id());
            double serverSeconds = seconds(started);
            started = System.nanoTime();
            ChainCheck check = verifying.verify();
            double allSeconds = seconds(started);
            System.out.printf(Locale.ROOT, "verify run %d: server check %.2f s (%s); server check + %,d witnessed heads %.2f s"
                    + " (witnessed part ≈ %.2f s): %s%n", run, serverSeconds, server.path("checked"), witnessed.all(chained.id()).size(),
                    allSeconds, allSeconds - serverSeconds, check.sentence());
        }
        client.close();
        verifierClient.close();
        database.close();
        CacheDatabase.deleteFiles(folder.resolve("cache.db"));
        deleteTree(folder);
    }

    /** Where the second page of 'Job 4242' starts (the first page's last seq). */
    private static long secondPageBefore(AuditRepository online) {
        return online.serverPage(AuditFilter.everything().containing("Job 4242"), Optional.empty(), 100).before().orElseThrow();
    }

    /** The free-text page as it was read before audit_log_search: PostgREST's ilike filter on values_text. */
    private static Object textThroughPostgrest(SupabaseClient client, String text) {
        return client.from("audit_log").select("id,seq,occurred_at,actor_id,actor_role,action,table_name,row_id,old_values,new_values,hash")
                .ilike("values_text", AuditLogQuery.containing(text)).order("seq", com.fielddesk.supabase.rest.SelectQuery.Direction.DESC)
                .limit(200).list(com.fasterxml.jackson.databind.JsonNode.class);
    }

    private static AuditRepository repository(CacheDatabase database, SupabaseClient client, UUID user) {
        return new AuditRepository(new SupabaseAuditLogPort(client), new WitnessedHeads(database, Clock.systemUTC()),
                new LocalCache(database, new Outbox(), Clock.systemUTC()), new UserId(user), new AuditOfflineCopy(database),
                Clock.systemUTC());
    }

    private static SupabaseClient signedIn(TestBackend.SignedInUser user, String url) {
        SupabaseClient client = new SupabaseClient(SupabaseConfig.of(url, BACKEND.anonKey()), new InMemorySessionStore());
        if (url.equals(BACKEND.url().toString())) {
            client.auth().signInWithPassword(user.email(), user.password());
        }
        return client;
    }

    /** {@code entries} over the last 365 days, ten people (the supervisor one of them), 5,000 jobs changed. */
    private static void bulkLoad(UUID company, UUID supervisor, int entries) throws Exception {
        String actors = "array['" + supervisor + "'" + ", gen_random_uuid()".repeat(9) + "]::uuid[]";
        try (Connection connection = BACKEND.admin().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute(String.format(Locale.ROOT, """
                    insert into public.audit_log (id, company_id, seq, occurred_at, actor_id, actor_role, action, table_name, row_id,
                                                  old_values, new_values, prev_hash, hash)
                    select gen_random_uuid(), '%1$s', h.seq + g, now() - (%2$d - g) * (interval '365 days' / %2$d), a.actors[1 + g %% 10],
                           case when g %% 10 = 0 then 'supervisor' else 'dispatcher' end, 'update', 'work_orders',
                           ('00000000-0000-0000-0000-' || lpad(((g::bigint * 7919) %% 5000)::text, 12, '0'))::uuid,
                           jsonb_build_object('status', 'scheduled', 'title', 'Job ' || ((g::bigint * 7919) %% 5000)),
                           jsonb_build_object('status', 'dispatched', 'title', 'Job ' || ((g::bigint * 7919) %% 5000)),
                           null, md5(g::text)
                      from generate_series(1, %2$d) g, (select %3$s as actors) a,
                           (select coalesce(max(seq), 0) as seq from public.audit_log where company_id = '%1$s') h
                    """, company, entries, actors));
            sql.execute("analyze public.audit_log");
        }
    }

    /** {@code entries} entries whose chain the server's check accepts (hashed in order, as append_audit does). */
    private static void chainLoad(UUID company, UUID actor, int entries) throws Exception {
        try (Connection connection = BACKEND.admin().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.execute(String.format(Locale.ROOT, """
                    do $$
                    declare
                      e public.audit_log;
                      previous text;
                      base bigint;
                      batch public.audit_log[] := '{}';
                    begin
                      -- The chain goes on from the company's head (its own insert, the supervisor's profile).
                      select coalesce(max(a.seq), 0) into base from public.audit_log a where a.company_id = '%1$s';
                      select a.hash into previous from public.audit_log a where a.company_id = '%1$s' and a.seq = base;
                      for g in 1..%2$d loop
                        e.id := gen_random_uuid();
                        e.company_id := '%1$s';
                        e.seq := base + g;
                        e.occurred_at := now() - (%2$d - g) * interval '1 minute';
                        e.actor_id := '%3$s';
                        e.actor_role := 'supervisor';
                        e.action := 'update';
                        e.table_name := 'work_orders';
                        e.row_id := ('00000000-0000-0000-0000-' || lpad((g %% 5000)::text, 12, '0'))::uuid;
                        e.old_values := jsonb_build_object('status', 'scheduled');
                        e.new_values := jsonb_build_object('status', 'dispatched');
                        e.prev_hash := previous;
                        e.hash := private.audit_hash(e);
                        previous := e.hash;
                        batch := batch || e;
                        if g %% 5000 = 0 or g = %2$d then
                          insert into public.audit_log (id, company_id, seq, occurred_at, actor_id, actor_role, action, table_name,
                                                        row_id, old_values, new_values, prev_hash, hash)
                          select b.id, b.company_id, b.seq, b.occurred_at, b.actor_id, b.actor_role, b.action, b.table_name,
                                 b.row_id, b.old_values, b.new_values, b.prev_hash, b.hash from unnest(batch) b;
                          batch := '{}';
                        end if;
                      end loop;
                    end $$""", company, entries, actor));
        }
    }

    private static void explain(UUID company, UUID person) throws Exception {
        try (Connection connection = BACKEND.admin().getConnection(); Statement sql = connection.createStatement()) {
            String query = "select id, seq from public.audit_log where company_id = '" + company + "' and actor_id = '" + person
                    + "' and occurred_at >= now() - interval '8 days' and occurred_at < now() - interval '1 day'"
                    + " order by seq desc limit 200";
            try (ResultSet plan = sql.executeQuery("explain (analyze, buffers) " + query)) {
                System.out.println("EXPLAIN ANALYZE (superuser, no row security) " + query);
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
        }
    }

    private static Instant newestEntries(UUID company, int count) throws Exception {
        try (Connection connection = BACKEND.admin().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select occurred_at from public.audit_log where company_id = ? order by seq desc offset ? limit 1")) {
            query.setObject(1, company);
            query.setInt(2, count - 1);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private static void witnessEvery(UUID company, int step, WitnessedHeads witnessed) throws Exception {
        try (Connection connection = BACKEND.admin().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select seq, hash from public.audit_log where company_id = ? and seq % ? = 0 order by seq")) {
            query.setObject(1, company);
            query.setInt(2, Math.max(1, step));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    witnessed.witness(company, new WitnessedHeads.Head(rows.getLong(1), rows.getString(2)));
                }
            }
        }
    }

    private static long count(CacheDatabase database) {
        return count(database, "select count(*) from audit_offline_entries");
    }

    private static long count(CacheDatabase database, String query) {
        return database.read(connection -> {
            try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** The pages of the trigram index's tables beside the copy's own (SQLite's dbstat, when the driver has it). */
    private static String textIndexSize(CacheDatabase database) {
        try {
            return String.format(Locale.ROOT, "%,d KB (the entries and their indexes: %,d KB)",
                    count(database, "select sum(pgsize) from dbstat where name like 'audit_offline_text%'") >> 10,
                    count(database, "select sum(pgsize) from dbstat where name like 'audit_offline_entries%'"
                            + " or name like 'audit_offline_by%' or name like 'sqlite_autoindex_audit_offline_entries%'") >> 10);
        } catch (RuntimeException noDbstat) {
            return "size unknown (" + noDbstat.getClass().getSimpleName() + ")";
        }
    }

    private static AuditLogQuery textQuery(Optional<UUID> person, String text) {
        return new AuditLogQuery(Optional.empty(), Optional.empty(), person, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(text), Optional.empty(), 200);
    }

    private static double[] time(int rounds, Supplier<?> work) {
        for (int i = 0; i < Math.max(3, rounds / 10); i++) {
            work.get();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void report(String what, int run, double[] sorted) {
        System.out.printf(Locale.ROOT, "%s, run %d: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d rounds)%n", what, run,
                percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private AuditBenchmark() {
    }
}
