package com.fielddesk.supabase.errors;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure the client reports. Carries what the server said ({@code code}, {@code message},
 * {@code details}, {@code hint}, any of which may be null) and the HTTP status (0 when no response
 * arrived), so callers can map a server code such as {@code already_claimed} to a domain error.
 *
 * <p>{@link #isRetryable()} says whether the same request may succeed later (a transient
 * condition). The client itself only retries requests that are safe to repeat; a caller that knows
 * its write is idempotent may retry on its own.
 */
public abstract class SupabaseException extends RuntimeException {

    private final int status;
    private final String code;
    private final String details;
    private final String hint;

    protected SupabaseException(int status, String code, String message, String details, String hint, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.details = details;
        this.hint = hint;
    }

    /** HTTP status as the server meant it (storage's 400-with-statusCode is unwrapped); 0 if no response. */
    public int status() {
        return status;
    }

    /** Server error code: a PostgREST/SQLSTATE code ({@code PGRST116}, {@code 23505}), an Auth
     * error code ({@code invalid_credentials}) or a custom one ({@code already_claimed}); may be null. */
    public String code() {
        return code;
    }

    public String details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    /** True when the failure is transient and the same request may succeed if repeated later. */
    public abstract boolean isRetryable();

    /** How long the server asked us to wait (Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('[');
        if (status != 0) {
            text.append(status).append(' ');
        }
        if (code != null) {
            text.append(code).append(' ');
        }
        text.append(getMessage());
        if (details != null) {
            text.append("; details: ").append(details);
        }
        if (hint != null) {
            text.append("; hint: ").append(hint);
        }
        return text.append(']').toString();
    }
}
