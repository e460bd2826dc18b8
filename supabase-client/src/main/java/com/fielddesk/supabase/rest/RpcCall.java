package com.fielddesk.supabase.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL function through {@code /rest/v1/rpc/<name>}. POST by default and therefore not
 * retried; {@link #readOnly()} sends a GET (PostgREST then runs it read-only) which is retried, and
 * {@link #idempotent()} marks a POST as safe to repeat. Filters apply to set-returning functions.
 */
public final class RpcCall extends FilteredRequest<RpcCall> {

    private final RestClient rest;
    private final String function;
    private final Object arguments;
    private boolean readOnly;
    private boolean idempotent;

    RpcCall(RestClient rest, String function, Object arguments) {
        this.rest = rest;
        this.function = function;
        this.arguments = arguments;
    }

    @Override
    protected RpcCall self() {
        return this;
    }

    public RpcCall readOnly() {
        readOnly = true;
        return this;
    }

    public RpcCall idempotent() {
        idempotent = true;
        return this;
    }

    /** For void functions (204) or when the result does not matter. */
    public void execute() {
        send();
    }

    /** A scalar or object result, e.g. {@code returning(UUID.class)}; null when the function returned null or void. */
    public <T> T returning(Class<T> type) {
        return rest.readValue(send(), type);
    }

    /** A set-returning function's rows. */
    public <T> List<T> returningList(Class<T> rowType) {
        return rest.readList(send(), rowType);
    }

    private ApiResponse send() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        ApiRequest request;
        if (readOnly) {
            JsonNode args = rest.json().valueToTree(arguments == null ? Map.of() : arguments);
            for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> arg = it.next();
                parameters.add(Map.entry(arg.getKey(), arg.getValue().isTextual() ? arg.getValue().asText() : arg.getValue().toString()));
            }
            parameters.addAll(filterParameters());
            request = ApiRequest.get(rest.url("rpc/" + function, parameters).build());
        } else {
            parameters.addAll(filterParameters());
            request = ApiRequest.write("POST", rest.url("rpc/" + function, parameters).build(), rest.body(arguments))
                    .idempotent(idempotent);
        }
        return rest.execute(request);
    }
}
