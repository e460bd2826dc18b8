package com.fielddesk.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the audit log screen shows: a time range, a person, an action, a record type, one record
 * ("History"), a text in the old or new values (any case; blank is no filter).
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<UUID> person, Optional<String> action,
                          Optional<String> recordType, Optional<UUID> record, Optional<String> text) {

    public AuditFilter {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(person);
        Objects.requireNonNull(action);
        Objects.requireNonNull(recordType);
        Objects.requireNonNull(record);
        text = Objects.requireNonNull(text).map(String::strip).filter(words -> !words.isEmpty());
    }

    public static AuditFilter everything() {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public AuditFilter between(Instant first, Instant end) {
        return new AuditFilter(Optional.of(first), Optional.of(end), person, action, recordType, record, text);
    }

    public AuditFilter by(UUID value) {
        return new AuditFilter(from, to, Optional.of(value), action, recordType, record, text);
    }

    public AuditFilter action(String value) {
        return new AuditFilter(from, to, person, Optional.of(value), recordType, record, text);
    }

    /** One record's history (the "History" button on any record's screen). */
    public AuditFilter historyOf(String table, UUID id) {
        return new AuditFilter(from, to, person, action, Optional.of(table), Optional.of(id), text);
    }

    public AuditFilter recordType(String table) {
        return new AuditFilter(from, to, person, action, Optional.of(table), record, text);
    }

    /** Entries whose old or new values contain this text (any case). */
    public AuditFilter containing(String words) {
        return new AuditFilter(from, to, person, action, recordType, record, Optional.of(words));
    }
}
