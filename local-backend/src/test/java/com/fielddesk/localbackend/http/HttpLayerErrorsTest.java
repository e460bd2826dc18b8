package com.fielddesk.localbackend.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals made before any service sees the request (Jetty, Javalin's router, the gateway) come
 * in the same JSON shape as PostgREST's errors, never as HTML or plain text, and never as 5xx.
 */
class HttpLayerErrorsTest {

    private static final TestBackend BACKEND = TestBackend.shared();

    private static RawHttp.Answer request(String requestLine, String... extraHeaders) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\napikey: ").append(BACKEND.anonKey());
        for (String header : extraHeaders) {
            head.append("\r\n").append(header);
        }
        return RawHttp.exchange(BACKEND.url(), head.toString(), null);
    }

    private static JsonNode assertJsonError(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = TestBackend.read(answer.body());
        assertThat(body.has("code") && body.has("message") && body.has("details") && body.has("hint"))
                .as(answer.body()).isTrue();
        assertThat(body.get("code").asText()).isEqualTo(code);
        return body;
    }

    @Test
    void anUnknownPathIsA404InJson() {
        JsonNode body = assertJsonError(request("GET /nowhere HTTP/1.1"), 404, "PGRST125");
        assertThat(body.get("message").asText()).isEqualTo("Invalid path specified in request URL");
    }

    @Test
    void aMethodAPathDoesNotServeIsA405InJson() {
        JsonNode body = assertJsonError(request("PUT /rest/v1/customers HTTP/1.1"), 405, "PGRST117");
        assertThat(body.get("message").asText()).isEqualTo("Unsupported HTTP method: PUT");
    }

    @Test
    void anInventedMethodIsA405InJson() {
        JsonNode body = assertJsonError(request("FROB /rest/v1/customers HTTP/1.1"), 405, "PGRST117");
        assertThat(body.get("message").asText()).isEqualTo("Unsupported HTTP method: FROB");
    }

    @Test
    void aFunctionCalledWithAnotherMethodThanGetOrPostIsA405InJson() {
        JsonNode body = assertJsonError(request("DELETE /rest/v1/rpc/sync_watermark HTTP/1.1"), 405, "PGRST101");
        assertThat(body.get("message").asText()).isEqualTo("Cannot use the DELETE method on RPC");
    }

    @Test
    void aUrlTooLongIsA414InJson() {
        assertJsonError(request("GET /rest/v1/customers?select=" + "a".repeat(20_000) + " HTTP/1.1"), 414, "PGRST414");
    }

    @Test
    void headersTooLargeAreA431InJson() {
        assertJsonError(request("GET /rest/v1/customers HTTP/1.1", "X-Padding: " + "p".repeat(20_000)), 431, "PGRST431");
    }

    @Test
    void aMalformedRequestLineIsA400InJson() {
        assertJsonError(request("GET /rest/v1/customers HTTP/1.1 trailing"), 400, "PGRST400");
    }

    @Test
    void anUnknownHttpVersionIsRefusedInJsonBelow500() {
        for (String version : new String[] {"HTTP/9.9", "HTTP/1.2", "HTTP/2.0", "SPDY/3"}) {
            RawHttp.Answer answer = request("GET /rest/v1/customers " + version);
            assertThat(answer.status()).as(version + " " + answer.body()).isBetween(400, 499);
            assertJsonError(answer, answer.status(), "PGRST" + answer.status());
        }
    }

    @Test
    void aMalformedPercentEscapeInTheQueryIsA400InJson() {
        assertJsonError(request("GET /rest/v1/customers?select=%zz HTTP/1.1"), 400, "PGRST100");
        assertJsonError(request("GET /rest/v1/customers?select=id%2 HTTP/1.1"), 400, "PGRST100");
    }

    @Test
    void percentEscapesThatAreNotUtf8AreA400InJson() {
        assertJsonError(request("GET /rest/v1/customers?select=caf%E9 HTTP/1.1"), 400, "PGRST100");
        assertJsonError(request("GET /rest/v1/customers?full_name=eq.%ED%A0%80 HTTP/1.1"), 400, "PGRST100");
        RawHttp.Answer path = request("GET /rest/v1/caf%E9 HTTP/1.1");
        assertJsonError(path, 400, path.status() == 400 ? TestBackend.read(path.body()).get("code").asText() : "?");
    }

    @Test
    void rawBytesThatAreNotUtf8InTheUrlAreRefusedInJson() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes("GET /rest/v1/customers?select=caf".getBytes(StandardCharsets.US_ASCII));
        head.write(0xE9);
        head.writeBytes((" HTTP/1.1\r\napikey: " + BACKEND.anonKey()).getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer answer = RawHttp.exchangeBytes(BACKEND.url(), head.toByteArray(), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/json");
    }
}
