package com.fielddesk.installers;

/** A packaging step that cannot go on; the message says which and why. */
public final class PackagingException extends RuntimeException {
    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
