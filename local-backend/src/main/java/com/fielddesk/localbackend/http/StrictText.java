package com.fielddesk.localbackend.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Text as PostgreSQL will accept it. The JDK decodes bad UTF-8 to U+FFFD and encodes a lone
 * surrogate as {@code ?}, so without these checks such input would be stored altered instead
 * of refused, as PostgreSQL refuses it.
 */
public final class StrictText {

    /** Why a decoded JSON document cannot be stored as text, in PostgreSQL's words. */
    public enum JsonTextProblem {
        /** PostgreSQL 22P02 for {@code '"\ud800"'::json} used as text. */
        LONE_SURROGATE("22P02", "invalid input syntax for type json", "Unicode low surrogate must follow a high surrogate."),
        /** PostgreSQL 22P05 for {@code \u0000} converted to text. */
        NUL_CHARACTER("22P05", "unsupported Unicode escape sequence", "\\u0000 cannot be converted to text.");

        public final String sqlState;
        public final String message;
        public final String details;

        JsonTextProblem(String sqlState, String message, String details) {
            this.sqlState = sqlState;
            this.message = message;
            this.details = details;
        }
    }

    private StrictText() {
    }

    /** Decodes UTF-8, refusing malformed or unmappable bytes (including encoded surrogates). */
    public static Optional<String> decodeUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes {@code %XX} escapes of a raw URL part strictly: a malformed escape or bytes that are
     * not UTF-8 give empty. {@code plusIsSpace} for query strings.
     */
    public static Optional<String> percentDecode(String raw, boolean plusIsSpace) {
        byte[] bytes = new byte[raw.length() * 3];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes[length++] = ' ';
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c) || c > 0x7f && encoded.length == 1) {
                    return Optional.empty();
                }
                System.arraycopy(encoded, 0, bytes, length, encoded.length);
                length += encoded.length;
            }
        }
        byte[] exact = new byte[length];
        System.arraycopy(bytes, 0, exact, 0, length);
        return decodeUtf8(exact);
    }

    /** The first string (key or value) in the document PostgreSQL could not store as text, if any. */
    public static Optional<JsonTextProblem> problemIn(JsonNode json) {
        // Iterative so that a deeply nested document cannot overflow the stack (Jackson itself
        // limits nesting to 1000 levels while parsing).
        java.util.ArrayDeque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.push(json);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual()) {
                Optional<JsonTextProblem> problem = problemIn(node.textValue());
                if (problem.isPresent()) {
                    return problem;
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Optional<JsonTextProblem> problem = problemIn(field.getKey());
                    if (problem.isPresent()) {
                        return problem;
                    }
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
        return Optional.empty();
    }

    static Optional<JsonTextProblem> problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of(JsonTextProblem.NUL_CHARACTER);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(JsonTextProblem.LONE_SURROGATE);
            }
        }
        return Optional.empty();
    }
}
