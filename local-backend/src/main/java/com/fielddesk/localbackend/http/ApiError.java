package com.fielddesk.localbackend.http;

import java.util.Map;

/**
 * A refusal that is already shaped for the wire: status, extra headers and a JSON body in the
 * format of the service that refuses (PostgREST, GoTrue or the gateway). The {@link Gateway}
 * writes it out unchanged.
 */
public class ApiError extends RuntimeException {

    private final int status;
    private final String jsonBody;
    private final Map<String, String> headers;

    public ApiError(int status, String jsonBody, Map<String, String> headers) {
        super(status + " " + jsonBody, null, false, false);
        this.status = status;
        this.jsonBody = jsonBody;
        this.headers = Map.copyOf(headers);
    }

    public ApiError(int status, String jsonBody) {
        this(status, jsonBody, Map.of());
    }

    public int status() {
        return status;
    }

    public String jsonBody() {
        return jsonBody;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
