package com.fielddesk.supabase.errors;

/** 404 (unknown table, function, object), or a single-row request that matched no row. */
public class NotFoundException extends SupabaseException {

    public NotFoundException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
