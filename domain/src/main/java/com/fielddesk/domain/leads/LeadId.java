package com.fielddesk.domain.leads;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** The id of a service request, shared by its pool row and (once claimed) its service_requests row. */
public record LeadId(UUID value) implements EntityId {
    public LeadId {
        EntityId.require(value);
    }

    public static LeadId parse(String text) {
        return new LeadId(EntityId.uuid(text));
    }

    /** The id's text, as the server writes it (search results and the navigator pass it around). */
    @Override
    public String toString() {
        return value.toString();
    }
}
