package com.fielddesk.domain.common;

import java.util.Objects;
import java.util.UUID;

/** A typed record id: a UUID that says what it identifies, so a customer id cannot be passed as a job's. */
public interface EntityId {

    UUID value();

    /** The id as the server and the cache write it. */
    default String text() {
        return value().toString();
    }

    /** For the ids' constructors: an id is never null. */
    static UUID require(UUID value) {
        return Objects.requireNonNull(value, "An id is required");
    }

    /** Parses the text of an id; a malformed one is an {@link IllegalArgumentException} saying so. */
    static UUID uuid(String text) {
        try {
            return UUID.fromString(Objects.requireNonNull(text, "An id is required"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid id (expected a UUID): " + text, e);
        }
    }
}
