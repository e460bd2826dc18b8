package com.fielddesk.domain.messages;

import com.fielddesk.domain.common.Role;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message in a customer thread. {@code fromCustomer} tells the two sides apart, and a staff
 * member's {@code senderRole} says which office role answered (empty for the customer); {@code sentAt}
 * is empty while the message waits on this computer (pending); {@code refusal} says why the server
 * refused it (it stays here, pending, until resent or discarded).
 */
public record CustomerMessage(UUID id, String body, boolean fromCustomer, String senderName, Optional<Role> senderRole,
                              Optional<Instant> sentAt,
                              Optional<Instant> readAt, boolean pending, Optional<MessageRefusal> refusal) {
}
