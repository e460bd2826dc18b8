package com.fielddesk.desktop.app.feature;

import java.util.Objects;

/** A record to open: its kind and id (the row's uuid as text). */
public record RecordRef(RecordKind kind, String id) {
    public RecordRef {
        Objects.requireNonNull(kind);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A record reference needs an id");
        }
    }
}
