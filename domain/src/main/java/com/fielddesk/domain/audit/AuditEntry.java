package com.fielddesk.domain.audit;

import com.fielddesk.domain.common.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the company's audit log: who (name when this computer knows them, and role), when,
 * what (action, record type and a readable record name), and what changed field by field.
 */
public record AuditEntry(long seq, Instant occurredAt, Optional<UUID> actorId, Optional<String> actorName, Role actorRole,
                         String action, Optional<String> recordType, Optional<UUID> recordId, Optional<String> recordName,
                         List<FieldChange> changes, String hash) {

    public AuditEntry {
        changes = List.copyOf(changes);
    }
}
