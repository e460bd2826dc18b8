package com.fielddesk.cache.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Row-level access to the mirrored tables, as JSON objects keyed by server column name. Table and
 * column names come from the {@link TableCatalog}, never from callers' text; values are bound.
 */
public final class LocalRows {

    private final TableCatalog catalog;

    public LocalRows(TableCatalog catalog) {
        this.catalog = catalog;
    }

    public TableCatalog catalog() {
        return catalog;
    }

    public Optional<ObjectNode> find(Connection connection, String tableName, String id) throws SQLException {
        SyncedTable table = catalog.require(tableName);
        List<ObjectNode> rows = select(connection, table, "\"id\" = ?", List.of(id), 1);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Rows matching a filter written by this module's repositories (never user text); parameters
     * are bound. A limit of 0 means all rows.
     */
    public List<ObjectNode> select(Connection connection, SyncedTable table, String where, List<?> parameters,
                                   int limit) throws SQLException {
        String sql = "select " + table.quotedColumnList() + " from \"" + table.name() + "\""
                + (where == null ? "" : " where " + where) + (limit > 0 ? " limit " + limit : "");
        return selectSql(connection, table, sql, parameters);
    }

    public List<ObjectNode> selectSql(Connection connection, SyncedTable table, String sql, List<?> parameters)
            throws SQLException {
        List<ObjectNode> result = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                List<SyncedTable.Column> columns = table.columns();
                while (rows.next()) {
                    ObjectNode row = Json.object();
                    for (int c = 0; c < columns.size(); c++) {
                        row.set(columns.get(c).name(), columns.get(c).type().read(rows, c + 1));
                    }
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** A statement that writes whole rows (server state), reusable for a page of rows. */
    public RowWriter upsertWriter(Connection connection, String tableName) throws SQLException {
        SyncedTable table = catalog.require(tableName);
        String placeholders = table.columns().stream().map(c -> "?").collect(Collectors.joining(","));
        // An upsert, not "insert or replace": a row already cached is updated in place (same rowid,
        // update triggers), where a replace would delete it and insert it again under a new rowid.
        String assignments = table.columns().stream().filter(c -> !c.name().equals("id"))
                .map(c -> '"' + c.name() + "\" = excluded.\"" + c.name() + '"').collect(Collectors.joining(", "));
        PreparedStatement statement = connection.prepareStatement("insert into \"" + table.name()
                + "\" (" + table.quotedColumnList() + ") values (" + placeholders + ") on conflict (\"id\") do update set "
                + assignments);
        return new RowWriter(table, statement);
    }

    /** Binds and executes whole-row writes; server columns the cache does not mirror are ignored. */
    public static final class RowWriter implements AutoCloseable {
        private final SyncedTable table;
        private final PreparedStatement statement;

        RowWriter(SyncedTable table, PreparedStatement statement) {
            this.table = table;
            this.statement = statement;
        }

        public void write(JsonNode row) throws SQLException {
            List<SyncedTable.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).type().bind(statement, c + 1, row.get(columns.get(c).name()));
            }
            statement.executeUpdate();
        }

        public void addBatch(JsonNode row) throws SQLException {
            List<SyncedTable.Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                columns.get(c).type().bind(statement, c + 1, row.get(columns.get(c).name()));
            }
            statement.addBatch();
        }

        /** A row whose values are already in their stored form, in the table's column order. */
        public void addBatch(Object[] stored) throws SQLException {
            for (int c = 0; c < stored.length; c++) {
                ColumnType.bindStored(statement, c + 1, stored[c]);
            }
            statement.addBatch();
        }

        public void executeBatch() throws SQLException {
            statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    public void upsert(Connection connection, String tableName, JsonNode row) throws SQLException {
        try (RowWriter writer = upsertWriter(connection, tableName)) {
            writer.write(row);
        }
    }

    /** Sets the given columns of one row; returns false when the row does not exist. */
    public boolean updateColumns(Connection connection, String tableName, String id, ObjectNode changes) throws SQLException {
        SyncedTable table = catalog.require(tableName);
        Map<String, SyncedTable.Column> columns = table.byName();
        List<String> names = new ArrayList<>();
        changes.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return find(connection, tableName, id).isPresent();
        }
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException("Unknown column " + tableName + "." + name);
            }
        }
        String assignments = names.stream().map(n -> '"' + n + "\" = ?").collect(Collectors.joining(", "));
        try (PreparedStatement update = connection.prepareStatement(
                "update \"" + table.name() + "\" set " + assignments + " where \"id\" = ?")) {
            int index = 1;
            for (String name : names) {
                columns.get(name).type().bind(update, index++, changes.get(name));
            }
            update.setString(index, id);
            return update.executeUpdate() > 0;
        }
    }

    public boolean delete(Connection connection, String tableName, String id) throws SQLException {
        SyncedTable table = catalog.require(tableName);
        try (PreparedStatement delete = connection.prepareStatement("delete from \"" + table.name() + "\" where \"id\" = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }
}
