package com.fielddesk.domain.jobs;

/** A status move the rules do not allow for this person (nothing was queued); the message says why. */
public final class MoveNotAllowedException extends RuntimeException {

    public MoveNotAllowedException(String message) {
        super(message);
    }

    /** Why, as the sentence a person reads (written for them, unlike most exception messages). */
    public String sentence() {
        return getMessage();
    }
}
