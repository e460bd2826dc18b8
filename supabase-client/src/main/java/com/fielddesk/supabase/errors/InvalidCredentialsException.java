package com.fielddesk.supabase.errors;

/** Sign-in refused: wrong email or password (Auth {@code invalid_credentials}). */
public class InvalidCredentialsException extends NotAuthenticatedException {

    public InvalidCredentialsException(int status, String code, String message, String details, String hint) {
        super(status, code, message, details, hint);
    }
}
