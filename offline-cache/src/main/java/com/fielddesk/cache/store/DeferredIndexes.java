package com.fielddesk.cache.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's secondary indexes set aside while its first pull writes page after page, and made
 * again in the transaction of its last page: SQLite then builds each index with one sort over the
 * rows, instead of inserting every row into every index as it arrives — most of the cache's write
 * time for a large table (cache migration V19). The primary key stays (the pull's upserts need
 * it), and so do tables whose indexes another table's write reads ({@code synced_tables.defer_indexes}).
 *
 * <p>Each dropped index's statement is kept in {@code deferred_indexes} in the same transaction as
 * the drop, so a process killed mid-pull loses none: {@link #restoreLeftovers} (at open, before migrations) makes them again.
 * Only plain indexes are set aside, never a unique one (a constraint must hold on every page).
 */
public final class DeferredIndexes {

    private DeferredIndexes() {
    }

    /** Sets the table's secondary indexes aside, when its catalog entry allows it; returns how many. */
    public static int setAside(Connection connection, String table) throws SQLException {
        if (!deferrable(connection, table)) {
            return 0;
        }
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select m.name, m.sql from sqlite_master m
                 where m.type = 'index' and m.tbl_name = ? and m.sql is not null
                   and not exists (select 1 from pragma_index_list(m.tbl_name) l where l.name = m.name and l."unique")
                """)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        try (PreparedStatement keep = connection.prepareStatement(
                "insert into deferred_indexes (index_name, table_name, create_sql) values (?, ?, ?)");
             Statement drop = connection.createStatement()) {
            for (String[] index : indexes) {
                keep.setString(1, index[0]);
                keep.setString(2, table);
                keep.setString(3, index[1]);
                keep.executeUpdate();
                // The name comes from sqlite_master, not from input.
                drop.execute("drop index \"" + index[0].replace("\"", "\"\"") + '"');
            }
        }
        return indexes.size();
    }

    /** Makes the table's set-aside indexes again (nothing to do, one cheap read, when there are none). */
    public static void restore(Connection connection, String table) throws SQLException {
        restoreWhere(connection, "where table_name = ?", table);
    }

    /** Makes every set-aside index again (a pull that was cut off). */
    private static void restoreAll(Connection connection) throws SQLException {
        restoreWhere(connection, "", null);
    }

    /**
     * At open, before migrations, on a connection in auto-commit: makes again, in one transaction,
     * the indexes a killed pull left set aside — if this cache is new enough to set any aside.
     */
    static void restoreLeftovers(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet table = query.executeQuery("select 1 from sqlite_master where type = 'table' and name = 'deferred_indexes'")) {
            if (!table.next()) {
                return;
            }
        }
        connection.setAutoCommit(false);
        try {
            restoreAll(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void restoreWhere(Connection connection, String where, String table) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select index_name, create_sql from deferred_indexes " + where + " order by index_name")) {
            if (table != null) {
                query.setString(1, table);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        if (indexes.isEmpty()) {
            return;
        }
        try (Statement create = connection.createStatement();
             PreparedStatement forget = connection.prepareStatement("delete from deferred_indexes where index_name = ?")) {
            for (String[] index : indexes) {
                create.execute(index[1]);   // the statement SQLite itself recorded for the index
                forget.setString(1, index[0]);
                forget.executeUpdate();
            }
        }
    }

    private static boolean deferrable(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select defer_indexes from synced_tables where name = ?")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getInt(1) != 0;
            }
        }
    }
}
