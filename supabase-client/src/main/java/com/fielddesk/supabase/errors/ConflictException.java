package com.fielddesk.supabase.errors;

/** 409: the write conflicts with the current state — a unique/foreign key violation (23505, 23503) or a custom code such as {@code already_claimed}; see {@link #code()}. */
public class ConflictException extends SupabaseException {

    public ConflictException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
