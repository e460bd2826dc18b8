package com.fielddesk.cache.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The JSON shape of {@code apply_mutations}' argument and answer (supabase/migrations/20261121100000). */
public final class MutationCodec {

    private MutationCodec() {
    }

    public static ArrayNode encode(List<MutationRequest> batch) {
        ArrayNode array = Json.NODES.arrayNode();
        for (MutationRequest request : batch) {
            ObjectNode node = array.addObject();
            node.put("mutation_id", request.mutationId().toString());
            node.put("table", request.table());
            node.put("row_id", request.rowId());
            node.put("operation", request.operation().wireName());
            node.set("changes", request.changes());
            if (request.baseVersion() != null) {
                node.put("base_version", request.baseVersion());
            }
            if (request.previousMutationId() != null) {
                node.put("previous_mutation_id", request.previousMutationId().toString());
            }
        }
        return array;
    }

    public static List<MutationResult> decode(ArrayNode answer) {
        List<MutationResult> results = new ArrayList<>(answer.size());
        for (JsonNode node : answer) {
            JsonNode row = node.get("row");
            results.add(new MutationResult(UUID.fromString(node.get("mutation_id").asText()),
                    MutationResult.Status.valueOf(node.get("status").asText().toUpperCase(Locale.ROOT)),
                    text(node.get("code")), text(node.get("message")), details(node.get("details")),
                    row == null || row.isNull() ? null : (ObjectNode) row));
        }
        return results;
    }

    /** Tolerant: a server that sends no details, null, or (after a proxy) a JSON text of them. */
    private static JsonNode details(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(node.textValue());
                return parsed != null && parsed.isObject() ? parsed : node;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return node;
            }
        }
        return node;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
