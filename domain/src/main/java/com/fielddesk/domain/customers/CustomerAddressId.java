package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.EntityId;

import java.util.UUID;

/** One of a customer's service addresses. */
public record CustomerAddressId(UUID value) implements EntityId {
    public CustomerAddressId {
        EntityId.require(value);
    }

    public static CustomerAddressId parse(String text) {
        return new CustomerAddressId(EntityId.uuid(text));
    }
}
