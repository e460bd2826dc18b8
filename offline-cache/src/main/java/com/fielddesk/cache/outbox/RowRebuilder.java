package com.fielddesk.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.LocalRows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for what a cached row shows once the server told us its state: the server row
 * with the user's still-queued changes of that row laid over it, in queue order. Used after an
 * upload was acknowledged, merged or rejected, so a row is never stuck on a stale local copy.
 */
public final class RowRebuilder {

    private final LocalRows rows;
    private final Outbox outbox;

    public RowRebuilder(LocalRows rows, Outbox outbox) {
        this.rows = rows;
        this.outbox = outbox;
    }

    /** @param serverRow the row on the server, or null when it does not exist or is not visible */
    public void rebuild(Connection connection, String table, String id, ObjectNode serverRow) throws SQLException {
        ObjectNode row = serverRow == null || isTombstone(serverRow) ? null : serverRow.deepCopy();
        for (OutboxEntry entry : outbox.pendingFor(connection, table, id)) {
            if (entry.operation() == Operation.DELETE) {
                row = null;
            } else if (entry.operation() == Operation.INSERT && row == null) {
                row = entry.changes().deepCopy();
            } else if (row != null) {
                row.setAll(entry.changes());
            }
        }
        if (row == null) {
            rows.delete(connection, table, id);
        } else {
            rows.upsert(connection, table, row);
        }
    }

    /**
     * Rebuilds many rows in one write transaction (a push batch's answers) with the same rule, but
     * cheaper for the usual row that has nothing else queued: the table's rows with queued changes
     * are read once, and rows without any are written with one reused statement. A row that has
     * (or had, when the set was read) queued changes takes {@link #rebuild} — the set can only be
     * too large, never too small, because answering a batch never queues new changes.
     */
    public Session session(Connection connection) {
        return new Session(connection);
    }

    public final class Session implements AutoCloseable {
        private final Connection connection;
        private final Map<String, Set<String>> rowsWithQueuedChanges = new HashMap<>();
        private final Map<String, LocalRows.RowWriter> writers = new HashMap<>();

        private Session(Connection connection) {
            this.connection = connection;
        }

        public void rebuild(String table, String id, ObjectNode serverRow) throws SQLException {
            Set<String> queued = rowsWithQueuedChanges.get(table);
            if (queued == null) {
                queued = outbox.rowsWithPendingChanges(connection, table);
                rowsWithQueuedChanges.put(table, queued);
            }
            if (queued.contains(id)) {
                RowRebuilder.this.rebuild(connection, table, id, serverRow);
            } else if (serverRow == null || isTombstone(serverRow)) {
                rows.delete(connection, table, id);
            } else {
                LocalRows.RowWriter writer = writers.get(table);
                if (writer == null) {
                    writer = rows.upsertWriter(connection, table);
                    writers.put(table, writer);
                }
                writer.write(serverRow);
            }
        }

        @Override
        public void close() throws SQLException {
            for (LocalRows.RowWriter writer : writers.values()) {
                writer.close();
            }
        }
    }

    public static boolean isTombstone(JsonNode row) {
        JsonNode deletedAt = row.get("deleted_at");
        return deletedAt != null && !deletedAt.isNull();
    }
}
