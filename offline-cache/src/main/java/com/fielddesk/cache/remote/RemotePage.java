package com.fielddesk.cache.remote;

import com.fielddesk.cache.remote.RemoteTables.PageKey;
import com.fielddesk.cache.store.ColumnType;
import com.fielddesk.cache.store.SyncedTable;

import java.util.List;

/**
 * One pull page of a table: rows ordered by (sync_xid, id), each row's values in the order of the
 * table's cache columns and already in their stored form ({@link ColumnType#stored}), so writing
 * the page only binds values. The conversion runs where the page is downloaded (the prefetch
 * thread), off the thread that writes SQLite.
 */
public final class RemotePage {

    private final List<Object[]> rows;
    private final int idColumn;
    private final int syncXidColumn;
    private final int deletedAtColumn;

    private RemotePage(SyncedTable table, List<Object[]> rows) {
        this.rows = rows;
        List<String> names = table.columnNames();
        this.idColumn = required(table, names, "id");
        this.syncXidColumn = required(table, names, "sync_xid");
        this.deletedAtColumn = required(table, names, "deleted_at");
    }

    /**
     * Converts rows read from the page function ({@link JsonRows}: values in the order of the
     * table's columns, as JSON scalars) into their stored form, in place.
     */
    public static RemotePage of(SyncedTable table, JsonRows answer) {
        List<SyncedTable.Column> columns = table.columns();
        ColumnType[] types = new ColumnType[columns.size()];
        for (int c = 0; c < types.length; c++) {
            types[c] = columns.get(c).type();
        }
        for (Object[] row : answer.rows()) {
            if (row.length != types.length) {
                throw new IllegalStateException("A page row of " + table.name() + " has " + row.length
                        + " values for " + types.length + " columns");
            }
            for (int c = 0; c < types.length; c++) {
                row[c] = types[c].storedScalar(row[c]);
            }
        }
        return new RemotePage(table, answer.rows());
    }

    private static int required(SyncedTable table, List<String> names, String column) {
        int index = names.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(table.name() + " has no " + column + " column in the cache");
        }
        return index;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String id(Object[] row) {
        return (String) row[idColumn];
    }

    /** A tombstone (deleted_at set) removes the local row. */
    public boolean isTombstone(Object[] row) {
        return row[deletedAtColumn] != null;
    }

    /** The keyset position of the page's last row (the page must not be empty). */
    public PageKey lastKey() {
        Object[] last = rows.get(rows.size() - 1);
        return new PageKey((Long) last[syncXidColumn], id(last));
    }
}
