package com.fielddesk.desktop.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.LocalRows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Puts rows into a cache as a pull would (same writer, same change notification), and waits until listeners heard it. */
public final class CacheRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CacheRows() {
    }

    public static void write(CacheDatabase cache, String table, List<ObjectNode> rows) {
        LocalRows local = new LocalRows(cache.catalog());
        cache.write(connection -> {
            try (LocalRows.RowWriter writer = local.upsertWriter(connection, table)) {
                for (ObjectNode row : rows) {
                    writer.addBatch(row);
                }
                writer.executeBatch();
            }
            cache.markTouched(table);
            return null;
        });
        // Change notices reach listeners on the cache's notifier threads: let them finish, as a
        // pull's effect on a screen would have before the next thing a user does.
        try {
            if (!cache.changes().awaitDelivered(java.time.Duration.ofSeconds(10))) {
                throw new AssertionError("Change listeners still busy after 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A server row from column/value pairs ({@code "id", id, "title", "Boiler", …}) at version 1. */
    public static ObjectNode row(Object... columnsAndValues) {
        ObjectNode row = com.fielddesk.cache.store.Json.object();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.set((String) columnsAndValues[i], com.fielddesk.cache.store.Json.toNode(columnsAndValues[i + 1]));
        }
        row.put("version", 1);
        return row;
    }

    public static ObjectNode poolRow(UUID id, String trade, String description, boolean emergency, String postalCode,
                                     String city, Instant postedAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", id.toString());
        row.put("status", "open");
        row.put("trade", trade);
        row.put("description", description);
        row.put("emergency", emergency);
        row.put("postal_code", postalCode);
        row.put("city", city);
        row.putNull("preferred_start");
        row.putNull("preferred_end");
        row.put("posted_at", postedAt.toString());
        row.put("created_at", postedAt.toString());
        row.put("updated_at", postedAt.toString());
        row.putNull("deleted_at");
        row.put("version", 1);
        row.put("sync_xid", 1);
        return row;
    }

    public static ObjectNode tombstone(ObjectNode poolRow, Instant at) {
        ObjectNode row = poolRow.deepCopy();
        row.put("status", "claimed");
        row.put("description", "");
        row.put("deleted_at", at.toString());
        return row;
    }
}
