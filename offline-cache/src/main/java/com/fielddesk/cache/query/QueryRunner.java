package com.fielddesk.cache.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs compiled queries on a connection (the reader's, or a write transaction's). */
final class QueryRunner {

    private QueryRunner() {
    }

    static <R> List<R> list(Connection connection, Query query, RowMapper<R> mapper) throws SQLException {
        return run(connection, query, mapper, false).items();
    }

    static List<java.util.UUID> ids(Connection connection, Query query) throws SQLException {
        List<java.util.UUID> ids = new ArrayList<>();
        try (PreparedStatement statement = QueryCompiler.ids(query).prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(query.from.id.codec().read(rows, 1));
            }
        }
        return ids;
    }

    static <R> Optional<R> first(Connection connection, Query query, RowMapper<R> mapper) throws SQLException {
        List<R> rows = list(connection, query.limit(1), mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static <R> Page<R> page(Connection connection, Query query, RowMapper<R> mapper) throws SQLException {
        if (query.limit == null || query.order.isEmpty()) {
            throw new IllegalArgumentException("A page needs an order (ending with a unique key) and a limit");
        }
        return run(connection, query, mapper, true);
    }

    private static <R> Page<R> run(Connection connection, Query query, RowMapper<R> mapper, boolean paged)
            throws SQLException {
        QueryCompiler.Compiled compiled = QueryCompiler.compile(query, paged);
        List<R> items = new ArrayList<>();
        PageCursor next = null;
        try (PreparedStatement statement = compiled.sql().prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            Row row = new Row(rows, compiled.columnIndexes(), compiled.extraIndexes());
            List<Object> lastKey = null;
            while (rows.next()) {
                if (paged && items.size() == query.limit) {
                    next = new PageCursor(lastKey);
                    break;
                }
                items.add(mapper.map(row));
                if (paged) {
                    lastKey = new ArrayList<>();
                    for (int index : compiled.sortKeyIndexes()) {
                        lastKey.add(rows.getObject(index));
                    }
                }
            }
        }
        return new Page<>(items, Optional.ofNullable(next));
    }

    static long count(Connection connection, Query query) throws SQLException {
        try (PreparedStatement statement = QueryCompiler.count(query).prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    static java.math.BigDecimal sum(Connection connection, Query query, Expr<java.math.BigDecimal> amount, int decimals)
            throws SQLException {
        try (PreparedStatement statement = QueryCompiler.sumUnits(query, amount, decimals).prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            return java.math.BigDecimal.valueOf(rows.next() ? rows.getLong(1) : 0, decimals);
        }
    }

    static <K> Map<K, Long> countBy(Connection connection, Query query, Expr<K> key) throws SQLException {
        Map<K, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = QueryCompiler.countBy(query, key).prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(key.codec().read(rows, 1), rows.getLong(2));
            }
        }
        return counts;
    }
}
