package com.fielddesk.localbackend.server;

import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The referee: runs the supabase-js contract suite for Auth and REST
 * ({@code src/test/js/rest-auth.test.mjs}, {@code node --test})
 * against a running local-backend and requires it to pass. Maven installs the pinned
 * supabase-js with {@code npm ci} before the tests run.
 */
class SupabaseJsContractTest {

    private static final Path SUITE = Path.of("src", "test", "js");
    /** Auth and REST; storage and realtime have their own files and drivers. */
    private static final String SUITE_FILE = "rest-auth.test.mjs";

    @Test
    void supabaseJsAgreesWithLocalBackend() throws Exception {
        assertThat(SUITE.resolve("node_modules").resolve("@supabase").resolve("supabase-js"))
                .as("npm ci must have installed supabase-js (process-test-resources)").isDirectory();
        TestBackend backend = TestBackend.shared();
        TenantFixtures tenants = backend.tenants();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Company companyA = tenants.company("Contract A " + suffix, LeadPreferences.serving("hvac", "10001"));
        Company companyB = tenants.company("Contract B " + suffix, LeadPreferences.serving("hvac", "10001"));
        SignedInUser csrA = backend.staff(companyA, "csr");
        SignedInUser techA = backend.staff(companyA, "technician");
        SignedInUser adminA = backend.staff(companyA, "admin");
        SignedInUser csrB = backend.staff(companyB, "csr");
        for (int i = 1; i <= 5; i++) {
            tenants.customer(companyA, "Contract customer " + i);
        }
        UUID lead = tenants.openLead("hvac", "10001");

        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("csrA", login(csrA));
        fixture.put("techA", login(techA));
        fixture.put("adminA", login(adminA));
        fixture.put("csrB", login(csrB));
        fixture.put("companyA", companyA.id().toString());
        fixture.put("companyB", companyB.id().toString());
        fixture.put("leadId", lead.toString());
        fixture.put("expiredToken", backend.mintAccessToken(csrA.id(), csrA.email(), "authenticated", Duration.ofMinutes(-5)));

        ProcessBuilder node = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec", SUITE_FILE))
                .directory(SUITE.toFile()).redirectErrorStream(true);
        node.environment().put("SUPABASE_URL", backend.url().toString());
        node.environment().put("SUPABASE_ANON_KEY", backend.anonKey());
        node.environment().put("SUPABASE_SERVICE_ROLE_KEY", backend.serviceRoleKey());
        node.environment().put("FIELDDESK_FIXTURE", TestBackend.write(fixture));
        Process process = node.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(line);
                output.append(line).append('\n');
            }
        }
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("node --test finished").isTrue();
        assertThat(process.exitValue()).as("node --test exit code; output:\n" + output).isZero();
        assertThat(output).contains("fail 0");
        assertThat(Files.exists(SUITE.resolve("package-lock.json"))).isTrue();
    }

    private static Map<String, String> login(SignedInUser user) {
        return Map.of("email", user.email(), "password", user.password());
    }
}
