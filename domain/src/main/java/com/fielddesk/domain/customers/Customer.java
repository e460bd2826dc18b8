package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.CustomerId;
import java.time.Instant;
import java.util.List;

/** One customer with the contact fields and the service addresses (oldest first). */
public record Customer(CustomerId id, CustomerDetails details, Instant createdAt, boolean pending,
                       List<CustomerAddress> addresses) {

    public Customer {
        addresses = List.copyOf(addresses);
    }
}
