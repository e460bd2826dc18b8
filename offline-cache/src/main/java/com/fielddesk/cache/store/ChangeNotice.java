package com.fielddesk.cache.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one or more committed transactions changed: the tables, and per table the ids of the
 * changed rows — or "many/unknown" when a write did not name them (a sync page) or they were more
 * than {@link #MAX_IDS_PER_TABLE}. Notices merge: a listener that was busy hears one notice for
 * everything committed meanwhile.
 */
public final class ChangeNotice {

    /** Beyond this many ids a table's change is "many rows": a list re-reads rather than patches. */
    public static final int MAX_IDS_PER_TABLE = 500;

    /** Per table: the changed ids, or null for many/unknown rows. */
    private final Map<String, Set<String>> idsByTable;

    private ChangeNotice(Map<String, Set<String>> idsByTable) {
        this.idsByTable = idsByTable;
    }

    public Set<String> tables() {
        return Collections.unmodifiableSet(idsByTable.keySet());
    }

    public boolean touches(String table) {
        return idsByTable.containsKey(table);
    }

    /**
     * The changed ids of a table: empty when the table is not in the notice <em>or</em> its rows are
     * many/unknown — check {@link #touches} and {@link #manyRows} for which.
     */
    public Set<String> ids(String table) {
        Set<String> ids = idsByTable.get(table);
        return ids == null ? Set.of() : Collections.unmodifiableSet(ids);
    }

    /** Whether the table's changed rows are not listed (too many, or the writer did not name them). */
    public boolean manyRows(String table) {
        return idsByTable.containsKey(table) && idsByTable.get(table) == null;
    }

    /** Whether this row of this table may have changed (true for any row of a many/unknown table). */
    public boolean mayHaveChanged(String table, String id) {
        if (!idsByTable.containsKey(table)) {
            return false;
        }
        Set<String> ids = idsByTable.get(table);
        return ids == null || ids.contains(id);
    }

    public Optional<Set<String>> knownIds(String table) {
        return touches(table) && !manyRows(table) ? Optional.of(ids(table)) : Optional.empty();
    }

    public boolean isEmpty() {
        return idsByTable.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ChangeNotice[");
        idsByTable.forEach((table, ids) -> text.append(table).append('=')
                .append(ids == null ? "many" : ids.size() + " ids").append(' '));
        return text.append(']').toString();
    }

    /** Collects the changes of one transaction, or merges notices waiting for a busy listener. Not thread-safe. */
    static final class Builder {
        private final Map<String, Set<String>> idsByTable = new HashMap<>();

        void table(String table) {
            idsByTable.put(table, null);
        }

        void row(String table, String id) {
            if (idsByTable.containsKey(table) && idsByTable.get(table) == null) {
                return;
            }
            Set<String> ids = idsByTable.computeIfAbsent(table, t -> new HashSet<>());
            ids.add(id);
            if (ids.size() > MAX_IDS_PER_TABLE) {
                idsByTable.put(table, null);
            }
        }

        void add(ChangeNotice notice) {
            notice.idsByTable.forEach((table, ids) -> {
                if (ids == null) {
                    table(table);
                } else {
                    ids.forEach(id -> row(table, id));
                }
            });
        }

        boolean isEmpty() {
            return idsByTable.isEmpty();
        }

        ChangeNotice build() {
            Map<String, Set<String>> copy = new HashMap<>();
            idsByTable.forEach((table, ids) -> copy.put(table, ids == null ? null : Set.copyOf(ids)));
            return new ChangeNotice(copy);
        }
    }
}
