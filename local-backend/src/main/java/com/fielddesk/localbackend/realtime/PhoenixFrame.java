package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.localbackend.http.Json;

/**
 * One Phoenix channel message. {@code joinRef} and {@code ref} are null on server pushes that
 * answer nothing.
 */
public record PhoenixFrame(String joinRef, String ref, String topic, String event, JsonNode payload) {

    /** The two JSON serialisations Phoenix clients pick with the {@code vsn} URL parameter. */
    public enum Vsn {
        /** {@code {"topic","event","payload","ref","join_ref"}} objects. */
        V1("1.0.0"),
        /** {@code [join_ref, ref, topic, event, payload]} arrays. */
        V2("2.0.0");

        private final String wireName;

        Vsn(String wireName) {
            this.wireName = wireName;
        }

        /** supabase-js ≥ 2.91 sends 2.0.0; an absent vsn means the original protocol. */
        public static Vsn fromParameter(String vsn) {
            if (vsn == null || vsn.isBlank() || vsn.equals(V1.wireName)) {
                return V1;
            }
            if (vsn.equals(V2.wireName)) {
                return V2;
            }
            throw new MalformedFrameException("Unsupported vsn " + vsn + "; expected 1.0.0 or 2.0.0");
        }

        public String wireName() {
            return wireName;
        }
    }

    /** A text frame that is not a Phoenix message in the session's vsn. */
    public static final class MalformedFrameException extends RuntimeException {
        public MalformedFrameException(String message) {
            super(message);
        }
    }

    public PhoenixFrame {
        if (topic == null || topic.isEmpty() || event == null || event.isEmpty()) {
            throw new MalformedFrameException("A frame needs a topic and an event");
        }
        if (payload == null || payload.isNull()) {
            payload = JsonNodeFactory.instance.objectNode();
        }
    }

    /** A reply to {@code request}, carrying its refs as Phoenix requires. */
    public static PhoenixFrame reply(PhoenixFrame request, String status, JsonNode response) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("status", status);
        payload.set("response", response == null ? JsonNodeFactory.instance.objectNode() : response);
        return new PhoenixFrame(request.joinRef(), request.ref(), request.topic(), "phx_reply", payload);
    }

    public static PhoenixFrame decode(String text, Vsn vsn) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedFrameException("Not JSON");
        }
        if (vsn == Vsn.V2) {
            if (!node.isArray() || node.size() != 5) {
                throw new MalformedFrameException("A 2.0.0 frame is an array [join_ref, ref, topic, event, payload]");
            }
            return new PhoenixFrame(ref(node.get(0)), ref(node.get(1)), node.get(2).asText(null),
                    node.get(3).asText(null), node.get(4));
        }
        if (!node.isObject()) {
            throw new MalformedFrameException("A 1.0.0 frame is an object {topic, event, payload, ref, join_ref}");
        }
        return new PhoenixFrame(ref(node.get("join_ref")), ref(node.get("ref")), text(node.get("topic")),
                text(node.get("event")), node.get("payload"));
    }

    public String encode(Vsn vsn) {
        if (vsn == Vsn.V2) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            array.add(joinRef);
            array.add(ref);
            array.add(topic);
            array.add(event);
            array.add(payload);
            return Json.write(array);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("topic", topic);
        object.put("event", event);
        object.set("payload", payload);
        object.put("ref", ref);
        object.put("join_ref", joinRef);
        return Json.write(object);
    }

    private static String ref(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
