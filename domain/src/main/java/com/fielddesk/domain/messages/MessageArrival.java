package com.fielddesk.domain.messages;

import java.time.Instant;
import java.util.UUID;

/**
 * A message someone else wrote that the signed-in user has not seen: a customer's message not read
 * by anyone at the office, or a colleague's internal note. {@code from} is the customer's or
 * colleague's name, {@code where} the thread's subject, {@code excerpt} the message on one line.
 */
public record MessageArrival(UUID thread, boolean internal, String from, String where, String excerpt, Instant at) {
}
