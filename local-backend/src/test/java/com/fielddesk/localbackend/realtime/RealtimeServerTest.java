package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Realtime rules seen on the wire with a raw Phoenix socket (the supabase-js view is in realtime.test.mjs). */
class RealtimeServerTest {

    private final TestBackend backend = TestBackend.shared();

    private static Map<String, Object> joinPayload(String token, List<Map<String, Object>> entries) {
        return Map.of("config", Map.of("postgres_changes", entries), "access_token", token);
    }

    private static final List<Map<String, Object>> WORK_ORDERS =
            List.of(Map.of("event", "*", "schema", "public", "table", "work_orders"));

    @Test
    void channelWhoseTokenRunsOutIsToldAndClosedWithoutAnyTokenUpdate() throws Exception {
        String token = backend.mintAccessToken(UUID.randomUUID(), "soon@expired.test", "authenticated", Duration.ofSeconds(2));
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey())) {
            socket.send("1", "1", "realtime:expiring", "phx_join", joinPayload(token, WORK_ORDERS));
            PhoenixFrame joined = socket.await(f -> "1".equals(f.ref()), "the join reply");
            assertThat(joined.payload().path("status").asText()).isEqualTo("ok");

            PhoenixFrame told = socket.await(f -> f.event().equals("system")
                    && f.payload().path("status").asText().equals("error"), "the expiry notice");
            assertThat(told.payload().path("message").asText()).startsWith("Token has expired");
            assertThat(told.payload().path("channel").asText()).isEqualTo("expiring");
            socket.await(f -> f.event().equals("phx_close") && f.topic().equals("realtime:expiring"), "phx_close");
        }
    }

    @Test
    void aFreshTokenForTheSameUserKeepsTheChannelDeliveringPastTheOldTokensExpiry() throws Exception {
        TenantFixtures tenants = backend.tenants();
        TenantFixtures.Company company = tenants.company("Token Refresh Co");
        TenantFixtures.AppUser dispatcher = tenants.staff(company, "dispatcher");
        Duration shortLife = Duration.ofSeconds(3);
        String expiring = backend.mintAccessToken(dispatcher.id(), dispatcher.email(), "authenticated", shortLife);
        Instant expiringAt = Instant.now().plus(shortLife);
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey())) {
            socket.send("1", "1", "realtime:refreshed", "phx_join", joinPayload(expiring,
                    List.of(Map.of("event", "INSERT", "schema", "public", "table", "work_orders",
                            "filter", "company_id=eq." + company.id()))));
            socket.await(f -> f.event().equals("system") && f.topic().equals("realtime:refreshed"), "Subscribed");

            String fresh = backend.mintAccessToken(dispatcher.id(), dispatcher.email(), "authenticated", Duration.ofHours(1));
            socket.send("1", "2", "realtime:refreshed", "access_token", Map.of("access_token", fresh));
            // Past the first token's expiry, plus two of the server's 250 ms expiry checks.
            Instant checked = expiringAt.plusSeconds(1);
            while (Instant.now().isBefore(checked)) {
                Thread.sleep(Math.max(1, Duration.between(Instant.now(), checked).toMillis()));
            }

            UUID job = tenants.job(company);
            PhoenixFrame event = socket.await(f -> f.event().equals("postgres_changes")
                    && f.payload().path("data").path("record").path("id").asText().equals(job.toString()), "the job's insert");
            assertThat(event.topic()).isEqualTo("realtime:refreshed");
            assertThat(socket.frames()).as("no expiry notice and no close for the refreshed channel")
                    .noneMatch(f -> f.event().equals("phx_close")
                            || (f.event().equals("system") && f.payload().path("status").asText().equals("error")));
        }
    }

    @Test
    void joinWithAnExpiredTokenIsRefused() throws Exception {
        String expired = backend.mintAccessToken(UUID.randomUUID(), "old@expired.test", "authenticated", Duration.ofMinutes(-1));
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey())) {
            socket.send("1", "1", "realtime:late", "phx_join", joinPayload(expired, WORK_ORDERS));
            PhoenixFrame reply = socket.await(f -> "1".equals(f.ref()), "the join reply");
            assertThat(reply.payload()).isEqualTo(PhoenixTestSocket.json(
                    "{\"status\":\"error\",\"response\":{\"reason\":\"Token has expired\"}}"));
        }
    }

    @Test
    void subscriptionsToUnpublishedTablesOrWithBadFiltersAreRefused() throws Exception {
        String token = backend.mintAccessToken(UUID.randomUUID(), "a@b.test", "authenticated", Duration.ofMinutes(5));
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey())) {
            socket.send("1", "1", "realtime:audit", "phx_join", joinPayload(token,
                    List.of(Map.of("event", "*", "schema", "public", "table", "audit_log"))));
            assertThat(socket.await(f -> "1".equals(f.ref()), "reply").payload().path("response").path("reason").asText())
                    .startsWith("Unable to subscribe to changes with given parameters");

            socket.send("2", "2", "realtime:bad-filter", "phx_join", joinPayload(token,
                    List.of(Map.of("event", "*", "schema", "public", "table", "work_orders", "filter", "title=like.x*"))));
            assertThat(socket.await(f -> "2".equals(f.ref()), "reply").payload().path("status").asText()).isEqualTo("error");

            socket.send("3", "3", "realtime:no-column", "phx_join", joinPayload(token,
                    List.of(Map.of("event", "*", "schema", "public", "table", "work_orders", "filter", "nope=eq.1"))));
            assertThat(socket.await(f -> "3".equals(f.ref()), "reply").payload().path("response").path("reason").asText())
                    .isEqualTo("Unknown column in filter: nope");
        }
    }

    @Test
    void framesOnATopicNeverJoinedGetUnmatchedTopic() throws Exception {
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey())) {
            socket.send(null, "5", "realtime:never-joined", "broadcast", Map.of());
            PhoenixFrame reply = socket.await(f -> "5".equals(f.ref()), "the reply");
            assertThat(reply.payload().path("response").path("reason").asText()).isEqualTo("unmatched topic");
        }
    }

    @Test
    void socketsAreNotCompressedEvenWhenTheClientOffersPerMessageDeflate() throws Exception {
        // OkHttp (like browsers and Node's ws) offers permessage-deflate; hosted Realtime declines it.
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        java.util.concurrent.CompletableFuture<okhttp3.Response> opened = new java.util.concurrent.CompletableFuture<>();
        okhttp3.WebSocket socket = http.newWebSocket(new okhttp3.Request.Builder()
                .url(backend.url().toString().replace("http://", "ws://") + RealtimeServer.PATH
                        + "?vsn=2.0.0&apikey=" + backend.anonKey()).build(), new okhttp3.WebSocketListener() {
                    @Override
                    public void onOpen(okhttp3.WebSocket webSocket, okhttp3.Response response) {
                        opened.complete(response);
                    }

                    @Override
                    public void onFailure(okhttp3.WebSocket webSocket, Throwable failure, okhttp3.Response response) {
                        opened.completeExceptionally(failure);
                    }
                });
        try {
            okhttp3.Response handshake = opened.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(handshake.code()).isEqualTo(101);
            assertThat(handshake.request().header("Sec-WebSocket-Extensions")).contains("permessage-deflate");
            assertThat(handshake.header("Sec-WebSocket-Extensions")).isNull();
        } finally {
            socket.cancel();
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void socketWithoutAnApiKeyIsClosed() throws Exception {
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(backend, "not-a-key")) {
            socket.awaitClosed();
            assertThat(socket.frames()).isEmpty();
        }
    }
}
