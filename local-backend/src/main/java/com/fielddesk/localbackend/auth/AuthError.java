package com.fielddesk.localbackend.auth;

/**
 * A refusal in GoTrue's vocabulary: an HTTP status and an error code such as
 * {@code invalid_credentials}. {@link AuthApi} renders it in the body format the caller asked for.
 */
public final class AuthError extends RuntimeException {

    private final int status;
    private final String errorCode;

    public AuthError(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    static AuthError invalidCredentials() {
        return new AuthError(400, "invalid_credentials", "Invalid login credentials");
    }

    static AuthError validation(String message) {
        return new AuthError(400, "validation_failed", message);
    }

    static AuthError noAuthorization() {
        return new AuthError(401, "no_authorization", "This endpoint requires a valid Bearer token");
    }

    static AuthError badJwt(String detail) {
        return new AuthError(403, "bad_jwt", "invalid JWT: unable to parse or verify signature, " + detail);
    }
}
