package com.fielddesk.domain.messages;

import com.fielddesk.domain.common.Role;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message in an internal thread, with its author's name and role; {@code refusal} says why the
 * server refused it (it stays here, pending, until resent or discarded).
 */
public record InternalMessage(UUID id, String body, String authorName, Optional<Role> authorRole, Optional<Instant> sentAt,
                              boolean pending, Optional<MessageRefusal> refusal) {
}
