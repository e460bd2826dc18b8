package com.fielddesk.supabase.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.supabase.errors.ErrorDialect;
import com.fielddesk.supabase.errors.ServerErrorException;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;
import com.fielddesk.supabase.http.BearerTokenSource;
import com.fielddesk.supabase.http.HttpCore;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Objects of one bucket. Paths are like {@code <company_id>/invoices/INV-0042.pdf}; each segment is
 * URL-encoded. Downloads and signed URLs are retried (reads); uploads only when they overwrite
 * ({@code upsert}), since the same bytes to the same path then have the same effect; removals are
 * idempotent by nature.
 */
public final class StorageBucket {

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpCore http;
    private final BearerTokenSource tokens;
    private final String bucket;

    StorageBucket(HttpCore http, BearerTokenSource tokens, String bucket) {
        this.http = http;
        this.tokens = tokens;
        this.bucket = bucket;
    }

    /** Uploads bytes; {@code upsert} overwrites an existing object instead of failing with a conflict. Returns the key {@code bucket/path}. */
    public String upload(String path, byte[] content, String contentType, boolean upsert, UploadProgressListener progress) {
        return upload(path, RequestBody.create(content, MediaType.get(contentType)), upsert, progress);
    }

    public String upload(String path, Path file, String contentType, boolean upsert, UploadProgressListener progress) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("not a file: " + file);
        }
        return upload(path, RequestBody.create(file.toFile(), MediaType.get(contentType)), upsert, progress);
    }

    private String upload(String path, RequestBody content, boolean upsert, UploadProgressListener progress) {
        ApiRequest request = ApiRequest.write("POST", objectUrl("object", path),
                        new ProgressRequestBody(content, progress == null ? UploadProgressListener.NONE : progress))
                .header("x-upsert", Boolean.toString(upsert))
                .header("Cache-Control", "max-age=3600")
                .idempotent(upsert);
        JsonNode answer = readJson(send(request));
        return answer.path("Key").asText(bucket + "/" + path);
    }

    /**
     * The object's bytes, asked for without transfer compression: stored files (PDFs, images) are
     * mostly compressed already, and Content-Length then is the object's size.
     */
    public byte[] download(String path) {
        return send(ApiRequest.get(objectUrl("object/authenticated", path)).header("Accept-Encoding", "identity")).body();
    }

    /** A URL anyone holding it can fetch until it expires (creating it needs read access under RLS). */
    public URI createSignedUrl(String path, Duration validFor) {
        ObjectNode body = http.json().createObjectNode().put("expiresIn", validFor.toSeconds());
        ApiRequest request = ApiRequest.write("POST", objectUrl("object/sign", path), RequestBody.create(body.toString(), JSON))
                .idempotent(true);
        String signed = readJson(send(request)).path("signedURL").asText();
        // Storage answers with a path relative to /storage/v1, not percent-encoded (supabase-js
        // applies encodeURI); OkHttp's lenient parser encodes it the same way and keeps %XX as is.
        HttpUrl absolute = HttpUrl.parse(http.url("storage/v1").build() + (signed.startsWith("/") ? signed : "/" + signed));
        if (absolute == null) {
            throw new ServerErrorException(200, "unreadable_response", "Storage sent an unusable signed URL: " + signed, null, null);
        }
        return absolute.uri();
    }

    /** Objects and folders directly under {@code prefix} (use "" for the bucket root), by name. */
    public List<StorageObject> list(String prefix, int limit, int offset) {
        ObjectNode body = http.json().createObjectNode()
                .put("prefix", prefix == null ? "" : prefix)
                .put("limit", limit)
                .put("offset", offset);
        body.putObject("sortBy").put("column", "name").put("order", "asc");
        HttpUrl url = http.url("storage/v1/object/list").addPathSegment(bucket).build();
        ApiResponse response = send(ApiRequest.write("POST", url, RequestBody.create(body.toString(), JSON)).idempotent(true));
        try {
            return http.json().readValue(response.body(),
                    http.json().getTypeFactory().constructCollectionType(List.class, StorageObject.class));
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    /** Removes objects; paths that do not exist are ignored, as Storage does. */
    public void remove(List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        ObjectNode body = http.json().createObjectNode();
        paths.forEach(body.putArray("prefixes")::add);
        HttpUrl url = http.url("storage/v1/object").addPathSegment(bucket).build();
        send(ApiRequest.write("DELETE", url, RequestBody.create(body.toString(), JSON)).idempotent(true));
    }

    private HttpUrl objectUrl(String route, String path) {
        if (path == null || path.isBlank() || path.startsWith("/")) {
            throw new IllegalArgumentException("invalid object path: " + path);
        }
        return http.url("storage/v1/" + route).addPathSegment(bucket).addPathSegments(path).build();
    }

    private ApiResponse send(ApiRequest request) {
        return http.execute(request.dialect(ErrorDialect.STORAGE), tokens);
    }

    private JsonNode readJson(ApiResponse response) {
        try {
            return http.json().readTree(response.body());
        } catch (IOException e) {
            throw unreadable(response, e);
        }
    }

    private static ServerErrorException unreadable(ApiResponse response, IOException e) {
        return new ServerErrorException(response.status(), "unreadable_response", "Storage sent an unreadable answer: " + e.getMessage(), null, null);
    }
}
