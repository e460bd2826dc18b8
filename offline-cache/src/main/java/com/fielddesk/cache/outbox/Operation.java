package com.fielddesk.cache.outbox;

/** What a queued mutation does to its row on the server. */
public enum Operation {
    INSERT, UPDATE, DELETE;

    public String wireName() {
        return name().toLowerCase();
    }

    public static Operation fromWire(String name) {
        return valueOf(name.toUpperCase());
    }
}
