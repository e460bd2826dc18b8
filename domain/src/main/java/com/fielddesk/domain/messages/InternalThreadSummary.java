package com.fielddesk.domain.messages;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A line of the Internal inbox: staff only, optionally about a work order. {@code unread}: notes by
 * others newer than the signed-in user's read marker of the thread (all of them before they open it).
 */
public record InternalThreadSummary(InternalThreadId id, String subject, Optional<UUID> workOrderId, Optional<Long> jobNumber,
                                    Optional<String> startedBy, Optional<Instant> lastMessageAt, Optional<String> lastMessage,
                                    long unread, boolean pending) {
}
