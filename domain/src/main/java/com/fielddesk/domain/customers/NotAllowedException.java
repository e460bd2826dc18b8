package com.fielddesk.domain.customers;

/** The signed-in person's role may not do this (the server refuses it too); the message says why. */
public final class NotAllowedException extends RuntimeException {
    public NotAllowedException(String sentence) {
        super(sentence);
    }
}
