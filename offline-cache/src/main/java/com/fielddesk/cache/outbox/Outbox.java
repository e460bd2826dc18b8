package com.fielddesk.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The sync queue in the cache file. All methods take the connection of the caller's transaction,
 * so a row change and its queue entry always commit together.
 */
public final class Outbox {

    /** Marks the table in {@link com.fielddesk.cache.store.CacheDatabase#markTouched} when the queue changes. */
    public static final String TABLE = "outbox";

    private static final String COLUMNS = "seq, mutation_id, table_name, row_id, operation, changes, base_values, "
            + "base_version, previous_mutation_id, state, attempts, error_code, error_message, error_details, created_at";

    /** Queues a change and returns its mutation id. (Nothing is read back: this is on every local write's path.) */
    public UUID enqueue(Connection connection, String table, String rowId, Operation operation,
                               ObjectNode changes, ObjectNode baseValues, Long baseVersion, Instant now) throws SQLException {
        UUID mutationId = UUID.randomUUID();
        UUID previous = latestMutationOf(connection, table, rowId).orElse(null);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox (mutation_id, table_name, row_id, operation, changes, base_values, base_version,
                                    previous_mutation_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            insert.setString(1, mutationId.toString());
            insert.setString(2, table);
            insert.setString(3, rowId);
            insert.setString(4, operation.wireName());
            insert.setString(5, changes.toString());
            insert.setString(6, Json.write(baseValues));
            setLong(insert, 7, baseVersion);
            insert.setString(8, previous == null ? null : previous.toString());
            insert.setString(9, now.toString());
            insert.executeUpdate();
        }
        return mutationId;
    }

    private Optional<UUID> latestMutationOf(Connection connection, String table, String rowId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select mutation_id from outbox where table_name = ? and row_id = ? order by seq desc limit 1")) {
            query.setString(1, table);
            query.setString(2, rowId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(UUID.fromString(rows.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The next mutations to send, oldest first. A row with a quarantined mutation holds its later
     * mutations back (they wait with it), everything else keeps moving.
     */
    public List<OutboxEntry> nextBatch(Connection connection, int limit) throws SQLException {
        return list(connection, "select " + COLUMNS + """
                 from outbox o
                where o.state = 'pending'
                  and not exists (select 1 from outbox q where q.table_name = o.table_name and q.row_id = o.row_id
                                  and q.state = 'quarantined' and q.seq < o.seq)
                order by o.seq limit ?
                """, limit);
    }

    public List<OutboxEntry> quarantined(Connection connection) throws SQLException {
        return list(connection, "select " + COLUMNS + " from outbox where state = 'quarantined' and seq > ? order by seq", -1);
    }

    public List<OutboxEntry> all(Connection connection) throws SQLException {
        return list(connection, "select " + COLUMNS + " from outbox where seq > ? order by seq", -1);
    }

    public Optional<OutboxEntry> find(Connection connection, UUID mutationId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select " + COLUMNS + " from outbox where mutation_id = ?")) {
            query.setString(1, mutationId.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    /** The row's mutations still waiting to be sent (not quarantined), oldest first. */
    public List<OutboxEntry> pendingFor(Connection connection, String table, String rowId) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select " + COLUMNS
                + " from outbox where table_name = ? and row_id = ? and state = 'pending' order by seq")) {
            query.setString(1, table);
            query.setString(2, rowId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(map(rows));
                }
            }
        }
        return entries;
    }

    /** The table's entries, waiting or quarantined, oldest first. */
    public List<OutboxEntry> queuedFor(Connection connection, String table) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select " + COLUMNS
                + " from outbox where table_name = ? order by seq")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(map(rows));
                }
            }
        }
        return entries;
    }

    /** Ids of the table's rows with mutations waiting to be sent: a pull must not overwrite them. */
    public java.util.Set<String> rowsWithPendingChanges(Connection connection, String table) throws SQLException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select distinct row_id from outbox where table_name = ? and state = 'pending'")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    public boolean hasEntriesFor(Connection connection, String table, String rowId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from outbox where table_name = ? and row_id = ? limit 1")) {
            query.setString(1, table);
            query.setString(2, rowId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    public int pendingCount(Connection connection) throws SQLException {
        return count(connection, "select count(*) from outbox where state = 'pending'");
    }

    public int quarantinedCount(Connection connection) throws SQLException {
        return count(connection, "select count(*) from outbox where state = 'quarantined'");
    }

    public Optional<Instant> oldestPendingCreatedAt(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select min(created_at) from outbox");
             ResultSet rows = query.executeQuery()) {
            String value = rows.next() ? rows.getString(1) : null;
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        }
    }

    /** The server has the effect of this mutation (applied now or earlier): it leaves the queue. */
    public void remove(Connection connection, UUID mutationId) throws SQLException {
        removeAll(connection, List.of(mutationId));
    }

    /** Removes many entries with one reused statement (a whole acknowledged batch). */
    public void removeAll(Connection connection, java.util.Collection<UUID> mutationIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where mutation_id = ?")) {
            for (UUID mutationId : mutationIds) {
                delete.setString(1, mutationId.toString());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    public void quarantine(Connection connection, UUID mutationId, String code, String message, Instant now) throws SQLException {
        quarantine(connection, mutationId, code, message, null, now);
    }

    /** @param details the facts of the server's refusal, kept for the UI to word (null when none) */
    public void quarantine(Connection connection, UUID mutationId, String code, String message, JsonNode details,
                           Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update outbox set state = 'quarantined', error_code = ?, error_message = ?, error_details = ?,
                                  attempts = attempts + 1, last_attempt_at = ? where mutation_id = ?""")) {
            update.setString(1, code);
            update.setString(2, message);
            update.setString(3, Json.write(details));
            update.setString(4, now.toString());
            update.setString(5, mutationId.toString());
            update.executeUpdate();
        }
    }

    /** After a field merge: the mutation now carries only the fields to send, on the server's current version. */
    public void rebase(Connection connection, UUID mutationId, ObjectNode changes, ObjectNode baseValues,
                       long baseVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update outbox set changes = ?, base_values = ?, base_version = ?, previous_mutation_id = null,
                                  attempts = attempts + 1 where mutation_id = ?""")) {
            update.setString(1, changes.toString());
            update.setString(2, Json.write(baseValues));
            update.setLong(3, baseVersion);
            update.setString(4, mutationId.toString());
            update.executeUpdate();
        }
    }

    public void requeue(Connection connection, UUID mutationId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox set state = 'pending', error_code = null, error_message = null, error_details = null where mutation_id = ?")) {
            update.setString(1, mutationId.toString());
            update.executeUpdate();
        }
    }

    private List<OutboxEntry> list(Connection connection, String sql, int parameter) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(map(rows));
                }
            }
        }
        return entries;
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static OutboxEntry map(ResultSet rows) throws SQLException {
        String baseValues = rows.getString(7);
        long baseVersion = rows.getLong(8);
        boolean noBaseVersion = rows.wasNull();
        String previous = rows.getString(9);
        String errorDetails = rows.getString(14);
        return new OutboxEntry(rows.getLong(1), UUID.fromString(rows.getString(2)), rows.getString(3), rows.getString(4),
                Operation.fromWire(rows.getString(5)), (ObjectNode) Json.parse(rows.getString(6)),
                baseValues == null ? null : (ObjectNode) Json.parse(baseValues), noBaseVersion ? null : baseVersion,
                previous == null ? null : UUID.fromString(previous),
                // Locale.ROOT: under a Turkish default locale "quarantined".toUpperCase() has a dotted İ.
                OutboxEntry.State.valueOf(rows.getString(10).toUpperCase(Locale.ROOT)), rows.getInt(11),
                rows.getString(12), rows.getString(13), errorDetails == null ? null : Json.parse(errorDetails),
                Instant.parse(rows.getString(15)));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
