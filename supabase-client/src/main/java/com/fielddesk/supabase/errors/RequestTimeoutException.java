package com.fielddesk.supabase.errors;

/** The server did not answer within the configured timeout (connect, read, write or whole call). */
public class RequestTimeoutException extends NetworkException {

    public RequestTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
