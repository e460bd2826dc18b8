package com.fielddesk.desktop.app.feature;

import java.time.Instant;
import java.util.Objects;

/**
 * Something someone else sent that the user should know about now, wherever they are in the
 * console — a customer's message, a colleague's note: when it was written (server time), what the
 * notification says, and the record its button opens.
 */
public record Arrival(Instant at, String text, RecordRef opens) {

    public Arrival {
        Objects.requireNonNull(at);
        Objects.requireNonNull(opens);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An arrival needs a text to show");
        }
    }
}
