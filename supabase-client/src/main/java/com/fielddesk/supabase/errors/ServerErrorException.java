package com.fielddesk.supabase.errors;

/**
 * 500 and other unexpected server failures. Retryable only for transaction conflicts (SQLSTATE
 * class 40: serialization failure, deadlock), which a repeat normally resolves.
 */
public class ServerErrorException extends SupabaseException {

    public ServerErrorException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint, null);
    }

    @Override
    public boolean isRetryable() {
        return code() != null && code().startsWith("40");
    }
}
