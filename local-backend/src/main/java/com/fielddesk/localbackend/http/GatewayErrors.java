package com.fielddesk.localbackend.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals made by the gateway itself, before a service sees the request, in PostgREST's body
 * shape {@code {code, message, details, hint}} so a client parses every error the same way.
 * Where PostgREST has a code for the case it is used (PGRST100 bad query string, PGRST117
 * unsupported method, PGRST125 bad path); otherwise {@code PGRST<status>}, as for the 413 of
 * {@link RequestBodies}.
 */
public final class GatewayErrors {

    private GatewayErrors() {
    }

    public static String body(String code, String message, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("details", details);
        body.put("hint", null);
        body.put("message", message);
        return Json.write(body);
    }

    public static ApiError of(int status, String code, String message, String details) {
        return new ApiError(status, body(code, message, details));
    }

    /** A refusal of the HTTP layer (Jetty or Javalin) that has no PostgREST code of its own. */
    public static ApiError ofStatus(int status, String message) {
        return of(status, "PGRST" + status, message, null);
    }

    public static ApiError invalidPath() {
        return of(404, "PGRST125", "Invalid path specified in request URL", null);
    }

    public static ApiError unsupportedMethod(String method) {
        return of(405, "PGRST117", "Unsupported HTTP method: " + method, null);
    }

    public static ApiError badQueryString(String details) {
        return of(400, "PGRST100", "Invalid query string", details);
    }

    public static ApiError badPath(String details) {
        return of(400, "PGRST100", "Invalid path", details);
    }

    public static ApiError invalidBodyText() {
        return of(400, "PGRST102", "Empty or invalid json", RequestBodies.NOT_UTF8);
    }
}
