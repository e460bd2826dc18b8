package com.fielddesk.cache.benchmark;

import com.fielddesk.cache.search.CacheSearch;
import com.fielddesk.cache.store.CacheDatabase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Ctrl+K over the cache: 100k jobs + 50k customers (with addresses) + 50k pool leads, every
 * keystroke of typed queries ("n", "no", "nor", "nor ", "nor h", …) searched with 10 hits per
 * kind. Reports the cache's part (the desktop adds rendering). Also reports what the search
 * triggers add to writing the rows (as a sync pull writes them).
 * Usage: SearchBenchmark [jobs] [customers] [leads].
 */
public final class SearchBenchmark {

    /** Writing 100k jobs as pull pages with and without the search index triggers, same rows, same run. */
    private static void triggerCost(int jobs) {
        double[] seconds = new double[2];
        for (int withIndex = 0; withIndex < 2; withIndex++) {
            for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                Path file = BenchmarkSupport.tempFolder("fielddesk-triggers-").resolve("cache.db");
                try (CacheDatabase database = CacheDatabase.open(file)) {
                    if (withIndex == 0) {
                        database.write(connection -> {
                            for (String trigger : List.of("insert", "update", "delete")) {
                                connection.createStatement().execute("drop trigger work_orders_search_" + trigger);
                            }
                            return null;
                        });
                    }
                    long start = System.nanoTime();
                    CacheSeed.workOrders(database, round == 0 ? jobs / 5 : jobs, List.of(UUID.randomUUID()),
                            new SplittableRandom(11));
                    seconds[withIndex] = BenchmarkSupport.seconds(System.nanoTime() - start);
                }
            }
        }
        System.out.printf(Locale.ROOT, "writing %,d jobs as pull pages: %.1f s without the search index, %.1f s with it "
                + "(%.2fx)%n", jobs, seconds[0], seconds[1], seconds[1] / seconds[0]);
    }

    public static void main(String[] args) {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int customerCount = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int leads = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        triggerCost(jobs);
        Path file = BenchmarkSupport.tempFolder("fielddesk-search-").resolve("cache.db");
        SplittableRandom random = new SplittableRandom(7);
        try (CacheDatabase database = CacheDatabase.open(file)) {
            long seeding = System.nanoTime();
            List<UUID> customers = CacheSeed.customers(database, customerCount, random);
            CacheSeed.workOrders(database, jobs, customers, random);
            CacheSeed.leads(database, leads, random);
            System.out.printf(Locale.ROOT, "seeded %,d jobs, %,d customers (+ as many addresses), %,d leads, "
                            + "search indexes kept in step per transaction, in %.1f s%n", jobs, customerCount, leads,
                    BenchmarkSupport.seconds(System.nanoTime() - seeding));

            CacheSearch search = new CacheSearch(database);
            List<String> typed = List.of("northwind heating", "boiler elm", "springfield", "lodz", "heat pump",
                    "contoso bakery 12", "555-12", "harbour road", "radiator", "fabrikam m");
            List<String> keystrokes = new ArrayList<>();
            for (String text : typed) {
                for (int i = 1; i <= text.length(); i++) {
                    keystrokes.add(text.substring(0, i));
                }
            }
            for (int i = 0; i < 3; i++) { // warm-up
                keystrokes.forEach(text -> search.search(text, 10));
            }
            int rounds = 5;
            long[] nanos = new long[keystrokes.size() * rounds];
            long[] firstLetter = new long[typed.size() * rounds];
            int n = 0;
            int f = 0;
            int hits = 0;
            for (int round = 0; round < rounds; round++) {
                for (String text : keystrokes) {
                    long start = System.nanoTime();
                    hits += search.search(text, 10).size();
                    long took = System.nanoTime() - start;
                    nanos[n++] = took;
                    if (text.length() == 1) {
                        firstLetter[f++] = took;
                    }
                }
            }
            Arrays.sort(nanos);
            Arrays.sort(firstLetter);
            System.out.printf(Locale.ROOT, "%,d keystrokes searched (4 kinds, 10 hits each; %,d hits): "
                            + "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n", nanos.length, hits,
                    CacheSeed.ms(nanos, 0.50), CacheSeed.ms(nanos, 0.95), CacheSeed.ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  first letter only (widest prefix): p50 %.2f ms  p95 %.2f ms%n",
                    CacheSeed.ms(firstLetter, 0.50), CacheSeed.ms(firstLetter, 0.95));
            System.out.printf(Locale.ROOT, "load average %.1f on %d cores%n", CacheSeed.loadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
