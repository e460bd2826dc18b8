package com.fielddesk.desktop.signin;

/** Why sign-in did not work, as one sentence with what to do next. */
public final class SignInException extends Exception {

    public enum Reason { WRONG_PASSWORD, UNREACHABLE, SESSION_EXPIRED, BACKEND_FAILED, REFUSED }

    private final Reason reason;

    public SignInException(Reason reason, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
