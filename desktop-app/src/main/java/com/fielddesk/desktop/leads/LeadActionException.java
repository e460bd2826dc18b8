package com.fielddesk.desktop.leads;

/** Why a claim or decline did not happen, as one sentence the user can act on. */
public final class LeadActionException extends Exception {

    public enum Reason { ALREADY_CLAIMED, NOT_ELIGIBLE, NOT_FOUND, OFFLINE, SESSION_EXPIRED, REFUSED }

    private final Reason reason;

    public LeadActionException(Reason reason, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
