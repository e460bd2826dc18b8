package com.fielddesk.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synced tables and their columns, read from the cache file itself ({@code synced_tables}
 * plus {@code pragma table_info}), so the migrations are the single definition.
 */
public final class TableCatalog {

    private final Map<String, SyncedTable> tables;

    private TableCatalog(Map<String, SyncedTable> tables) {
        this.tables = tables;
    }

    static TableCatalog read(Connection connection) {
        Map<String, SyncedTable> tables = new LinkedHashMap<>();
        try (PreparedStatement list = connection.prepareStatement(
                "select name, pull_order, writable from synced_tables order by pull_order, name");
             ResultSet rows = list.executeQuery()) {
            List<Object[]> found = new ArrayList<>();
            while (rows.next()) {
                found.add(new Object[]{rows.getString(1), rows.getInt(2), rows.getInt(3) != 0});
            }
            for (Object[] entry : found) {
                String name = (String) entry[0];
                tables.put(name, new SyncedTable(name, (Integer) entry[1], (Boolean) entry[2], columnsOf(connection, name)));
            }
        } catch (SQLException e) {
            throw new CacheException("Could not read the cache schema: " + e.getMessage(), e);
        }
        return new TableCatalog(tables);
    }

    private static List<SyncedTable.Column> columnsOf(Connection connection, String table) throws SQLException {
        List<SyncedTable.Column> columns = new ArrayList<>();
        try (PreparedStatement info = connection.prepareStatement("select name, type from pragma_table_info(?) order by cid")) {
            info.setString(1, table);
            try (ResultSet rows = info.executeQuery()) {
                while (rows.next()) {
                    columns.add(new SyncedTable.Column(rows.getString(1), ColumnType.fromDeclared(rows.getString(2))));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new CacheException("synced_tables lists " + table + " but the cache has no such table");
        }
        return columns;
    }

    public Collection<SyncedTable> all() {
        return tables.values();
    }

    /** The table, or a clear error for a name that is not synced (never reaches SQL). */
    public SyncedTable require(String name) {
        SyncedTable table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("Not a synced table: " + name);
        }
        return table;
    }

    public boolean contains(String name) {
        return tables.containsKey(name);
    }
}
