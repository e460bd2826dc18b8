package com.fielddesk.supabase.errors;

/** 403: the caller is signed in but not allowed — typically a Row Level Security policy refused the write (SQLSTATE 42501). */
public class ForbiddenException extends SupabaseException {

    public ForbiddenException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
