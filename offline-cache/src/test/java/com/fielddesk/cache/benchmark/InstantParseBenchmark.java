package com.fielddesk.cache.benchmark;

import com.fielddesk.cache.store.Instants;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Reading the cache's instants: {@link Instants#parse} on the cache's own form against the general
 * ISO parser it used for every value before, alternated in each round of one process. Per value:
 * nanoseconds and bytes allocated; the median of the rounds after the first two (the JIT's).
 * Usage: InstantParseBenchmark [values=200000] [rounds=9]
 */
public final class InstantParseBenchmark {

    private InstantParseBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        String[] texts = new String[count];
        Random random = new Random(1);
        for (int i = 0; i < count; i++) {
            texts[i] = Instants.format(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000) * 1_000L));
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<double[]> measured = new ArrayList<>();
        long check = 0;
        for (int round = 0; round < rounds; round++) {
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            for (String text : texts) {
                check += OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().getNano();
            }
            long general = System.nanoTime();
            long allocated1 = threads.getCurrentThreadAllocatedBytes();
            for (String text : texts) {
                check -= Instants.parse(text).getNano();
            }
            long canonical = System.nanoTime();
            long allocated2 = threads.getCurrentThreadAllocatedBytes();
            if (round >= 2) {
                measured.add(new double[] {(general - started) / (double) count, (allocated1 - allocated0) / (double) count,
                        (canonical - general) / (double) count, (allocated2 - allocated1) / (double) count});
            }
        }
        if (check != 0) {
            throw new IllegalStateException("The two parsers read different instants");
        }
        System.out.printf(Locale.ROOT, "%,d instants in the cache's form, median of %d rounds: general ISO parser %.0f ns and %.0f B"
                        + " per value; Instants.parse %.0f ns and %.0f B per value; %.1f× faster%n", count, measured.size(),
                median(measured, 0), median(measured, 1), median(measured, 2), median(measured, 3),
                median(measured, 0) / median(measured, 2));
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
