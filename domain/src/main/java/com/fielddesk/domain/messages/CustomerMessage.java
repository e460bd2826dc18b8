package com.fielddesk.domain.messages;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message in a customer thread. {@code fromCustomer} tells the two sides apart; {@code sentAt}
 * is empty while the message waits on this computer (pending); {@code refusal} says why the server
 * refused it (it stays here, pending, until resent or discarded).
 */
public record CustomerMessage(UUID id, String body, boolean fromCustomer, String senderName, Optional<Instant> sentAt,
                              Optional<Instant> readAt, boolean pending, Optional<MessageRefusal> refusal) {
}
