package com.fielddesk.desktop.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.query.Table;
import com.fielddesk.cache.status.SyncStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A change to a synced row that the server refused (it waits in the sync issues until dismissed or
 * retried): the row, what the change set, what the server still has for those columns, and why in
 * one sentence. A board shows such a row where the server has it, marked, and says why.
 *
 * @param serverValues the columns' values before the change, i.e. what the server still has
 */
public record RefusedChange(UUID mutationId, UUID rowId, ObjectNode changes, ObjectNode serverValues, String sentence) {

    /** Whether the change set this column, and what the server has for it ({@code null} when it has none). */
    public boolean sets(String column) {
        return changes.has(column);
    }

    /** The server's value of a column the change set, as text; null when the server has none. */
    public String serverText(String column) {
        JsonNode value = serverValues.get(column);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The refused changes to {@code table}'s rows that set any of {@code columns}, the oldest per row
     * (it holds the ones after it: its "before" is what the server has), in the order they were made.
     */
    public static Map<UUID, RefusedChange> oldestPerRow(SyncStatus status, Table table, Set<String> columns) {
        Map<UUID, RefusedChange> refused = new LinkedHashMap<>();
        for (OutboxEntry entry : status == null ? List.<OutboxEntry>of() : status.quarantined()) {
            if (!entry.table().equals(table.name()) || entry.changes() == null || entry.baseValues() == null
                    || columns.stream().noneMatch(entry.changes()::has)) {
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(entry.rowId());
            } catch (IllegalArgumentException notAnId) {
                continue;
            }
            if (refused.containsKey(id)) {
                continue;
            }
            ServerRefusal why = ServerRefusal.of(entry.errorCode(), entry.errorMessage(),
                    entry.errorDetails() == null || entry.errorDetails().isNull() ? null : entry.errorDetails().toString());
            refused.put(id, new RefusedChange(entry.mutationId(), id, entry.changes(), entry.baseValues(), why.sentence()));
        }
        return refused;
    }
}
