package com.fielddesk.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * The one way the console changes a synced row: validate, write the row, queue its outbox entry,
 * and name the row in the commit's change notice — all inside the caller's write transaction, so
 * several rows of several tables commit (or roll back) together. Both the typed
 * {@code query.Transaction} and {@code repository.TableRepository} write through this.
 */
public final class LocalWrites {

    private final CacheDatabase database;
    private final LocalRows rows;
    private final Outbox outbox;
    private final Clock clock;

    public LocalWrites(CacheDatabase database, Outbox outbox, Clock clock) {
        this.database = database;
        this.rows = new LocalRows(database.catalog());
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates a row with a client-generated id (so a retried upload can never create it twice); returns the id. */
    public String insert(Connection connection, SyncedTable table, ObjectNode values) throws SQLException {
        ObjectNode row = validated(table, values, true);
        String id = row.hasNonNull("id") ? row.get("id").asText() : UUID.randomUUID().toString();
        requireUuid(id);
        row.put("id", id);
        if (rows.find(connection, table.name(), id).isPresent()) {
            throw new IllegalArgumentException(table.name() + " " + id + " already exists");
        }
        rows.upsert(connection, table.name(), row);
        outbox.enqueue(connection, table.name(), id, Operation.INSERT, row, null, null, clock.instant());
        touched(table, id);
        return id;
    }

    /** Changes some fields of a row; the server merges them field by field with other users' edits. */
    public void update(Connection connection, SyncedTable table, String id, ObjectNode changes) throws SQLException {
        ObjectNode changed = validated(table, changes, false);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change in " + table.name() + " " + id);
        }
        ObjectNode current = rows.find(connection, table.name(), id)
                .orElseThrow(() -> new IllegalArgumentException(table.name() + " " + id + " does not exist"));
        ObjectNode baseValues = Json.object();
        changed.fieldNames().forEachRemaining(name -> baseValues.set(name, current.get(name)));
        JsonNode version = current.get("version");
        Long baseVersion = version == null || version.isNull() ? null : version.longValue();
        rows.updateColumns(connection, table.name(), id, changed);
        outbox.enqueue(connection, table.name(), id, Operation.UPDATE, changed, baseValues, baseVersion, clock.instant());
        touched(table, id);
    }

    /** Deletes a row locally now and on the server (as a tombstone) when the queue drains. */
    public void delete(Connection connection, SyncedTable table, String id) throws SQLException {
        requireWritable(table);
        if (!rows.delete(connection, table.name(), id)) {
            throw new IllegalArgumentException(table.name() + " " + id + " does not exist");
        }
        outbox.enqueue(connection, table.name(), id, Operation.DELETE, Json.object(), null, null, clock.instant());
        touched(table, id);
    }

    /** Values from a caller's map (String, Number, Boolean, UUID, Instant, JsonNode …) as the JSON a write takes. */
    public static ObjectNode toJson(Map<String, ?> values) {
        ObjectNode row = Json.object();
        values.forEach((column, value) -> row.set(column, Json.toNode(value)));
        return row;
    }

    /**
     * The columns checked: known, not set by the server, and on an update not the id or company;
     * the table must be writable in the console.
     */
    public static ObjectNode validated(SyncedTable table, ObjectNode values, boolean insert) {
        requireWritable(table);
        ObjectNode row = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String column = field.getKey();
            if (table.column(column).isEmpty()) {
                throw new IllegalArgumentException("Unknown column " + table.name() + "." + column);
            }
            if (SyncedTable.SERVER_MANAGED.contains(column)) {
                throw new IllegalArgumentException(table.name() + "." + column + " is set by the server");
            }
            if (!insert && (column.equals("id") || column.equals("company_id"))) {
                throw new IllegalArgumentException(table.name() + "." + column + " cannot be changed");
            }
            row.set(column, field.getValue() == null ? Json.NODES.nullNode() : field.getValue());
        }
        return row;
    }

    private void touched(SyncedTable table, String id) {
        database.markTouched(table.name(), id);
        database.markTouched(Outbox.TABLE);
    }

    private static void requireWritable(SyncedTable table) {
        if (!table.writable()) {
            throw new IllegalArgumentException(table.name() + " is read-only in the console");
        }
    }

    private static void requireUuid(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid id (expected a UUID): " + id);
        }
    }
}
