package com.fielddesk.cache.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The field-by-field merge of an update whose base version is stale. For each field the user
 * changed: if the server still has the user's base value, nobody else touched it and the user's
 * value goes through; if the server already has the user's value there is nothing to do; otherwise
 * both changed it and the server wins (a conflict). Fields the user did not touch simply take the
 * server's value, because the rebuilt row starts from the server row.
 */
public final class FieldMerge {

    /** @param toSend the fields to re-send on the server's version; conflicts the fields the server won */
    public record Outcome(ObjectNode toSend, ObjectNode newBaseValues, List<String> conflicts) {
    }

    private FieldMerge() {
    }

    public static Outcome merge(ObjectNode changes, ObjectNode baseValues, ObjectNode serverRow) {
        ObjectNode toSend = Json.object();
        ObjectNode newBase = Json.object();
        List<String> conflicts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = changes.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode server = serverRow.get(field.getKey());
            JsonNode base = baseValues == null ? null : baseValues.get(field.getKey());
            if (Json.sameValue(server, field.getValue())) {
                continue;
            }
            if (Json.sameValue(server, base)) {
                toSend.set(field.getKey(), field.getValue());
                newBase.set(field.getKey(), server == null ? Json.NODES.nullNode() : server);
            } else {
                conflicts.add(field.getKey());
            }
        }
        return new Outcome(toSend, newBase, conflicts);
    }
}
