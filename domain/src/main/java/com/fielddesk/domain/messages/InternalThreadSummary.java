package com.fielddesk.domain.messages;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A line of the Internal inbox: staff only, optionally about a work order. */
public record InternalThreadSummary(InternalThreadId id, String subject, Optional<UUID> workOrderId, Optional<Long> jobNumber,
                                    Optional<String> startedBy, Optional<Instant> lastMessageAt, Optional<String> lastMessage,
                                    boolean pending) {
}
