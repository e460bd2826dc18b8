package com.fielddesk.cache.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.store.CacheDatabase;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * One remote change to a 100k-row table, as a sync page commit touching one row → the change
 * notice delivered → a live list's query re-run (a filtered, sorted page of 200): the time from
 * the start of the commit to the new result, p95 (the desktop adds the FX hand-off and render).
 * Usage: ChangeToQueryBenchmark [rows] [changes].
 */
public final class ChangeToQueryBenchmark {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path file = BenchmarkSupport.tempFolder("fielddesk-change-").resolve("cache.db");
        SplittableRandom random = new SplittableRandom(3);
        try (CacheDatabase database = CacheDatabase.open(file)) {
            List<UUID> customers = CacheSeed.customers(database, 2_000, random);
            List<UUID> jobs = CacheSeed.workOrders(database, rows, customers, random);
            LocalCache cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
            Query list = Query.from(WORK_ORDERS).where(WORK_ORDERS.status.eq("scheduled"))
                    .orderBy(WORK_ORDERS.scheduledStart.desc(), WORK_ORDERS.id.desc()).limit(200);

            BlockingQueue<Long> refreshedAt = new ArrayBlockingQueue<>(changes * 2);
            try (AutoCloseable liveList = cache.onChange(List.of(WORK_ORDERS), notice -> {
                cache.list(list, TypedQueryBenchmark.JOB);
                refreshedAt.add(System.nanoTime());
            })) {
                long[] nanos = new long[changes];
                Instant newest = Instant.parse("2027-06-01T00:00:00Z");
                for (int i = -50; i < changes; i++) { // the first 50 warm up
                    // The changed job moves to the top of the list: a job rescheduled on another console.
                    ObjectNode changed = CacheSeed.workOrder(jobs.get(random.nextInt(jobs.size())), i, customers.get(0),
                            newest.plusSeconds(i + 100L), random);
                    changed.put("status", "scheduled");
                    long start = System.nanoTime();
                    CacheSeed.pages(database, "work_orders", 1, n -> changed);
                    Long done = refreshedAt.poll(10, TimeUnit.SECONDS);
                    if (done == null) {
                        throw new IllegalStateException("No refresh within 10 s");
                    }
                    if (i >= 0) {
                        nanos[i] = done - start;
                    }
                    Thread.sleep(5);
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "remote change (one-row page commit) → notice → query of 200 re-run, "
                                + "%,d rows, %d changes: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms (target p95 <= 50 ms end to end)%n",
                        rows, changes, CacheSeed.ms(nanos, 0.50), CacheSeed.ms(nanos, 0.95), CacheSeed.ms(nanos, 0.99));
                System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", CacheSeed.loadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }
}
