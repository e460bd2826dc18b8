package com.fielddesk.supabase.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.supabase.errors.ServerErrorException;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;
import com.fielddesk.supabase.http.BearerTokenSource;
import com.fielddesk.supabase.http.HttpCore;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgREST: {@code from(table)} builds typed select/insert/upsert/update/delete requests and
 * {@code rpc(function, args)} calls functions. Rows map to records through Jackson (snake_case
 * columns to camelCase components by default).
 */
public final class RestClient {

    static final MediaType JSON = MediaType.get("application/json");
    static final String SINGLE_OBJECT = "application/vnd.pgrst.object+json";

    private final HttpCore http;
    private final BearerTokenSource tokens;
    private final String schema;

    public RestClient(HttpCore http, BearerTokenSource tokens, String schema) {
        this.http = http;
        this.tokens = tokens;
        this.schema = schema;
    }

    public TableRef from(String table) {
        requireIdentifier(table, "table");
        return new TableRef(this, table);
    }

    /** Calls {@code public.<function>} with named arguments (a Map or record; null for none). */
    public RpcCall rpc(String function, Object namedArguments) {
        requireIdentifier(function, "function");
        return new RpcCall(this, function, namedArguments);
    }

    // ---- shared plumbing for the builders ----

    ObjectMapper json() {
        return http.json();
    }

    HttpUrl.Builder url(String path, List<Map.Entry<String, String>> parameters) {
        HttpUrl.Builder url = http.url("rest/v1/" + path);
        parameters.forEach(parameter -> url.addQueryParameter(parameter.getKey(), parameter.getValue()));
        return url;
    }

    RequestBody body(Object value) {
        try {
            return RequestBody.create(json().writeValueAsBytes(value == null ? Map.of() : value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    ApiResponse execute(ApiRequest request) {
        boolean reads = request.method().equals("GET") || request.method().equals("HEAD");
        request.header(reads ? "Accept-Profile" : "Content-Profile", schema);
        return http.execute(request, tokens);
    }

    <T> List<T> readList(ApiResponse response, Class<T> rowType) {
        if (!response.hasBody()) {
            return List.of();
        }
        JavaType listType = json().getTypeFactory().constructCollectionType(List.class, rowType);
        return read(response, listType);
    }

    <T> T readValue(ApiResponse response, Class<T> type) {
        if (!response.hasBody()) {
            return null;
        }
        return read(response, json().getTypeFactory().constructType(type));
    }

    private <T> T read(ApiResponse response, JavaType type) {
        try {
            return json().readValue(response.body(), type);
        } catch (IOException e) {
            throw new ServerErrorException(response.status(), "unreadable_response",
                    "Cannot read the response as " + type.toCanonical() + ": " + e.getMessage(), null,
                    "Check that the record's components match the selected columns.");
        }
    }

    static void requireIdentifier(String name, String what) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("?")) {
            throw new IllegalArgumentException("invalid " + what + " name: " + name);
        }
    }
}
