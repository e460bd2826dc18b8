package com.fielddesk.domain.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;

/** Puts server rows into a real cache the way a sync pull does: one transaction per page, no outbox entry. */
public final class PulledRows {

    private PulledRows() {
    }

    /** A server row from column/value pairs ({@code "id", id, "status", "open", …}). */
    public static ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = Json.object();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set((String) columnsAndValues[i], Json.toNode(columnsAndValues[i + 1]));
        }
        return row;
    }

    /** Like one pulled page: the rows in one transaction, the table marked as changed. */
    public static void pulled(CacheDatabase database, String table, ObjectNode... rows) {
        LocalRows localRows = new LocalRows(database.catalog());
        database.write(connection -> {
            try (LocalRows.RowWriter writer = localRows.upsertWriter(connection, table)) {
                for (ObjectNode row : rows) {
                    writer.addBatch(row);
                }
                writer.executeBatch();
            }
            database.markTouched(table);
            return null;
        });
    }
}
