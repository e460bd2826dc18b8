package com.fielddesk.supabase.errors;

/** The server refused the request as invalid (400, 405, 416, 422 ...): a constraint, a bad value, an unknown column, a raised exception. */
public class ValidationException extends SupabaseException {

    public ValidationException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
