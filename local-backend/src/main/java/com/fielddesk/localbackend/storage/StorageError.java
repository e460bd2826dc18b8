package com.fielddesk.localbackend.storage;

import com.fielddesk.localbackend.http.ApiError;
import com.fielddesk.localbackend.http.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Supabase Storage's refusals: body {@code {statusCode:"<string>", error, message}} and, as the
 * hosted service does, HTTP 400 for every client error — the real status is only the string
 * {@code statusCode}. Server failures keep their 5xx status.
 */
final class StorageError {

    private StorageError() {
    }

    static ApiError of(int realStatus, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", Integer.toString(realStatus));
        body.put("error", error);
        body.put("message", message);
        return new ApiError(realStatus >= 500 ? realStatus : 400, Json.write(body));
    }

    static ApiError objectNotFound() {
        return of(404, "not_found", "Object not found");
    }

    static ApiError bucketNotFound() {
        return of(404, "Bucket not found", "Bucket not found");
    }

    static ApiError duplicate() {
        return of(409, "Duplicate", "The resource already exists");
    }

    static ApiError rowLevelSecurity() {
        return of(403, "Unauthorized", "new row violates row-level security policy");
    }

    static ApiError invalidJwt(String message) {
        return of(403, "Unauthorized", message);
    }

    static ApiError invalidRequest(String message) {
        return of(400, "InvalidRequest", message);
    }

    static ApiError tooLarge() {
        return of(413, "Payload too large", "The object exceeded the maximum allowed size");
    }

    static ApiError mimeTypeRefused(String mimeType) {
        return of(415, "invalid_mime_type", "mime type " + mimeType + " is not supported");
    }

    static ApiError invalidKey(String name) {
        return of(400, "InvalidKey", "Invalid key: " + name);
    }
}
