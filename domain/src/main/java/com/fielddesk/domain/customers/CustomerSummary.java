package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.CustomerId;
import java.time.Instant;

/**
 * A customer as the list shows it.
 *
 * @param pending a change of this customer is waiting for the server (queued or refused)
 */
public record CustomerSummary(CustomerId id, String fullName, String phone, String email, Instant createdAt,
                              boolean pending) {
}
