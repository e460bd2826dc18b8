package com.fielddesk.cache.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a screen uses for one synced table: reads from the cache, writes that store the row and
 * its outbox entry in one transaction, and a change subscription. Works the same online and
 * offline; the sync engine does the rest.
 */
public class TableRepository {

    private final CacheDatabase database;
    private final LocalRows rows;
    private final Outbox outbox;
    private final Clock clock;
    private final SyncedTable table;

    public TableRepository(CacheDatabase database, Outbox outbox, Clock clock, String tableName) {
        this.database = database;
        this.rows = new LocalRows(database.catalog());
        this.outbox = outbox;
        this.clock = clock;
        this.table = database.catalog().require(tableName);
    }

    public String tableName() {
        return table.name();
    }

    public Optional<ObjectNode> get(String id) {
        return database.read(connection -> rows.find(connection, table.name(), id));
    }

    /** All rows, in id order. */
    public List<ObjectNode> list() {
        return database.read(connection -> rows.select(connection, table, "1 = 1 order by \"id\"", List.of(), 0));
    }

    /** Rows whose column equals the value, in id order. */
    public List<ObjectNode> listWhere(String column, Object value) {
        requireColumn(column);
        JsonNode node = Json.toNode(value);
        Object bound = node.isNumber() ? node.numberValue() : node.isBoolean() ? (node.booleanValue() ? 1 : 0) : node.asText();
        return database.read(connection -> rows.select(connection, table, '"' + column + "\" = ? order by \"id\"",
                List.of(bound), 0));
    }

    public int count() {
        return database.read(connection -> {
            try (var query = connection.prepareStatement("select count(*) from \"" + table.name() + "\"");
                 var result = query.executeQuery()) {
                return result.next() ? result.getInt(1) : 0;
            }
        });
    }

    /** Whether the row has changes not yet confirmed by the server (shown as "pending"). */
    public boolean isPending(String id) {
        return database.read(connection -> outbox.hasEntriesFor(connection, table.name(), id));
    }

    /** Runs the listener after every committed change to this table (local write or sync). */
    public AutoCloseable onChange(Runnable listener) {
        return database.changes().subscribe(table.name(), listener);
    }

    /** Creates a row with a client-generated id (so a retried upload can never create it twice). */
    public String insert(Map<String, ?> values) {
        ObjectNode row = validated(values, true);
        String id = row.hasNonNull("id") ? row.get("id").asText() : UUID.randomUUID().toString();
        parseUuid(id);
        row.put("id", id);
        database.write(connection -> {
            if (rows.find(connection, table.name(), id).isPresent()) {
                throw new IllegalArgumentException(table.name() + " " + id + " already exists");
            }
            rows.upsert(connection, table.name(), row);
            outbox.enqueue(connection, table.name(), id, Operation.INSERT, row, null, null, clock.instant());
            touch();
            return null;
        });
        return id;
    }

    /** Changes some fields of a row; the server merges them field by field with other users' edits. */
    public void update(String id, Map<String, ?> changes) {
        ObjectNode changed = validated(changes, false);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change in " + table.name() + " " + id);
        }
        database.write(connection -> {
            updateWithin(connection, id, changed);
            return null;
        });
    }

    /**
     * The update step inside the caller's write transaction (used by conflict re-apply, which also
     * removes the conflict entry in the same transaction). {@code changes} must be validated.
     */
    public void updateWithin(java.sql.Connection connection, String id, ObjectNode changed) throws java.sql.SQLException {
        ObjectNode current = rows.find(connection, table.name(), id)
                .orElseThrow(() -> new IllegalArgumentException(table.name() + " " + id + " does not exist"));
        ObjectNode baseValues = Json.object();
        changed.fieldNames().forEachRemaining(name -> baseValues.set(name, current.get(name)));
        JsonNode version = current.get("version");
        Long baseVersion = version == null || version.isNull() ? null : version.longValue();
        rows.updateColumns(connection, table.name(), id, changed);
        outbox.enqueue(connection, table.name(), id, Operation.UPDATE, changed, baseValues, baseVersion, clock.instant());
        touch();
    }

    /** Checks a change set the way {@link #update} does, for callers that write inside their own transaction. */
    public ObjectNode validatedChanges(Map<String, ?> changes) {
        ObjectNode changed = validated(changes, false);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change in " + table.name());
        }
        return changed;
    }

    /** Deletes a row locally now and on the server (as a tombstone) when the queue drains. */
    public void delete(String id) {
        requireWritable();
        database.write(connection -> {
            if (!rows.delete(connection, table.name(), id)) {
                throw new IllegalArgumentException(table.name() + " " + id + " does not exist");
            }
            outbox.enqueue(connection, table.name(), id, Operation.DELETE, Json.object(), null, null, clock.instant());
            touch();
            return null;
        });
    }

    private void touch() {
        database.markTouched(table.name());
        database.markTouched(Outbox.TABLE);
    }

    private ObjectNode validated(Map<String, ?> values, boolean insert) {
        requireWritable();
        ObjectNode row = Json.object();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String column = entry.getKey();
            requireColumn(column);
            if (SyncedTable.SERVER_MANAGED.contains(column)) {
                throw new IllegalArgumentException(table.name() + "." + column + " is set by the server");
            }
            if (!insert && (column.equals("id") || column.equals("company_id"))) {
                throw new IllegalArgumentException(table.name() + "." + column + " cannot be changed");
            }
            row.set(column, Json.toNode(entry.getValue()));
        }
        return row;
    }

    private void requireWritable() {
        if (!table.writable()) {
            throw new IllegalArgumentException(table.name() + " is read-only in the console");
        }
    }

    private void requireColumn(String column) {
        if (table.column(column).isEmpty()) {
            throw new IllegalArgumentException("Unknown column " + table.name() + "." + column);
        }
    }

    private static void parseUuid(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid id (expected a UUID): " + id);
        }
    }

    protected <T> T read(CacheDatabase.Work<T> work) {
        return database.read(work);
    }

    protected SyncedTable table() {
        return table;
    }

    protected LocalRows rows() {
        return rows;
    }
}
