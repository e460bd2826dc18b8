package com.fielddesk.desktop.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A refusal's machine code and facts, as the server sends them: our own SQL refusals carry a JSON
 * DETAIL {@code {"code": "transition_refused", "table": …}} (the SQLSTATE stays the same), and the
 * lead RPCs answer with PostgREST's {@code code} field ({@code already_claimed}) and, where useful,
 * facts as a JSON object in {@code details}. A server without codes sends neither, and the caller
 * falls back to reading its wording.
 */
final class RefusalCode {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The codes the lead functions raise the PostgREST way (in the error's own {@code code} field). */
    private static final Set<String> API_CODES = Set.of("already_claimed", "not_eligible", "lead_not_found",
            "invalid_decline_reason", "not_staff", "not_authorized");

    private final String code;
    private final JsonNode facts;

    private RefusalCode(String code, JsonNode facts) {
        this.code = code;
        this.facts = facts;
    }

    /**
     * @param code          the answer's code: SQLSTATE, PostgREST or API code, or null
     * @param serverDetails the answer's details: a JSON object for our own refusals, else free text or null
     */
    static Optional<RefusalCode> read(String code, String serverDetails) {
        ObjectNode facts = jsonObject(serverDetails);
        if (facts != null && facts.path("code").isTextual()) {
            return Optional.of(new RefusalCode(facts.get("code").asText(), facts));
        }
        if (code != null && API_CODES.contains(code)) {
            return Optional.of(new RefusalCode(code, facts == null ? JSON.createObjectNode() : facts));
        }
        return Optional.empty();
    }

    String code() {
        return code;
    }

    /** A fact as text ("" when the server did not send it). */
    String fact(String name) {
        JsonNode value = facts.get(name);
        return value == null || value.isNull() ? "" : value.asText();
    }

    boolean flag(String name) {
        return facts.path(name).asBoolean(false);
    }

    /** A fact that is a list of texts (e.g. the columns that cannot be written). */
    List<String> list(String name) {
        List<String> values = new ArrayList<>();
        JsonNode value = facts.get(name);
        if (value != null && value.isArray()) {
            value.forEach(item -> values.add(item.asText()));
        } else if (value != null && !value.isNull()) {
            values.add(value.asText());
        }
        return values;
    }

    private static ObjectNode jsonObject(String text) {
        if (text == null || !text.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonNode parsed = JSON.readTree(text);
            return parsed instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException notJson) {
            // Free-text details (e.g. PostgreSQL's "Key (id)=(…) already exists."): no code in them.
            return null;
        }
    }
}
