package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;

/**
 * One Phoenix channel message in the vsn 2.0.0 JSON array form
 * {@code [join_ref, ref, topic, event, payload]}; server pushes carry null refs.
 */
public record PhoenixMessage(String joinRef, String ref, String topic, String event, JsonNode payload) {

    public static final String PHOENIX_TOPIC = "phoenix";

    public String encode(ObjectMapper json) {
        ArrayNode frame = json.createArrayNode();
        frame.add(joinRef);
        frame.add(ref);
        frame.add(topic);
        frame.add(event);
        frame.add(payload == null ? json.createObjectNode() : payload);
        return frame.toString();
    }

    /** Parses a frame; throws IllegalArgumentException for anything that is not a 5-element array. */
    public static PhoenixMessage decode(ObjectMapper json, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (frame == null || !frame.isArray() || frame.size() != 5) {
            throw new IllegalArgumentException("not a vsn 2.0.0 frame: " + abbreviate(text));
        }
        return new PhoenixMessage(textOrNull(frame.get(0)), textOrNull(frame.get(1)), frame.get(2).asText(),
                frame.get(3).asText(), frame.get(4));
    }

    /** For a {@code phx_reply}: {@code ok} or {@code error}. */
    public String replyStatus() {
        return payload.path("status").asText();
    }

    public JsonNode replyResponse() {
        return payload.path("response");
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
