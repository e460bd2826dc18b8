package com.fielddesk.cache.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the sync CLI in a separate JVM (same classpath as the tests) so it can be killed with SIGKILL. */
final class ChildSyncProcess {

    private ChildSyncProcess() {
    }

    static Process start(String url, String anonKey, String email, String password, Path db, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("com.fielddesk.cache.cli.SyncCli");
        command.addAll(List.of("--url", url, "--anon-key", anonKey, "--email", email, "--password", password,
                "--db", db.toString(), "--once", "--page-size", "3", "--batch-size", "2"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the child's output contains the text, it exits, or the deadline passes (then fails). */
    static void awaitOutput(Process process, Path log, String text, java.time.Duration deadline)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (java.nio.file.Files.readString(log).contains(text) || !process.isAlive()) {
                return;
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new AssertionError("The child sync did not print '" + text + "' within " + deadline);
    }

    /** SIGKILL (destroyForcibly on Linux/macOS): no shutdown hooks, no finally blocks, no flush. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
