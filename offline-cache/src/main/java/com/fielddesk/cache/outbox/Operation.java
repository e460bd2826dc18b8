package com.fielddesk.cache.outbox;

import java.util.Locale;

/** What a queued mutation does to its row on the server. */
public enum Operation {
    INSERT, UPDATE, DELETE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Operation fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
