package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;

/** A Ctrl+K hit among cached customers, leads and jobs. */
public record SearchResult(RecordKind kind, String id, String title, String subtitle) {

    /** The record to open through the navigator. */
    public RecordRef record() {
        return new RecordRef(kind, id);
    }

    @Override
    public String toString() {
        return kind.label() + " · " + title + (subtitle.isBlank() ? "" : " — " + subtitle);
    }
}
