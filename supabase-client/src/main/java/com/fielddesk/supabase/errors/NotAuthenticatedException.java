package com.fielddesk.supabase.errors;

/** 401: no valid session (no token, an expired or rejected JWT, or the session ended). Sign in again. */
public class NotAuthenticatedException extends SupabaseException {

    public NotAuthenticatedException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
