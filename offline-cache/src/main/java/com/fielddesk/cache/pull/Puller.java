package com.fielddesk.cache.pull;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.RemoteTables.PageKey;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    /** @param prefetcher runs the download of the next page while the current one is applied */
    public Puller(CacheDatabase database, RemoteTables remote, Outbox outbox, Clock clock, int pageSize,
                  Executor prefetcher) {
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
    }

    /** Pulls every synced table; returns rows received per table. */
    public Map<String, Long> pullAll(Consumer<PullProgress> progress) throws RemoteException {
        return pull(database.catalog().all().stream().map(SyncedTable::name).toList(), progress);
    }

    /** Pulls the given tables (e.g. the one a realtime event named), in catalog order. */
    public Map<String, Long> pull(Collection<String> tables, Consumer<PullProgress> progress) throws RemoteException {
        Map<String, Long> received = new LinkedHashMap<>();
        Long roundWatermark = null;
        for (SyncedTable table : database.catalog().all()) {
            if (!tables.contains(table.name())) {
                continue;
            }
            CursorState state = database.read(connection -> loadCursor(connection, table.name()));
            long watermark;
            if (state.roundWatermark() != null) {
                watermark = state.roundWatermark();
            } else {
                if (roundWatermark == null) {
                    roundWatermark = remote.watermark();
                }
                watermark = roundWatermark;
            }
            received.put(table.name(), pullTable(table, state, watermark, progress));
        }
        return received;
    }

    private long pullTable(SyncedTable table, CursorState state, long watermark, Consumer<PullProgress> progress)
            throws RemoteException {
        boolean initial = state.cursor() == 0;
        PageKey after = state.after();
        long total = 0;
        RemotePage page = remote.fetchPage(table, state.cursor(), after, pageSize);
        while (true) {
            boolean last = page.size() < pageSize;
            PageKey reached = page.isEmpty() ? after : page.lastKey();
            // The next page downloads while this one is written to SQLite.
            CompletableFuture<RemotePage> next = last ? null : prefetch(table, state.cursor(), reached);
            RemotePage current = page;
            database.write(connection -> {
                applyPage(connection, table, current);
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

    private static RemotePage await(CompletableFuture<RemotePage> next) throws RemoteException {
        try {
            return next.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RemoteException remoteFailure) {
                throw remoteFailure;
            }
            throw e;
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
