package com.fielddesk.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the full-text search indexes in step with the rows, inside each write transaction: the
 * cache's triggers note changed rows in {@code search_dirty}; {@link #refresh} — run by
 * {@link CacheDatabase#write} just before commit — re-indexes them with the statements the
 * migrations stored in {@code search_refresh} (delete the rows' entries, insert the live ones),
 * one pair per index, whatever the number of rows. Writing an FTS5 index row by row from a
 * trigger cost many times more on a sync page (see cache migration V3).
 */
final class SearchIndexes {

    private record Refresh(String deleteSql, String insertSql) {
    }

    private final Map<String, Refresh> byIndex;

    private SearchIndexes(Map<String, Refresh> byIndex) {
        this.byIndex = byIndex;
    }

    static SearchIndexes read(Connection connection) throws SQLException {
        Map<String, Refresh> byIndex = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select search_index, delete_sql, insert_sql from search_refresh order by search_index")) {
            while (rows.next()) {
                byIndex.put(rows.getString(1), new Refresh(rows.getString(2), rows.getString(3)));
            }
        }
        return new SearchIndexes(byIndex);
    }

    /** Re-indexes the rows changed in this transaction (nothing to do, one cheap read, for most writes). */
    void refresh(Connection connection) throws SQLException {
        List<String> dirty = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select distinct search_index from search_dirty");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                dirty.add(rows.getString(1));
            }
        }
        if (dirty.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String index : dirty) {
                Refresh refresh = byIndex.get(index);
                if (refresh == null) {
                    throw new SQLException("No refresh statements for the search index " + index);
                }
                statement.executeUpdate(refresh.deleteSql());
                statement.executeUpdate(refresh.insertSql());
            }
            statement.executeUpdate("delete from search_dirty");
        }
    }
}
