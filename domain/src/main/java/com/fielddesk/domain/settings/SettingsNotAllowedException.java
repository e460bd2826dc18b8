package com.fielddesk.domain.settings;

/** A setting this person's role may not change (the server refuses it too); nothing was queued. */
public final class SettingsNotAllowedException extends RuntimeException {

    public SettingsNotAllowedException(String message) {
        super(message);
    }

    /** Why, as the sentence a person reads (written for them, unlike most exception messages). */
    public String sentence() {
        return getMessage();
    }
}
