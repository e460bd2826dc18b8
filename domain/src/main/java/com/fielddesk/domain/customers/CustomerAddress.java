package com.fielddesk.domain.customers;

/** One of a customer's service addresses; {@code pending} until the server confirmed it. */
public record CustomerAddress(CustomerAddressId id, AddressDetails details, boolean pending) {
}
