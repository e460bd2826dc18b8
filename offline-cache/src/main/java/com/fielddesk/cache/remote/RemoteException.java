package com.fielddesk.cache.remote;

import java.time.Duration;
import java.util.Optional;

/** A call to the server failed as a whole (nothing in the answer can be trusted). */
public class RemoteException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    public RemoteException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Network errors, timeouts, 5xx and 429: try again later with backoff. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The server's Retry-After, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
