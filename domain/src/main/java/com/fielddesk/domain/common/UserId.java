package com.fielddesk.domain.common;

import java.util.UUID;

/** A signed-in person: the Auth user id, which is also their {@code profiles.id}. */
public record UserId(UUID value) implements EntityId {
    public UserId {
        EntityId.require(value);
    }

    public static UserId parse(String text) {
        return new UserId(EntityId.uuid(text));
    }
}
