package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;

/**
 * One row change. {@code record} is the new row (INSERT/UPDATE), {@code oldRecord} the old one —
 * for DELETE only its primary key, because Realtime does not RLS-check deletes.
 */
public record PostgresChangeEvent(String schema, String table, ChangeType type, Instant commitTimestamp,
                                  JsonNode record, JsonNode oldRecord, ObjectMapper json) {

    public <T> T record(Class<T> rowType) {
        return convert(record, rowType);
    }

    public <T> T oldRecord(Class<T> rowType) {
        return convert(oldRecord, rowType);
    }

    private <T> T convert(JsonNode node, Class<T> rowType) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return json.treeToValue(node, rowType);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read a " + table + " change as " + rowType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    static PostgresChangeEvent fromPayload(JsonNode data, ObjectMapper json) {
        String timestamp = data.path("commit_timestamp").asText(null);
        return new PostgresChangeEvent(data.path("schema").asText(), data.path("table").asText(),
                ChangeType.fromWire(data.path("type").asText()),
                timestamp == null ? null : Instant.parse(timestamp),
                data.get("record"), data.get("old_record"), json);
    }

    @Override
    public String toString() {
        return "PostgresChangeEvent[" + type + " " + schema + "." + table + " at " + commitTimestamp + "]";
    }
}
