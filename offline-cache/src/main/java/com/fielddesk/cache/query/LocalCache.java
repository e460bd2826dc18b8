package com.fielddesk.cache.query;

import com.fielddesk.cache.outbox.LocalWrites;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.search.CacheSearch;
import com.fielddesk.cache.search.SearchHit;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.ChangeNotice;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The typed face of the cache for domain repositories: queries ({@link Query}) read on the reader
 * connection (the last committed state, never blocked by a sync page being written), writes in
 * one transaction across tables with their outbox entries, pending row ids, coalesced change
 * notices and full-text search. No JavaFX; every method may be called from any thread, none
 * from a change listener's thread expecting to block it for long.
 */
public final class LocalCache {

    private final CacheDatabase database;
    private final Outbox outbox;
    private final LocalWrites writes;
    private final CacheSearch search;

    public LocalCache(CacheDatabase database, Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.writes = new LocalWrites(database, outbox, clock);
        this.search = new CacheSearch(database);
    }

    public <R> List<R> list(Query query, RowMapper<R> mapper) {
        return database.read(connection -> QueryRunner.list(connection, query, mapper));
    }

    public <R> Optional<R> first(Query query, RowMapper<R> mapper) {
        return database.read(connection -> QueryRunner.first(connection, query, mapper));
    }

    /** One keyset page: the query's limit of rows after its cursor, and the next page's cursor. */
    public <R> Page<R> page(Query query, RowMapper<R> mapper) {
        return database.read(connection -> QueryRunner.page(connection, query, mapper));
    }

    /**
     * The ids of the rows the query matches, in its order and limit, and nothing else: a covering
     * index answers it without reading the rows (e.g. a list's first ids, before its joined rows).
     */
    public List<UUID> ids(Query query) {
        return database.read(connection -> QueryRunner.ids(connection, query));
    }

    /** How many rows the query matches (its order, limit and cursor are ignored). */
    public long count(Query query) {
        return database.read(connection -> QueryRunner.count(connection, query));
    }

    /**
     * The exact sum of a decimal column over the matching rows (e.g. the filtered invoices' totals),
     * each value taken to {@code decimals} places (half away from zero) — computed in SQL, with
     * {@code BigDecimal.ZERO} at that scale when nothing matches.
     */
    public java.math.BigDecimal sum(Query query, Expr<java.math.BigDecimal> amount, int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be between 0 and 6: " + decimals);
        }
        return database.read(connection -> QueryRunner.sum(connection, query, amount, decimals));
    }

    /** How many matching rows have each value of {@code key} (e.g. jobs per status), in key order; null is a key too. */
    public <K> Map<K, Long> countBy(Query query, Expr<K> key) {
        return database.read(connection -> QueryRunner.countBy(connection, query, key));
    }

    /** Ids of the table's rows with local changes the server has not confirmed (queued or quarantined). */
    public Set<UUID> pendingIds(Table table) {
        return database.read(connection -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select distinct row_id from " + Outbox.TABLE + " where table_name = ?")) {
                query.setString(1, table.name());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(UUID.fromString(rows.getString(1)));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * The table's changes still in the sync queue, oldest first: waiting to be sent, or refused by
     * the server (quarantined, with its code, message and details). A screen shows from them what
     * the cached rows cannot: why a change was refused, and a refused insert at all (after a
     * refusal the cache shows the server's state, where that row does not exist).
     */
    public List<com.fielddesk.cache.outbox.OutboxEntry> queuedChanges(Table table) {
        return database.read(connection -> outbox.queuedFor(connection, table.name()));
    }

    /**
     * Runs the work in one write transaction: every row it writes and its outbox entry commit
     * together, or — when it throws — nothing is kept. Listeners hear one notice after commit.
     */
    public void transaction(Consumer<Transaction> work) {
        transactionReturning(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** {@link #transaction} with a result, e.g. the id of the row it created. */
    public <T> T transactionReturning(Function<Transaction, T> work) {
        return database.write(connection -> work.apply(new Transaction(connection, database.catalog(), writes)));
    }

    /** Hears every committed change (coalesced: one notice per burst, on a notifier thread). */
    public AutoCloseable onChange(Consumer<ChangeNotice> listener) {
        return database.changes().listen(listener);
    }

    /** Hears committed changes that touch any of these tables. */
    public AutoCloseable onChange(Collection<? extends Table> tables, Consumer<ChangeNotice> listener) {
        List<String> names = tables.stream().map(Table::name).toList();
        return database.changes().listen(notice -> {
            if (names.stream().anyMatch(notice::touches)) {
                listener.accept(notice);
            }
        });
    }

    /** Ctrl+K: see {@link CacheSearch}. */
    public List<SearchHit> search(String text, int limitPerKind) {
        return search.search(text, limitPerKind);
    }

    public CacheSearch searchIndex() {
        return search;
    }
}
