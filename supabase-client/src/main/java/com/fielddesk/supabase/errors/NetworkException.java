package com.fielddesk.supabase.errors;

/**
 * No usable response: the server could not be reached, the connection broke, or the response was
 * cut off. For a non-idempotent write the effect on the server is unknown.
 */
public class NetworkException extends SupabaseException {

    public NetworkException(String message, Throwable cause) {
        super(0, null, message, cause == null ? null : cause.toString(), null, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
