package com.fielddesk.supabase;

import com.fielddesk.supabase.auth.AuthClient;
import com.fielddesk.supabase.http.RetryPolicy;
import okhttp3.HttpUrl;

import java.time.Duration;

/**
 * Where the project is and how patient to be. Every network operation is bounded: connect, read
 * and write timeouts per socket operation and {@code callTimeout} for a whole request (including
 * a slow body), so nothing ever hangs.
 */
public record SupabaseConfig(HttpUrl url, String anonKey, String schema,
                             Duration connectTimeout, Duration readTimeout, Duration writeTimeout, Duration callTimeout,
                             RetryPolicy retryPolicy, Duration refreshMargin) {

    public SupabaseConfig {
        if (url == null) {
            throw new IllegalArgumentException("the project URL is required");
        }
        if (anonKey == null || anonKey.isBlank()) {
            throw new IllegalArgumentException("the anon key is required");
        }
    }

    /** Defaults: 10 s connect, 30 s read/write, 60 s per call, 3 attempts for repeatable requests. */
    public static SupabaseConfig of(String url, String anonKey) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return new SupabaseConfig(parsed, anonKey, "public", Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30), Duration.ofSeconds(60), RetryPolicy.DEFAULT, AuthClient.DEFAULT_REFRESH_MARGIN);
    }

    public SupabaseConfig withTimeouts(Duration connect, Duration read, Duration write, Duration call) {
        return new SupabaseConfig(url, anonKey, schema, connect, read, write, call, retryPolicy, refreshMargin);
    }

    public SupabaseConfig withRetryPolicy(RetryPolicy policy) {
        return new SupabaseConfig(url, anonKey, schema, connectTimeout, readTimeout, writeTimeout, callTimeout, policy, refreshMargin);
    }

    public SupabaseConfig withRefreshMargin(Duration margin) {
        return new SupabaseConfig(url, anonKey, schema, connectTimeout, readTimeout, writeTimeout, callTimeout, retryPolicy, margin);
    }
}
