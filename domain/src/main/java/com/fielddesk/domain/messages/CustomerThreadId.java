package com.fielddesk.domain.messages;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** A customer message thread (customer ↔ company, always about a work order). */
public record CustomerThreadId(UUID value) implements EntityId {
    public CustomerThreadId {
        EntityId.require(value);
    }

    public static CustomerThreadId parse(String text) {
        return new CustomerThreadId(EntityId.uuid(text));
    }
}
