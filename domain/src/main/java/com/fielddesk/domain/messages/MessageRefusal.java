package com.fielddesk.domain.messages;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Why the server refused a message written on this computer, as it answered: its code (ours, a
 * SQLSTATE or PostgREST's), its own text and the facts it gave (JSON, when any) — worded for people
 * by the console — and the refused change, which the user sends again or discards.
 */
public record MessageRefusal(UUID change, Optional<String> code, Optional<String> serverText, Optional<String> details) {

    public MessageRefusal {
        Objects.requireNonNull(change);
        Objects.requireNonNull(code);
        Objects.requireNonNull(serverText);
        Objects.requireNonNull(details);
    }
}
