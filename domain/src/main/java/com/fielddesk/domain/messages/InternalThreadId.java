package com.fielddesk.domain.messages;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** An internal (staff only) thread — a different type from {@link CustomerThreadId} on purpose: the two never mix. */
public record InternalThreadId(UUID value) implements EntityId {
    public InternalThreadId {
        EntityId.require(value);
    }

    public static InternalThreadId parse(String text) {
        return new InternalThreadId(EntityId.uuid(text));
    }
}
