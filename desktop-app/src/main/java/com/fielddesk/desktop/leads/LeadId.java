package com.fielddesk.desktop.leads;

import java.util.UUID;

/** The id of a service request, shared by its pool row and (once claimed) its service_requests row. */
public record LeadId(UUID value) {
    public LeadId {
        if (value == null) {
            throw new IllegalArgumentException("A lead id is required");
        }
    }

    public static LeadId parse(String text) {
        return new LeadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
