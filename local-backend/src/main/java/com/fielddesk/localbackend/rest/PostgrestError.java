package com.fielddesk.localbackend.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.http.ApiError;
import com.fielddesk.localbackend.http.Json;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** PostgREST's error vocabulary: its own PGRSTxxx codes and the SQLSTATE → HTTP status mapping. */
public final class PostgrestError {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgrestError.class);

    private PostgrestError() {
    }

    public static ApiError of(int status, String code, String message, String details, String hint) {
        return of(status, code, message, details, hint, Map.of());
    }

    public static ApiError of(int status, String code, String message, String details, String hint,
                              Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", details);
        body.put("hint", hint);
        body.put("message", message);
        return new ApiError(status, Json.write(body), headers);
    }

    /** PGRST100: a query parameter that does not parse. */
    public static ApiError badQuery(String message, String details) {
        return of(400, "PGRST100", message, details, null);
    }

    public static ApiError badBody(String message) {
        return of(400, "PGRST102", message, null, null);
    }

    public static ApiError unknownColumn(String table, String column) {
        return of(400, "42703", "column " + table + "." + column + " does not exist", null, null);
    }

    public static ApiError unknownPayloadColumn(String table, String column) {
        return of(400, "PGRST204", "Could not find the '" + column + "' column of '" + table + "' in the schema cache",
                null, null);
    }

    public static ApiError unknownTable(String schema, String table) {
        return of(404, "PGRST205", "Could not find the table '" + schema + "." + table + "' in the schema cache",
                null, null);
    }

    public static ApiError unknownSchema(String exposed) {
        return of(406, "PGRST106", "The schema must be one of the following: " + exposed, null, null);
    }

    public static ApiError notSingle(long rows) {
        return of(406, "PGRST116", "Cannot coerce the result to a single JSON object",
                "The result contains " + rows + " rows", null);
    }

    public static ApiError jwt(boolean expired, String message) {
        String description = expired ? "JWT expired" : message;
        return of(401, expired ? "PGRST303" : "PGRST301", description, null, null,
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + description.replace("\"", "'") + "\""));
    }

    /** Maps a database error the way PostgREST does; {@code anonymous} decides 401 vs 403 for 42501. */
    public static ApiError fromSql(SQLException e, boolean anonymous) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null && state.startsWith("22")) {
            // The driver refused a value before sending it (e.g. a NUL character): bad input.
            return of(400, state, e.getMessage().lines().findFirst().orElse("Invalid input"), null, null);
        }
        if (server == null) {
            LOG.warn("Database failure without a server message", e);
            return of(503, state.isEmpty() ? "PGRST000" : state, "Database connection error", null, null);
        }
        if ("PGRST".equals(state)) {
            return raisedByFunction(server);
        }
        return of(status(state, anonymous), state, server.getMessage(), server.getDetail(), server.getHint());
    }

    /**
     * {@code raise sqlstate 'PGRST' using message = '<json body>', detail = '<json {status, headers}>'}:
     * PostgREST ≥ 11 answers with exactly that body, status and headers.
     */
    private static ApiError raisedByFunction(ServerErrorMessage server) {
        try {
            JsonNode body = Json.MAPPER.readTree(server.getMessage());
            JsonNode detail = server.getDetail() == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(server.getDetail());
            int status = detail.path("status").asInt(400);
            if (status < 100 || status > 599) {
                status = 400;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            detail.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("code", body.path("code").isMissingNode() || body.get("code").isNull() ? null : body.get("code").asText());
            out.put("details", body.path("details").isMissingNode() || body.get("details").isNull() ? null : body.get("details").asText());
            out.put("hint", body.path("hint").isMissingNode() || body.get("hint").isNull() ? null : body.get("hint").asText());
            out.put("message", body.path("message").isMissingNode() || body.get("message").isNull() ? null : body.get("message").asText());
            return new ApiError(status, Json.write(out), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return of(500, "PGRST121", "Could not parse JSON in the \"RAISE SQLSTATE 'PGRST'\" error",
                    "Invalid JSON value for MESSAGE or DETAIL", null);
        }
    }

    static int status(String state, boolean anonymous) {
        if (state.startsWith("PT") && state.length() == 5) {
            try {
                return Integer.parseInt(state.substring(2));
            } catch (NumberFormatException ignored) {
                return 500;
            }
        }
        return switch (state) {
            case "23503", "23505" -> 409;
            case "42501" -> anonymous ? 401 : 403;
            case "P0001" -> 400;
            case "42883", "42P01" -> 404;
            case "25006" -> 405;
            case "57014" -> 500;
            default -> {
                if (state.startsWith("08") || state.startsWith("53")) {
                    yield 503;
                }
                if (state.startsWith("40") || state.startsWith("XX")) {
                    yield 500;
                }
                yield 400;
            }
        };
    }
}
