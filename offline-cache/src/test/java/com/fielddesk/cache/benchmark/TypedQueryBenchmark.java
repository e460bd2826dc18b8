package com.fielddesk.cache.benchmark;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Page;
import com.fielddesk.cache.query.PageCursor;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.RowMapper;
import com.fielddesk.cache.store.CacheDatabase;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;

import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * Target: a typed query of a filtered, sorted page of 200 out of 100k work orders, p95 ≤ 10 ms
 * (query + mapping every row to a record). Usage: TypedQueryBenchmark [rows] [iterations].
 */
public final class TypedQueryBenchmark {

    record Job(UUID id, Long number, String title, String status, Instant start, UUID customer, BigDecimal total,
               String priority) {
    }

    static final RowMapper<Job> JOB = row -> new Job(row.get(WORK_ORDERS.id), row.get(WORK_ORDERS.number),
            row.get(WORK_ORDERS.title), row.get(WORK_ORDERS.status), row.get(WORK_ORDERS.scheduledStart),
            row.get(WORK_ORDERS.customerId), row.get(WORK_ORDERS.total), row.get(WORK_ORDERS.priority));

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path file = BenchmarkSupport.tempFolder("fielddesk-query-").resolve("cache.db");
        SplittableRandom random = new SplittableRandom(42);
        try (CacheDatabase database = CacheDatabase.open(file)) {
            long seeding = System.nanoTime();
            List<UUID> customers = CacheSeed.customers(database, 5_000, random);
            CacheSeed.workOrders(database, rows, customers, random);
            System.out.printf(Locale.ROOT, "seeded %,d work orders (+5,000 customers) in %.1f s%n", rows,
                    BenchmarkSupport.seconds(System.nanoTime() - seeding));
            LocalCache cache = new LocalCache(database, new Outbox(), Clock.systemUTC());

            Query scheduled = Query.from(WORK_ORDERS).where(WORK_ORDERS.status.eq("scheduled"))
                    .orderBy(WORK_ORDERS.scheduledStart.desc(), WORK_ORDERS.id.desc()).limit(200);
            PageCursor fifthPage = cursorOfPage(cache, scheduled, 5);
            report("status = scheduled, by start desc, page 1 of 200", iterations, () -> cache.page(scheduled, JOB));
            report("  same, page 5 (keyset)", iterations, () -> cache.page(scheduled.after(fifthPage), JOB));
            report("status in (scheduled, dispatched) and start in March, by start", iterations, () -> cache.list(
                    Query.from(WORK_ORDERS).where(WORK_ORDERS.status.in("scheduled", "dispatched")
                                    .and(WORK_ORDERS.scheduledStart.between(Instant.parse("2026-03-01T00:00:00Z"),
                                            Instant.parse("2026-04-01T00:00:00Z"))))
                            .orderBy(WORK_ORDERS.scheduledStart.asc(), WORK_ORDERS.id.asc()).limit(200), JOB));
            report("one customer's jobs, by start desc", iterations, () -> cache.list(Query.from(WORK_ORDERS)
                    .where(WORK_ORDERS.customerId.eq(customers.get(random.nextInt(customers.size()))))
                    .orderBy(WORK_ORDERS.scheduledStart.desc(), WORK_ORDERS.id.desc()).limit(200), JOB));
            report("count per status (group counts over all rows)", Math.max(10, iterations / 10),
                    () -> cache.countBy(Query.from(WORK_ORDERS), WORK_ORDERS.status));
            report("title contains 'heat' (no index can serve it: a scan), by number", Math.max(10, iterations / 10),
                    () -> cache.list(Query.from(WORK_ORDERS).where(WORK_ORDERS.title.containsText("heat"))
                            .orderBy(WORK_ORDERS.number.asc()).limit(200), JOB));
            System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", CacheSeed.loadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static PageCursor cursorOfPage(LocalCache cache, Query query, int page) {
        Page<Job> current = cache.page(query, JOB);
        for (int i = 1; i < page - 1; i++) {
            current = cache.page(query.after(current.next().orElseThrow()), JOB);
        }
        return current.next().orElseThrow();
    }

    private static void report(String what, int iterations, Supplier<?> query) {
        for (int i = 0; i < Math.min(100, iterations); i++) {
            query.get();
        }
        long[] nanos = new long[iterations];
        int size = 0;
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            Object result = query.get();
            nanos[i] = System.nanoTime() - start;
            size = result instanceof Page<?> page ? page.items().size() : result instanceof List<?> list ? list.size()
                    : result instanceof java.util.Map<?, ?> map ? map.size() : 1;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-70s %3d rows  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms%n", what, size,
                CacheSeed.ms(nanos, 0.50), CacheSeed.ms(nanos, 0.95), CacheSeed.ms(nanos, 0.99));
    }
}
