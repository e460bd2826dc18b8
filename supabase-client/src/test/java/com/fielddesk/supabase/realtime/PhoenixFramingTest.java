package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.supabase.http.SupabaseJson;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoenixFramingTest {

    private final ObjectMapper json = SupabaseJson.defaultMapper();

    @Test
    void heartbeatIsAVsn2Array() {
        String frame = new PhoenixMessage(null, "7", "phoenix", "heartbeat", json.createObjectNode()).encode(json);
        assertThat(frame).isEqualTo("[null,\"7\",\"phoenix\",\"heartbeat\",{}]");
    }

    @Test
    void serverReplyDecodesWithItsRefs() {
        PhoenixMessage reply = PhoenixMessage.decode(json,
                "[\"3\",\"3\",\"realtime:leads\",\"phx_reply\",{\"status\":\"ok\",\"response\":{\"postgres_changes\":[{\"id\":11}]}}]");
        assertThat(reply.joinRef()).isEqualTo("3");
        assertThat(reply.ref()).isEqualTo("3");
        assertThat(reply.replyStatus()).isEqualTo("ok");
        assertThat(reply.replyResponse().path("postgres_changes").get(0).path("id").asLong()).isEqualTo(11);
    }

    @Test
    void malformedFramesAreRejected() {
        assertThatThrownBy(() -> PhoenixMessage.decode(json, "{\"topic\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhoenixMessage.decode(json, "[1,2,3]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhoenixMessage.decode(json, "nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinPayloadListsBindingsInOrderWithTheAccessToken() throws Exception {
        RealtimeClient client = new RealtimeClient(okhttp3.HttpUrl.get("http://127.0.0.1:1"), "anon", new okhttp3.OkHttpClient(),
                json, RealtimeOptions.DEFAULT, "anon");
        try (client) {
            RealtimeChannel channel = client.channel("pool")
                    .onPostgresChanges(PostgresChangesFilter.table("public", "service_requests").on(ChangeType.INSERT), e -> { })
                    .onPostgresChanges(PostgresChangesFilter.table("public", "work_orders").where("company_id", "eq", "c1"), e -> { });
            JsonNode payload = channel.joinPayload("user-jwt");
            assertThat(channel.topic()).isEqualTo("realtime:pool");
            assertThat(payload.path("access_token").asText()).isEqualTo("user-jwt");
            assertThat(payload.path("config").path("private").asBoolean()).isFalse();
            assertThat(payload.path("config").path("postgres_changes").toString()).isEqualTo(
                    "[{\"event\":\"INSERT\",\"schema\":\"public\",\"table\":\"service_requests\"},"
                            + "{\"event\":\"*\",\"schema\":\"public\",\"table\":\"work_orders\",\"filter\":\"company_id=eq.c1\"}]");
        }
    }

    record WorkOrderRow(UUID id, String title, Instant updatedAt) {
    }

    @Test
    void changeEventMapsRecordsToTypedRows() throws Exception {
        JsonNode data = json.readTree("{\"schema\":\"public\",\"table\":\"work_orders\",\"commit_timestamp\":\"2026-11-22T00:10:05.123Z\","
                + "\"type\":\"UPDATE\",\"columns\":[],\"record\":{\"id\":\"7d1b4c8e-0000-4000-8000-000000000001\",\"title\":\"Boiler, (urgent)\","
                + "\"updated_at\":\"2026-11-22T00:10:05.1+00:00\"},\"old_record\":{\"id\":\"7d1b4c8e-0000-4000-8000-000000000001\"},\"errors\":null}");
        PostgresChangeEvent event = PostgresChangeEvent.fromPayload(data, json);

        assertThat(event.type()).isEqualTo(ChangeType.UPDATE);
        assertThat(event.commitTimestamp()).isEqualTo(Instant.parse("2026-11-22T00:10:05.123Z"));
        WorkOrderRow row = event.record(WorkOrderRow.class);
        assertThat(row.title()).isEqualTo("Boiler, (urgent)");
        assertThat(row.updatedAt()).isEqualTo(Instant.parse("2026-11-22T00:10:05.100Z"));
        assertThat(event.oldRecord(WorkOrderRow.class).id()).isEqualTo(row.id());
    }

    @Test
    void realtimeFiltersOnlyTakeSupportedOperators() {
        assertThatThrownBy(() -> PostgresChangesFilter.table("public", "x").where("a", "like", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reconnectDelaysBackOffWithJitterAndStayAtTheLast() {
        RealtimeOptions options = new RealtimeOptions(Duration.ofSeconds(15),
                List.of(Duration.ofMillis(100), Duration.ofMillis(1000)));
        assertThat(options.reconnectDelay(0, 0.0)).isEqualTo(Duration.ofMillis(75));
        assertThat(options.reconnectDelay(0, 1.0)).isEqualTo(Duration.ofMillis(125));
        assertThat(options.reconnectDelay(1, 0.5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(options.reconnectDelay(9, 0.5)).isEqualTo(Duration.ofMillis(1000));
    }
}
