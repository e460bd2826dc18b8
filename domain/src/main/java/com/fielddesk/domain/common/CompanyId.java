package com.fielddesk.domain.common;

import java.util.UUID;

/** A company (tenant). */
public record CompanyId(UUID value) implements EntityId {
    public CompanyId {
        EntityId.require(value);
    }

    public static CompanyId parse(String text) {
        return new CompanyId(EntityId.uuid(text));
    }
}
