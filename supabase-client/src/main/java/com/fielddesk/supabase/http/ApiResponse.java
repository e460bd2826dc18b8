package com.fielddesk.supabase.http;

import okhttp3.Headers;

import java.nio.charset.StandardCharsets;

/** A successful (2xx) response, fully read. */
public record ApiResponse(int status, Headers headers, byte[] body) {

    public String header(String name) {
        return headers.get(name);
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
