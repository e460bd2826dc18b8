package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** An invoice. */
public record InvoiceId(UUID value) implements EntityId {
    public InvoiceId {
        EntityId.require(value);
    }

    public static InvoiceId parse(String text) {
        return new InvoiceId(EntityId.uuid(text));
    }
}
