package com.fielddesk.desktop.bench;

import java.util.Locale;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start to the first interactive frame: the console's real Launcher (sign-in screen, fresh
 * data folder) against a bare JavaFX window, each in a new JVM, alternating, in the same run.
 * Target (DESIGN.md §6): console ≤ 2× bare. Usage: ColdStartBenchmark [rounds]
 */
public final class ColdStartBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> bare = new ArrayList<>();
        List<Long> console = new ArrayList<>();
        firstFrame(BareWindow.Launcher.class.getName(), null);
        for (int round = 0; round < rounds; round++) {
            bare.add(firstFrame(BareWindow.Launcher.class.getName(), null));
            console.add(firstFrame("com.fielddesk.desktop.app.Launcher", Files.createTempDirectory("fielddesk-cold-")));
            System.out.printf(Locale.ROOT, "round %d: bare %d ms, console %d ms%n", round + 1, bare.get(round), console.get(round));
        }
        long bareMedian = median(bare);
        long consoleMedian = median(console);
        System.out.printf(Locale.ROOT, "cold start to first frame (median of %d): bare JavaFX window %d ms, FieldDesk console %d ms, "
                + "ratio %.2f (target <= 2.00)%n", rounds, bareMedian, consoleMedian, (double) consoleMedian / bareMedian);
    }

    private static long firstFrame(String mainClass, Path home) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Headless.jvmFlags());
        command.add("-XX:+UseSerialGC"); // as the installers run the console; the same for both windows
        command.add("-Dfielddesk.exitAfterFirstFrame=true");
        if (home != null) {
            command.add("-Dfielddesk.home=" + home);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Long result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("first-frame-ms=")) {
                    result = Long.parseLong(line.substring("first-frame-ms=".length()).trim());
                }
            }
        }
        process.waitFor();
        if (result == null) {
            throw new IllegalStateException(mainClass + " did not report a first frame:\n" + output);
        }
        return result;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
