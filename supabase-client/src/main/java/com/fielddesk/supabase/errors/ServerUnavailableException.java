package com.fielddesk.supabase.errors;

import java.time.Duration;
import java.util.Optional;

/** 502/503/504/520, 429 (rate limited) and PostgREST's 503 for lost database connections: try later. */
public class ServerUnavailableException extends SupabaseException {

    private final Duration retryAfter;

    public ServerUnavailableException(int status, String code, String message, String details, String hint, Duration retryAfter) {
        super(status, code, message, details, hint, null);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
