package com.fielddesk.cache.query;

import com.fielddesk.cache.outbox.LocalWrites;
import com.fielddesk.cache.store.CacheException;
import com.fielddesk.cache.store.TableCatalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One local write transaction across tables (from {@link LocalCache#transaction}): each written
 * row and its outbox entry, all committed together or — on any exception — none. Reads inside
 * see the transaction's own writes. Valid only inside the callback.
 */
public final class Transaction {

    private final Connection connection;
    private final TableCatalog catalog;
    private final LocalWrites writes;

    Transaction(Connection connection, TableCatalog catalog, LocalWrites writes) {
        this.connection = connection;
        this.catalog = catalog;
        this.writes = writes;
    }

    /** Inserts a row (the id is generated unless set) and queues it; returns its id. */
    public UUID insert(RowValues values) {
        return UUID.fromString(sql(() -> writes.insert(connection, catalog.require(values.table().name()), values.toJson())));
    }

    /** Changes the given columns of a row and queues the change. */
    public void update(Table table, UUID id, RowValues changes) {
        if (!changes.table().name().equals(table.name())) {
            throw new IllegalArgumentException("Values of " + changes.table() + " for a row of " + table);
        }
        sql(() -> {
            writes.update(connection, catalog.require(table.name()), id.toString(), changes.toJson());
            return null;
        });
    }

    /** Deletes a row here now and on the server (as a tombstone) when the queue drains. */
    public void delete(Table table, UUID id) {
        sql(() -> {
            writes.delete(connection, catalog.require(table.name()), id.toString());
            return null;
        });
    }

    public <R> List<R> list(Query query, RowMapper<R> mapper) {
        return sql(() -> QueryRunner.list(connection, query, mapper));
    }

    public <R> Optional<R> first(Query query, RowMapper<R> mapper) {
        return sql(() -> QueryRunner.first(connection, query, mapper));
    }

    public long count(Query query) {
        return sql(() -> QueryRunner.count(connection, query));
    }

    public <K> Map<K, Long> countBy(Query query, Expr<K> key) {
        return sql(() -> QueryRunner.countBy(connection, query, key));
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new CacheException("Local cache write failed: " + e.getMessage(), e);
        }
    }
}
