package com.fielddesk.cache.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;

/** Small helpers shared by the benchmark mains. */
final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    static Path tempFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** The highest heap use the JVM saw (sum of the heap pools' peaks), in MB. */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /**
     * CPU time used so far, split into this JVM's threads grouped by name (numbers dropped, so a
     * pool's threads add up) and the embedded PostgreSQL (this JVM's child processes), in ms.
     */
    static java.util.Map<String, Long> cpuMillis() {
        java.util.Map<String, Long> split = new java.util.TreeMap<>();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                split.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos / 1_000_000, Long::sum);
            }
        }
        postmaster.ifPresent(server -> split.put("postgres", server.children()
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L)).sum()));
        return split;
    }

    /** The embedded PostgreSQL's server process (its backends are its children), found from a backend's pid. */
    private static java.util.Optional<ProcessHandle> postmaster = java.util.Optional.empty();

    static void watchPostgres(javax.sql.DataSource admin) {
        try (java.sql.Connection connection = admin.getConnection();
             java.sql.ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            postmaster = ProcessHandle.of(pid.getLong(1)).flatMap(ProcessHandle::parent);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What each part of {@link #cpuMillis()} used between two readings, largest first, only parts above 20 ms. */
    static String cpuSpent(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 20)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
