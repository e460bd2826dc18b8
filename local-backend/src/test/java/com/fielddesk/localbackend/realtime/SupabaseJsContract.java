package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.testing.TestBackend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one contract file of {@code src/test/js} with {@code node --test} against the shared
 * {@link TestBackend} and fails with node's output unless every test passed. Installs the npm
 * dependencies (the real supabase-js, ws) on first use.
 */
public final class SupabaseJsContract {

    private static final Path JS = Path.of("src", "test", "js");

    private SupabaseJsContract() {
    }

    public static void run(String file) throws IOException, InterruptedException {
        if (!Files.isDirectory(JS.resolve("node_modules").resolve("@supabase").resolve("supabase-js"))) {
            String install = execute(List.of("npm", "install", "--no-audit", "--no-fund"), Map.of(), 300);
            assertThat(Files.isDirectory(JS.resolve("node_modules"))).as("npm install failed:%n%s", install).isTrue();
        }
        TestBackend backend = TestBackend.shared();
        Map<String, String> environment = Map.of(
                "SUPABASE_URL", backend.url().toString(),
                "SUPABASE_ANON_KEY", backend.anonKey(),
                "SUPABASE_SERVICE_ROLE_KEY", backend.serviceRoleKey(),
                "SUPABASE_JWT_SECRET", backend.backend().jwtSecret());
        Path output = Files.createTempFile("node-test-", ".log");
        int exit = executeExit(List.of("node", "--test", "--test-reporter=spec", file), environment, 240, output);
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exit).as("node --test %s failed:%n%s", file, log).isZero();
        assertThat(log).as("node ran no tests:%n%s", log).containsPattern("pass [1-9]").containsPattern("fail 0");
    }

    private static String execute(List<String> command, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("npm-", ".log");
        executeExit(command, environment, timeoutSeconds, output);
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private static int executeExit(List<String> command, Map<String, String> environment, int timeoutSeconds, Path output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(JS.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return process.exitValue();
    }
}
