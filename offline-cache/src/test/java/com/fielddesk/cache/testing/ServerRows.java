package com.fielddesk.cache.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;

import java.util.List;
import java.util.Map;

/** Writes rows into a cache the way a sync pull does (whole server rows, no outbox entry). */
public final class ServerRows {

    private ServerRows() {
    }

    public static ObjectNode row(Map<String, ?> values) {
        ObjectNode row = Json.object();
        values.forEach((column, value) -> row.set(column, Json.toNode(value)));
        return row;
    }

    /** Like one pulled page: every row in one transaction, the table marked as changed. */
    public static void pulled(CacheDatabase database, String table, List<ObjectNode> rows) {
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

    public static void pulled(CacheDatabase database, String table, ObjectNode row) {
        pulled(database, table, List.of(row));
    }
}
