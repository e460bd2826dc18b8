package com.fielddesk.domain.audit;

/** The audit log could not be read: why, as a sentence, and whether trying again later may help. */
public final class AuditUnavailableException extends RuntimeException {

    public enum Reason { NOT_ALLOWED, SERVER_UNREACHABLE, SIGN_IN_REQUIRED }

    private final Reason reason;

    public AuditUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why, as the sentence a person reads (written for them, unlike most exception messages). */
    public String sentence() {
        return getMessage();
    }
}
