package com.fielddesk.desktop.signin;

import com.fielddesk.desktop.ui.ExplainedFailure;

/** Why sign-in did not work, as one sentence with what to do next. */
public final class SignInException extends Exception implements ExplainedFailure {

    public enum Reason { WRONG_PASSWORD, UNREACHABLE, SESSION_EXPIRED, BACKEND_FAILED, REFUSED, NOT_FOR_THIS_ROLE }

    private final Reason reason;

    public SignInException(Reason reason, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
    }

    @Override
    public String sentence() {
        return getMessage();
    }

    @Override
    public java.util.Optional<String> technicalDetails() {
        return java.util.Optional.ofNullable(getCause()).map(Throwable::toString);
    }

    public Reason reason() {
        return reason;
    }
}
