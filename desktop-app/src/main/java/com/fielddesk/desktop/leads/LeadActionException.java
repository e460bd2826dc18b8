package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.ui.ExplainedFailure;

/** Why a claim or decline did not happen, as one sentence the user can act on. */
public final class LeadActionException extends Exception implements ExplainedFailure {

    public enum Reason { ALREADY_CLAIMED, NOT_ELIGIBLE, NOT_FOUND, OFFLINE, SESSION_EXPIRED, REFUSED }

    private final Reason reason;
    private final String serverText;

    public LeadActionException(Reason reason, String userMessage, Throwable cause) {
        this(reason, userMessage, null, cause);
    }

    /** @param serverText what the server said, verbatim (for the log and a details line; null when it said nothing) */
    public LeadActionException(Reason reason, String userMessage, String serverText, Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
        this.serverText = serverText;
    }

    /** What the server said, verbatim, if it answered; never the headline (that is {@link #getMessage()}). */
    public java.util.Optional<String> serverText() {
        return java.util.Optional.ofNullable(serverText);
    }

    @Override
    public String sentence() {
        return getMessage();
    }

    @Override
    public java.util.Optional<String> technicalDetails() {
        return serverText();
    }

    public Reason reason() {
        return reason;
    }
}
