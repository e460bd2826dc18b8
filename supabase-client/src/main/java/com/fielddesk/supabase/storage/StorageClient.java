package com.fielddesk.supabase.storage;

import com.fielddesk.supabase.http.BearerTokenSource;
import com.fielddesk.supabase.http.HttpCore;

/** Supabase Storage; every call runs under the caller's JWT, so storage RLS policies apply. */
public final class StorageClient {

    private final HttpCore http;
    private final BearerTokenSource tokens;

    public StorageClient(HttpCore http, BearerTokenSource tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    public StorageBucket from(String bucket) {
        if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
            throw new IllegalArgumentException("invalid bucket name: " + bucket);
        }
        return new StorageBucket(http, tokens, bucket);
    }
}
