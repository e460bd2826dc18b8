package com.fielddesk.desktop.jobs;

import java.util.UUID;

/** A message thread about the shown job, as its detail lists it: customer or internal, with the user's unread count. */
record JobThread(UUID id, boolean internal, String subject, long unread) {

    String line() {
        return (internal ? "Internal · " : "Customer · ") + subject + (unread > 0 ? " (" + unread + " new)" : "");
    }
}
