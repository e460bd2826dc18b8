package com.fielddesk.cache.query;

import com.fielddesk.cache.store.CacheException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** One result row while a {@link RowMapper} runs (valid only then): typed access by column. */
public final class Row {

    private final ResultSet rows;
    private final Map<String, Integer> columnIndexes;
    private final HashMap<Expr<?>, Integer> extraIndexes;

    Row(ResultSet rows, Map<String, Integer> columnIndexes, HashMap<Expr<?>, Integer> extraIndexes) {
        this.rows = rows;
        this.columnIndexes = columnIndexes;
        this.extraIndexes = extraIndexes;
    }

    /** The value of a selected column or computed value (null for SQL NULL, and for a missing left-joined row). */
    public <T> T get(Expr<T> value) {
        Integer index = value instanceof Column<?> column ? columnIndexes.get(key(column)) : extraIndexes.get(value);
        if (index == null) {
            throw new IllegalArgumentException(value + " is not selected by this query");
        }
        try {
            return value.codec().read(rows, index);
        } catch (SQLException e) {
            throw new CacheException("Could not read " + value + ": " + e.getMessage(), e);
        }
    }

    /** Whether the row of this (left-joined) table is there. */
    public boolean has(Table table) {
        return get(table.id) != null;
    }

    static String key(Column<?> column) {
        return column.table().name() + "." + column.name();
    }
}
