package com.fielddesk.localbackend.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.testing.TemporaryFolders;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend started with the default options applies supabase/config.toml's {@code [auth.rate_limit]}
 * per client address and answers as GoTrue does beyond it: 429 {@code over_request_rate_limit}.
 */
class AuthRateLimitTest {

    private static LocalBackend backend;
    private static Path data;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        data = TemporaryFolders.create("fielddesk-rate-limit-");
        backend = LocalBackend.start(new LocalBackendConfig(data, 0,
                false, DemoDataOption.none()));
    }

    @AfterAll
    static void stop() {
        backend.close();
        TemporaryFolders.delete(data);
    }

    @Test
    void theDefaultsAreThoseOfSupabaseConfigToml() throws Exception {
        AuthRateLimits declared = AuthRateLimits.parse(Files.readString(Path.of("..", "supabase", "config.toml")));

        assertThat(AuthSettings.defaults().rateLimits()).isEqualTo(declared);
        assertThat(declared).isEqualTo(new AuthRateLimits(30, 150));
    }

    @Test
    void signInsAndSignUpsBeyondTheLimitAre429InBothDialects() throws Exception {
        int limit = AuthSettings.defaults().rateLimits().signInsAndSignUps();
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> refused = post("/auth/v1/token?grant_type=password",
                    "{\"email\":\"nobody-" + i + "@test.local\",\"password\":\"wrong\"}", false);
            assertThat(refused.statusCode()).as("sign-in " + (i + 1) + ": " + refused.body()).isEqualTo(400);
        }

        HttpResponse<String> legacy = post("/auth/v1/token?grant_type=password",
                "{\"email\":\"nobody@test.local\",\"password\":\"wrong\"}", false);
        HttpResponse<String> versioned = post("/auth/v1/signup", "{\"email\":\"new@test.local\",\"password\":\"secret-1\"}", true);

        assertThat(legacy.statusCode()).isEqualTo(429);
        JsonNode legacyBody = TestBackend.read(legacy.body());
        assertThat(legacyBody.get("code").asInt()).isEqualTo(429);
        assertThat(legacyBody.get("error_code").asText()).isEqualTo("over_request_rate_limit");
        assertThat(legacyBody.get("msg").asText()).isEqualTo("Request rate limit reached");
        assertThat(versioned.statusCode()).isEqualTo(429);
        JsonNode versionedBody = TestBackend.read(versioned.body());
        assertThat(versionedBody.get("code").asText()).isEqualTo("over_request_rate_limit");
        assertThat(versionedBody.get("message").asText()).isEqualTo("Request rate limit reached");
    }

    @Test
    void tokenRefreshesHaveTheirOwnLimit() throws Exception {
        int limit = AuthSettings.defaults().rateLimits().tokenRefreshes();
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> refused = post("/auth/v1/token?grant_type=refresh_token",
                    "{\"refresh_token\":\"unknown-" + i + "\"}", true);
            assertThat(refused.statusCode()).as("refresh " + (i + 1) + ": " + refused.body()).isEqualTo(400);
        }

        HttpResponse<String> over = post("/auth/v1/token?grant_type=refresh_token", "{\"refresh_token\":\"unknown\"}", true);

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(TestBackend.read(over.body()).get("code").asText()).isEqualTo("over_request_rate_limit");
    }

    private static HttpResponse<String> post(String path, String json, boolean apiVersioned) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("apikey", backend.anonKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiVersioned) {
            request.header("X-Supabase-Api-Version", "2024-01-01");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
