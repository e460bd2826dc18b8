package com.fielddesk.localbackend.demo;

/** Loading demo data failed; the message names the table or statement, the cause has the database's reason. */
public final class DemoLoadException extends RuntimeException {

    public DemoLoadException(String message, Throwable cause) {
        super(message + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }

    public DemoLoadException(String message) {
        super(message);
    }
}
