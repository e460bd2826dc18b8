package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the real supabase-js Storage, Realtime and portal-customer contract files
 * ({@code src/test/js/storage.test.mjs}, {@code realtime.test.mjs}, {@code portal.test.mjs}; {@code node --test}) against the shared backend. The files create their
 * own tenants through the service role; the driver adds only a token that expired minutes ago.
 */
class StorageAndRealtimeSupabaseJsTest {

    private static final Path SUITE = Path.of("src", "test", "js");

    @Test
    void supabaseJsStorageAndRealtimeAgreeWithLocalBackend() throws Exception {
        assertThat(SUITE.resolve("node_modules").resolve("@supabase").resolve("supabase-js"))
                .as("npm ci must have installed supabase-js (process-test-resources)").isDirectory();
        TestBackend backend = TestBackend.shared();
        String expiredToken = backend.mintAccessToken(UUID.randomUUID(), "expired@contract.test", "authenticated",
                Duration.ofMinutes(-5));

        Path output = Files.createTempFile("supabase-js-storage-realtime-", ".log");
        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec",
                "storage.test.mjs", "realtime.test.mjs", "portal.test.mjs"))
                .directory(SUITE.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("SUPABASE_URL", backend.url().toString());
        node.environment().put("SUPABASE_ANON_KEY", backend.anonKey());
        node.environment().put("SUPABASE_SERVICE_ROLE_KEY", backend.serviceRoleKey());
        node.environment().put("FIELDDESK_FIXTURE", TestBackend.write(Map.of("expiredToken", expiredToken)));
        Process process = node.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);
        assertThat(finished).as("node --test finished; output:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("node --test exit code; output:%n%s", log).isZero();
        assertThat(log).as("every test ran and passed").containsPattern("pass [1-9]").contains("fail 0");
    }
}
