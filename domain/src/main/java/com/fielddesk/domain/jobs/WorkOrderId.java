package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** A work order: a quote or a job (they share ids and numbers). */
public record WorkOrderId(UUID value) implements EntityId {
    public WorkOrderId {
        EntityId.require(value);
    }

    public static WorkOrderId parse(String text) {
        return new WorkOrderId(EntityId.uuid(text));
    }
}
