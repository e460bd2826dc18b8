package com.fielddesk.desktop.app.feature;

import java.util.Locale;

/** The kinds of record a section can open by id (from Ctrl+K search, a link or a notification). */
public enum RecordKind {
    CUSTOMER("Customer"), LEAD("Lead"), JOB("Job"), INVOICE("Invoice"), MESSAGE_THREAD("Message thread");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    /** "Customer". */
    public String label() {
        return label;
    }

    /** "customer", for the middle of a sentence. */
    public String noun() {
        return label.toLowerCase(Locale.ROOT);
    }
}
