package com.fielddesk.localbackend.http;

import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTest {

    private static final TestBackend BACKEND = TestBackend.shared();

    private static HttpResponse<String> get(String path, String apiKeyHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BACKEND.url() + path)).GET();
        if (apiKeyHeader != null) {
            request.header("apikey", apiKeyHeader);
        }
        return BACKEND.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRouteRefusesARequestWithoutAnApiKey() throws Exception {
        for (String path : new String[] {"/auth/v1/health", "/auth/v1/settings", "/rest/v1/anything", "/rest/v1/rpc/x"}) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(TestBackend.read(response.body()).get("message").asText()).isEqualTo("No API key found in request");
        }
    }

    @Test
    void theApiKeyMayComeAsAQueryParameter() throws Exception {
        assertThat(get("/auth/v1/health?apikey=" + BACKEND.anonKey(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyOfAnotherProjectIsRefused() throws Exception {
        HttpResponse<String> response = get("/auth/v1/health", "eyJhbGciOiJIUzI1NiJ9.e30.x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestBackend.read(response.body()).get("message").asText()).isEqualTo("Invalid API key");
    }
}
