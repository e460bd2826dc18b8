package com.fielddesk.domain.audit;

import java.util.List;
import java.util.Optional;

/** A page of the audit log, newest first; {@code before} continues with the next (older) page. */
public record AuditPage(List<AuditEntry> entries, Optional<Long> before) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
