package com.fielddesk.cache.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.LocalWrites;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a screen uses for one synced table: reads from the cache, writes that store the row and
 * its outbox entry in one transaction, and a change subscription. Works the same online and
 * offline; the sync engine does the rest.
 */
public class TableRepository {

    private final CacheDatabase database;
    private final LocalRows rows;
    private final Outbox outbox;
    private final LocalWrites writes;
    private final SyncedTable table;

    public TableRepository(CacheDatabase database, Outbox outbox, Clock clock, String tableName) {
        this.database = database;
        this.rows = new LocalRows(database.catalog());
        this.outbox = outbox;
        this.writes = new LocalWrites(database, outbox, clock);
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
        ObjectNode row = LocalWrites.toJson(values);
        return database.write(connection -> writes.insert(connection, table, row));
    }

    /** Changes some fields of a row; the server merges them field by field with other users' edits. */
    public void update(String id, Map<String, ?> changes) {
        ObjectNode changed = validatedChanges(changes);
        database.write(connection -> {
            writes.update(connection, table, id, changed);
            return null;
        });
    }

    /**
     * The update step inside the caller's write transaction (used by conflict re-apply, which also
     * removes the conflict entry in the same transaction).
     */
    public void updateWithin(java.sql.Connection connection, String id, ObjectNode changed) throws java.sql.SQLException {
        writes.update(connection, table, id, changed);
    }

    /** Checks a change set the way {@link #update} does, for callers that write inside their own transaction. */
    public ObjectNode validatedChanges(Map<String, ?> changes) {
        ObjectNode changed = LocalWrites.validated(table, LocalWrites.toJson(changes), false);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change in " + table.name());
        }
        return changed;
    }

    /** Deletes a row locally now and on the server (as a tombstone) when the queue drains. */
    public void delete(String id) {
        database.write(connection -> {
            writes.delete(connection, table, id);
            return null;
        });
    }

    private void requireColumn(String column) {
        if (table.column(column).isEmpty()) {
            throw new IllegalArgumentException("Unknown column " + table.name() + "." + column);
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
