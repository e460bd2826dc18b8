package com.fielddesk.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.LocalRows;

import java.sql.Connection;
import java.sql.SQLException;

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

    public static boolean isTombstone(JsonNode row) {
        JsonNode deletedAt = row.get("deleted_at");
        return deletedAt != null && !deletedAt.isNull();
    }
}
