package com.fielddesk.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of the audit log, newest first; {@code before} continues with the next (older) page.
 * {@code offlineSince} is present when the server could not be reached and the page comes from
 * this computer's offline copy, which holds the entries since that instant.
 */
public record AuditPage(List<AuditEntry> entries, Optional<Long> before, Optional<Instant> offlineSince) {

    public AuditPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(before);
        Objects.requireNonNull(offlineSince);
    }

    /** A page read from the server. */
    public AuditPage(List<AuditEntry> entries, Optional<Long> before) {
        this(entries, before, Optional.empty());
    }

    public boolean fromOfflineCopy() {
        return offlineSince.isPresent();
    }
}
