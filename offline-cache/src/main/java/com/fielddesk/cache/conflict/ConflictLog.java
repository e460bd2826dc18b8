package com.fielddesk.cache.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.store.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The conflict entries in the cache file. Methods take the caller's transaction. */
public final class ConflictLog {

    public static final String TABLE = "conflicts";

    public void record(Connection connection, String table, String rowId, String column, JsonNode localValue,
                       JsonNode serverValue, Long serverVersion, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into conflicts (table_name, row_id, column_name, local_value, server_value, server_version, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, table);
            insert.setString(2, rowId);
            insert.setString(3, column);
            insert.setString(4, Json.write(localValue));
            insert.setString(5, Json.write(serverValue));
            insert.setObject(6, serverVersion);
            insert.setString(7, now.toString());
            insert.executeUpdate();
        }
    }

    public List<ConflictRecord> list(Connection connection) throws SQLException {
        List<ConflictRecord> records = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select id, table_name, row_id, column_name, local_value, server_value, server_version, created_at
                from conflicts order by id""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(map(rows));
            }
        }
        return records;
    }

    public Optional<ConflictRecord> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select id, table_name, row_id, column_name, local_value, server_value, server_version, created_at
                from conflicts where id = ?""")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    public boolean remove(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from conflicts where id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    private static ConflictRecord map(ResultSet rows) throws SQLException {
        String local = rows.getString(5);
        String server = rows.getString(6);
        long version = rows.getLong(7);
        Long serverVersion = rows.wasNull() ? null : version;
        return new ConflictRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                local == null ? Json.NODES.nullNode() : Json.parse(local),
                server == null ? Json.NODES.nullNode() : Json.parse(server), serverVersion, Instant.parse(rows.getString(8)));
    }
}
