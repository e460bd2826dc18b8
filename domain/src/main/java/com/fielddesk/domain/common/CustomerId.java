package com.fielddesk.domain.common;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** A customer of the company. */
public record CustomerId(UUID value) implements EntityId {
    public CustomerId {
        EntityId.require(value);
    }

    public static CustomerId parse(String text) {
        return new CustomerId(EntityId.uuid(text));
    }
}
