package com.fielddesk.supabase.http;

import com.fielddesk.supabase.errors.ErrorDialect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;

/**
 * One call to a Supabase service, before authentication headers are added. Whether it may be
 * repeated is explicit: only idempotent requests are ever retried after a failure that may have
 * reached the server.
 */
public final class ApiRequest {

    private final String method;
    private final HttpUrl url;
    private final RequestBody body;
    private final Headers.Builder headers = new Headers.Builder();
    private ErrorDialect dialect = ErrorDialect.POSTGREST;
    private boolean idempotent;
    private boolean sendUserToken = true;

    private ApiRequest(String method, HttpUrl url, RequestBody body, boolean idempotent) {
        this.method = method;
        this.url = url;
        this.body = body;
        this.idempotent = idempotent;
    }

    public static ApiRequest get(HttpUrl url) {
        return new ApiRequest("GET", url, null, true);
    }

    public static ApiRequest head(HttpUrl url) {
        return new ApiRequest("HEAD", url, null, true);
    }

    /** POST/PATCH/PUT/DELETE: not idempotent unless the caller says so with {@link #idempotent(boolean)}. */
    public static ApiRequest write(String method, HttpUrl url, RequestBody body) {
        return new ApiRequest(method, url, body, false);
    }

    public ApiRequest header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    public ApiRequest idempotent(boolean repeatable) {
        this.idempotent = repeatable;
        return this;
    }

    public ApiRequest dialect(ErrorDialect errorDialect) {
        this.dialect = errorDialect;
        return this;
    }

    /** Sign-in and refresh are sent with the anon key, never with a (possibly stale) user token. */
    public ApiRequest withoutUserToken() {
        this.sendUserToken = false;
        return this;
    }

    public String method() {
        return method;
    }

    public HttpUrl url() {
        return url;
    }

    public RequestBody body() {
        return body;
    }

    public Headers headers() {
        return headers.build();
    }

    public ErrorDialect dialect() {
        return dialect;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public boolean sendsUserToken() {
        return sendUserToken;
    }

    @Override
    public String toString() {
        return method + " " + url.encodedPath();
    }
}
