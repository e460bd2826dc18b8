package com.fielddesk.cache.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.Json;

import java.util.Optional;

/**
 * The server answered a function call with a refusal: PostgREST's error {@code code} (a SQLSTATE
 * such as {@code 23514}, a PostgREST code, or one of our API codes such as {@code already_claimed}),
 * its message, the {@code details} — parsed as JSON when they are ({@code {"code": …, …facts}}
 * from servers that code their refusals), else kept as text — the hint and the HTTP status.
 */
public final class RefusedCallException extends RemoteException {

    private final int httpStatus;
    private final String code;
    private final String serverMessage;
    private final JsonNode details;
    private final String hint;

    public RefusedCallException(int httpStatus, String code, String serverMessage, String details, String hint,
                                Throwable cause) {
        super(describe(code, serverMessage), false, null, cause);
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.details = parse(details);
        this.hint = hint;
    }

    private static String describe(String code, String message) {
        return (code == null ? "" : code + ": ") + (message == null ? "(no message)" : message);
    }

    /** Details the server sent: a JSON object when they are JSON, a text node otherwise, null when none. */
    static JsonNode parse(String details) {
        if (details == null || details.isBlank()) {
            return null;
        }
        String text = details.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(text);
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // Not JSON after all: keep the text.
            }
        }
        return Json.NODES.textNode(details);
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** PostgREST's error code, or null. */
    public String code() {
        return code;
    }

    public String serverMessage() {
        return serverMessage;
    }

    /** The details as sent (JSON object or text), or null. */
    public JsonNode details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    /**
     * The code that names the refusal: {@code details.code} when the server coded its refusal,
     * else PostgREST's code (older servers: our API codes come there, SQLSTATEs otherwise).
     */
    public Optional<String> refusalCode() {
        if (details != null && details.isObject() && details.hasNonNull("code")) {
            return Optional.of(details.get("code").asText());
        }
        return Optional.ofNullable(code);
    }
}
