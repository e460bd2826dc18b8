package com.fielddesk.cache.store;

import java.util.Locale;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.UUID;

/** The JSON helpers the cache shares (one mapper, value conversion, parse with a clear error). */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A Java value from the UI (String, Number, Boolean, UUID, java.time value, enum, collection) as JSON. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Instant instant) {
            return NODES.textNode(Instants.format(instant));
        }
        if (value instanceof UUID || value instanceof TemporalAccessor || value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name().toLowerCase(Locale.ROOT));
        }
        return MAPPER.valueToTree(value);
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CacheException("Corrupt JSON in the local cache: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        return node == null ? null : node.toString();
    }

    /**
     * Equal as values the server would store: numbers compare numerically (10.5 = 10.50), the rest
     * structurally. Used to decide whether the server changed a field since the user's base.
     */
    public static boolean sameValue(JsonNode a, JsonNode b) {
        JsonNode left = a == null || a.isMissingNode() ? NODES.nullNode() : a;
        JsonNode right = b == null || b.isMissingNode() ? NODES.nullNode() : b;
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        if (left.isNumber() != right.isNumber() && (left.isTextual() || right.isTextual())) {
            // A decimal kept as text locally vs a JSON number from the server.
            try {
                return new BigDecimal(left.asText()).compareTo(new BigDecimal(right.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (left.isTextual() && right.isTextual() && !left.equals(right) && looksLikeInstant(left.textValue())
                && looksLikeInstant(right.textValue())) {
            // The cache keeps one form of an instant (Instants); the server sends its own. Same
            // moment, different text: not a change, so no false conflict in the field merge.
            try {
                return Instants.parse(left.textValue()).equals(Instants.parse(right.textValue()));
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return left.equals(right);
    }

    private static boolean looksLikeInstant(String text) {
        return text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T';
    }
}
