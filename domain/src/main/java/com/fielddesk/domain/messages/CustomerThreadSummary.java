package com.fielddesk.domain.messages;

import com.fielddesk.domain.common.CustomerId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A line of the Customers inbox: a thread the customer reads too. {@code unread} counts the
 * customer's messages no staff member has opened yet.
 */
public record CustomerThreadSummary(CustomerThreadId id, String subject, CustomerId customerId, String customerName,
                                    UUID workOrderId, Optional<Long> jobNumber, Optional<Instant> lastMessageAt,
                                    Optional<String> lastMessage, long unread, boolean pending) {
}
