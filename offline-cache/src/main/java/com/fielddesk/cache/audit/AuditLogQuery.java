package com.fielddesk.cache.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of the server's audit log, newest first, filtered in SQL on the server: a time range,
 * a person, an action, a record type, one record, a text in the old or new values (any case);
 * {@code beforeSeq} continues after the last page's oldest entry (keyset on the chain's sequence
 * number, never an offset).
 */
public record AuditLogQuery(Optional<Instant> from, Optional<Instant> to, Optional<UUID> actor, Optional<String> action,
                            Optional<String> table, Optional<UUID> rowId, Optional<String> text, Optional<Long> beforeSeq,
                            int limit) {

    public AuditLogQuery {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(table);
        Objects.requireNonNull(rowId);
        Objects.requireNonNull(text);
        Objects.requireNonNull(beforeSeq);
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("A page is 1 to 1,000 entries: " + limit);
        }
        text = text.map(String::strip).filter(words -> !words.isEmpty());
    }

    /**
     * The text as a LIKE pattern that finds it anywhere ({@code %text%}), its own {@code %}, {@code _}
     * and backslash taken literally (escaped with a backslash, LIKE's default escape).
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
