package com.fielddesk.domain.customers;

import com.fielddesk.domain.messages.CustomerThreadId;

import java.time.Instant;
import java.util.Optional;

/** A message thread with a customer: its subject and when the last message came. */
public record CustomerThread(CustomerThreadId id, String subject, Optional<Instant> lastMessageAt) {
}
