package com.fielddesk.cache.pull;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.RemoteTables.PageKey;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.DeferredIndexes;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Brings server changes into the cache, table by table, with a {@code sync_xid} cursor.
 *
 * <p>A round reads the server watermark before its first page, then pages through
 * {@code sync_xid >= cursor} by (sync_xid, id). Each page is applied in one SQLite transaction
 * together with the keyset position reached, so a killed process resumes mid-round; the last
 * page also moves the cursor to the watermark. A transaction that was still open when the
 * watermark was read has an xid at or above it, so it is seen by the next round however late it
 * commits — which an {@code updated_at} cursor would miss.
 */
public final class Puller {

    private final CacheDatabase database;
    private final RemoteTables remote;
    private final Outbox outbox;
    private final LocalRows rows;
    private final Clock clock;
    private final int pageSize;
    private final Executor prefetcher;
    private final Executor secondLaneRunner;

    /**
     * @param prefetcher       downloads each lane's next page while its current one is written:
     *                         needs two threads, one per lane, or the lanes' downloads queue
     * @param secondLaneRunner runs the second lane (one thread)
     */
    public Puller(CacheDatabase database, RemoteTables remote, Outbox outbox, Clock clock, int pageSize,
                  Executor prefetcher, Executor secondLaneRunner) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.database = database;
        this.remote = remote;
        this.outbox = outbox;
        this.rows = new LocalRows(database.catalog());
        this.clock = clock;
        this.pageSize = pageSize;
        this.prefetcher = prefetcher;
        this.secondLaneRunner = secondLaneRunner;
    }

    /** Pulls every synced table; returns rows received per table. */
    public Map<String, Long> pullAll(Consumer<PullProgress> progress) throws RemoteException {
        return pull(database.catalog().all().stream().map(SyncedTable::name).toList(), progress);
    }

    /**
     * Pulls the given tables (e.g. the one a realtime event named), starting them in catalog
     * order, two at a time: two lanes each take the next table from the list, so one table's pages
     * download and decode while the other's are written (writes still go one at a time through
     * the cache's single writer). When a lane's table has its last page in hand, the lane's next
     * table's first page starts downloading while that last page is written. Why two lanes: one
     * table at a time left a core idle — the server builds a page, then the cache writes it — and
     * a first sync of a large company took ~1.3× a plain supabase-js script, not the ≥ 1.5× aimed
     * for (docs/benchmarks.md). Returns once both lanes have stopped; the first failure is thrown.
     */
    public Map<String, Long> pull(Collection<String> tables, Consumer<PullProgress> progress) throws RemoteException {
        List<SyncedTable> chosen = database.catalog().all().stream().filter(table -> tables.contains(table.name())).toList();
        Deque<SyncedTable> waiting = new ArrayDeque<>(chosen);
        Map<String, Long> received = new ConcurrentHashMap<>();
        Round round = new Round();
        Consumer<PullProgress> oneAtATime = update -> {
            synchronized (progress) {
                progress.accept(update);
            }
        };
        CompletableFuture<Void> secondLane = chosen.size() < 2 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    try {
                        runLane(waiting, round, received, oneAtATime);
                    } catch (RemoteException e) {
                        throw new CompletionException(e);
                    }
                }, secondLaneRunner);
        RemoteException firstLaneFailure = null;
        RuntimeException firstLaneError = null;
        try {
            runLane(waiting, round, received, oneAtATime);
        } catch (RemoteException e) {
            firstLaneFailure = e;
        } catch (RuntimeException e) {
            firstLaneError = e;
        } finally {
            if (firstLaneFailure != null || firstLaneError != null) {
                synchronized (waiting) {
                    waiting.clear();   // the other lane finishes its table and stops
                }
            }
        }
        // Never return while the other lane may still write: the caller's next pass could overlap it.
        RemoteException secondLaneFailure = null;
        try {
            await(secondLane);
        } catch (RemoteException e) {
            secondLaneFailure = e;
        }
        if (firstLaneError != null) {
            throw firstLaneError;
        }
        if (firstLaneFailure != null) {
            throw firstLaneFailure;
        }
        if (secondLaneFailure != null) {
            throw secondLaneFailure;
        }
        Map<String, Long> inCatalogOrder = new LinkedHashMap<>();
        chosen.forEach(table -> inCatalogOrder.put(table.name(), received.getOrDefault(table.name(), 0L)));
        return inCatalogOrder;
    }

    /** Pulls tables from {@code waiting} until none is left. */
    private void runLane(Deque<SyncedTable> waiting, Round round, Map<String, Long> received,
                         Consumer<PullProgress> progress) throws RemoteException {
        SyncedTable first = takeNext(waiting);
        TableStart current = first == null ? null : start(first, round, false);
        while (current != null) {
            List<TableStart> following = new ArrayList<>(1);
            LastPageListener startFollowing = () -> {
                SyncedTable next = takeNext(waiting);
                if (next != null) {
                    following.add(start(next, round, true));
                }
            };
            received.put(current.table().name(), pullTable(current, startFollowing, progress));
            current = following.isEmpty() ? null : following.get(0);
        }
    }

    private static SyncedTable takeNext(Deque<SyncedTable> waiting) {
        synchronized (waiting) {
            return waiting.pollFirst();
        }
    }

    /** One pull call's watermark, asked of the server once, when a table first needs it. */
    private final class Round {
        private Long watermark;

        synchronized long watermark() throws RemoteException {
            if (watermark == null) {
                watermark = remote.watermark();
            }
            return watermark;
        }
    }

    /** Where a table's pull starts; its first page may already be downloading. */
    private record TableStart(SyncedTable table, CursorState state, long watermark,
                              CompletableFuture<RemotePage> firstPage) {
    }

    /** Called once a table's last page is in hand, before it is written. */
    @FunctionalInterface
    private interface LastPageListener {
        void lastPageArrived() throws RemoteException;
    }

    private TableStart start(SyncedTable table, Round round, boolean prefetchFirstPage) throws RemoteException {
        CursorState state = database.read(connection -> loadCursor(connection, table.name()));
        // A round under way keeps its own watermark (resumed after a restart).
        long watermark = state.roundWatermark() != null ? state.roundWatermark() : round.watermark();
        return new TableStart(table, state, watermark,
                prefetchFirstPage ? prefetch(table, state.cursor(), state.after()) : null);
    }

    private long pullTable(TableStart start, LastPageListener onLastPage, Consumer<PullProgress> progress)
            throws RemoteException {
        SyncedTable table = start.table();
        CursorState state = start.state();
        long watermark = start.watermark();
        boolean initial = state.cursor() == 0;
        PageKey after = state.after();
        long total = 0;
        RemotePage page = start.firstPage() != null ? await(start.firstPage())
                : remote.fetchPage(table, state.cursor(), after, pageSize);
        // A first pull with more than one page to write builds the table's indexes at its end
        // (DeferredIndexes); the last page's transaction makes them again, as does a failure here.
        boolean setIndexesAside = initial && page.size() >= pageSize;
        try {
            while (true) {
                boolean last = page.size() < pageSize;
                PageKey reached = page.isEmpty() ? after : page.lastKey();
                // The next page downloads while this one is written to SQLite.
                CompletableFuture<RemotePage> next = last ? null : prefetch(table, state.cursor(), reached);
                if (last) {
                    onLastPage.lastPageArrived();
                }
                RemotePage current = page;
                boolean firstWrite = total == 0;
                database.write(connection -> {
                    if (setIndexesAside && firstWrite) {
                        DeferredIndexes.setAside(connection, table.name());
                    }
                    applyPage(connection, table, current);
                    if (last) {
                        DeferredIndexes.restore(connection, table.name());
                    }
                    saveCursor(connection, table.name(), last ? new CursorState(watermark, null, null) : new CursorState(
                            state.cursor(), watermark, reached), current.size());
                    return null;
                });
                total += current.size();
                progress.accept(new PullProgress(table.name(), total, last, initial));
                if (last) {
                    return total;
                }
                after = reached;
                page = await(next);
            }
        } catch (RemoteException | RuntimeException e) {
            if (setIndexesAside) {
                restoreIndexes(table, e);
            }
            throw e;
        }
    }

    /** The screens read a table until its pull resumes: not without its indexes. */
    private void restoreIndexes(SyncedTable table, Exception pullFailure) {
        try {
            database.write(connection -> {
                DeferredIndexes.restore(connection, table.name());
                return null;
            });
        } catch (RuntimeException e) {
            pullFailure.addSuppressed(e);   // the cache reopened makes them (CacheDatabase.open)
        }
    }

    private CompletableFuture<RemotePage> prefetch(SyncedTable table, long cursor, PageKey after) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return remote.fetchPage(table, cursor, after, pageSize);
            } catch (RemoteException e) {
                throw new CompletionException(e);
            }
        }, prefetcher);
    }

    /**
     * Waits for a page or the other lane, interruptibly: closing the engine stops its executors,
     * and a page still queued then never arrives. An uninterruptible {@code join()} waited for it for
     * ever, and a sign-out waited for the sync thread in vain (seen in CI).
     */
    private static <T> T await(CompletableFuture<T> next) throws RemoteException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            next.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteException("The sync was stopped while a page was on its way", true, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RemoteException remoteFailure) {
                throw remoteFailure;
            }
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void applyPage(Connection connection, SyncedTable table, RemotePage page) throws SQLException {
        if (page.isEmpty()) {
            return;
        }
        // Rows with queued local changes keep the user's version; the upload's answer brings the
        // server state back for them (see RowRebuilder).
        Set<String> pending = outbox.rowsWithPendingChanges(connection, table.name());
        try (LocalRows.RowWriter writer = rows.upsertWriter(connection, table.name());
             PreparedStatement delete = connection.prepareStatement(
                     "delete from \"" + table.name() + "\" where id = ?")) {
            for (Object[] row : page.rows()) {
                String id = page.id(row);
                if (pending.contains(id)) {
                    continue;
                }
                if (page.isTombstone(row)) {
                    delete.setString(1, id);
                    delete.addBatch();
                } else {
                    writer.addBatch(row);
                }
            }
            writer.executeBatch();
            delete.executeBatch();
        }
        database.markTouched(table.name());
    }

    record CursorState(long cursor, Long roundWatermark, PageKey after) {
    }

    private static CursorState loadCursor(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select cursor_xid, round_watermark, round_after_xid, round_after_id from pull_cursors where table_name = ?")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return new CursorState(0, null, null);
                }
                long cursor = result.getLong(1);
                long watermark = result.getLong(2);
                Long roundWatermark = result.wasNull() ? null : watermark;
                long afterXid = result.getLong(3);
                boolean noAfter = result.wasNull();
                String afterId = result.getString(4);
                return new CursorState(cursor, roundWatermark, noAfter || afterId == null ? null : new PageKey(afterXid, afterId));
            }
        }
    }

    /** Saving a state with a null round means the round finished and {@code cursor} is the new cursor. */
    private void saveCursor(Connection connection, String table, CursorState state, int rowsPulled) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into pull_cursors (table_name, cursor_xid, round_watermark, round_after_xid, round_after_id,
                                          rows_pulled, last_pulled_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (table_name) do update set cursor_xid = excluded.cursor_xid,
                  round_watermark = excluded.round_watermark, round_after_xid = excluded.round_after_xid,
                  round_after_id = excluded.round_after_id, rows_pulled = pull_cursors.rows_pulled + excluded.rows_pulled,
                  last_pulled_at = excluded.last_pulled_at
                """)) {
            upsert.setString(1, table);
            upsert.setLong(2, state.cursor());
            upsert.setObject(3, state.roundWatermark());
            upsert.setObject(4, state.after() == null ? null : state.after().syncXid());
            upsert.setString(5, state.after() == null ? null : state.after().id());
            upsert.setLong(6, rowsPulled);
            upsert.setString(7, clock.instant().toString());
            upsert.executeUpdate();
        }
    }

    /** Forgets the cursors so the next pull is a full resync (used by "reset local cache" of one table set). */
    public void resetCursors() {
        database.write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from pull_cursors")) {
                delete.executeUpdate();
            }
            return null;
        });
    }
}
