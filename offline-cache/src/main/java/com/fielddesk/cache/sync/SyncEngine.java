package com.fielddesk.cache.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.calls.FunctionPort;
import com.fielddesk.cache.calls.ServerFunctions;
import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.conflict.ConflictRecord;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.outbox.RowRebuilder;
import com.fielddesk.cache.pull.PullProgress;
import com.fielddesk.cache.pull.Puller;
import com.fielddesk.cache.push.PushReport;
import com.fielddesk.cache.push.Pusher;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.status.SyncStatusTracker;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.store.LocalRows;
import com.fielddesk.cache.store.SyncedTable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs sync passes (push the queue, then pull every table) and the user's actions on the
 * quarantine and conflict lists. Passes never overlap: one lock serialises them, so a pull never
 * races an upload's answer for the same row.
 */
public final class SyncEngine implements AutoCloseable {

    private final CacheDatabase database;
    private final RemoteTables remote;
    private final Clock clock;
    private final SyncSettings settings;
    private final Outbox outbox = new Outbox();
    private final ConflictLog conflicts = new ConflictLog();
    private final ExecutorService prefetcher;
    private final ExecutorService secondPullLane;
    private final Puller puller;
    private final Pusher pusher;
    private final SyncStatusTracker status;
    private final Repositories repositories;
    private final LocalCache cache;
    private final Backoff backoff;
    private final ReentrantLock passLock = new ReentrantLock();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wake = wakeLock.newCondition();
    private final Set<String> requestedTables = new LinkedHashSet<>();
    private boolean localChangesWaiting;
    private volatile boolean stopped;
    private final AutoCloseable outboxSubscription;

    public SyncEngine(CacheDatabase database, RemoteTables remote, Clock clock, SyncSettings settings,
                      RandomGenerator random) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        // A live server is heard from at least once per watch interval (the periodic full pass).
        this.status = new SyncStatusTracker(database, outbox, conflicts, clock, settings.watchInterval().multipliedBy(2));
        this.remote = new AnswerRecordingRemote(remote, status);
        this.prefetcher = Executors.newFixedThreadPool(2, daemonThreads("sync-page-prefetch"));
        this.secondPullLane = Executors.newSingleThreadExecutor(daemonThreads("sync-pull-lane"));
        this.puller = new Puller(database, this.remote, outbox, clock, settings.pullPageSize(), prefetcher, secondPullLane);
        this.pusher = new Pusher(database, this.remote, outbox, conflicts, clock, settings.pushBatchSize());
        this.repositories = new Repositories(database, outbox, clock);
        this.cache = new LocalCache(database, outbox, clock);
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), random);
        this.outboxSubscription = database.changes().subscribe(Outbox.TABLE, this::localChangeQueued);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public Repositories repositories() {
        return repositories;
    }

    /** The typed query, transaction, change-notice and search API over this engine's cache. */
    public LocalCache cache() {
        return cache;
    }

    /**
     * The server's functions (claim, decline) over this port, reporting through this engine's
     * status and pulling what they changed into this engine's cache.
     */
    public ServerFunctions serverFunctions(FunctionPort port) {
        return new ServerFunctions(port, status, this::pullTables, this::forgetRow);
    }

    /** Removes a row from the cache only, when the server stopped showing it to this user (a declined lead). */
    private void forgetRow(String table, String id) {
        LocalRows rows = new LocalRows(database.catalog());
        database.write(connection -> {
            if (rows.delete(connection, table, id)) {
                database.markTouched(table, id);
            }
            return null;
        });
    }

    /** The names of the synced tables, in pull order (the cache catalog's). */
    public List<String> syncedTables() {
        return database.catalog().all().stream().map(SyncedTable::name).toList();
    }

    public SyncStatusTracker status() {
        return status;
    }

    /** One push + pull pass; a failure is reported to the status and rethrown. */
    public SyncReport syncOnce(Consumer<PullProgress> progress) throws RemoteException {
        passLock.lock();
        try {
            PushReport pushed = pusher.drain();
            int tablesTotal = database.catalog().all().size();
            int[] tablesDone = {0};
            Map<String, Long> pulled = puller.pullAll(p -> {
                if (p.initialSync()) {
                    if (p.tableDone()) {
                        tablesDone[0]++;
                    }
                    status.initialSyncProgress(new SyncStatus.InitialSyncProgress(p.table(), p.rowsThisRound(),
                            tablesDone[0], tablesTotal));
                }
                progress.accept(p);
            });
            // Changes queued while we were pulling go out in the same pass.
            pushed = pushed.plus(pusher.drain());
            status.succeeded();
            SyncStatus now = status.snapshot();
            return new SyncReport(pulled, pushed, now.conflicts().size(), now.quarantined().size());
        } catch (RemoteException e) {
            reportFailure(e);
            throw e;
        } finally {
            passLock.unlock();
        }
    }

    /** Passes until one succeeds, backing off (with jitter) on retryable failures; gives up at the deadline. */
    public SyncReport syncWithRetries(Duration within, Consumer<PullProgress> progress) throws RemoteException,
            InterruptedException {
        Instant deadline = clock.instant().plus(within);
        for (int attempt = 0; ; attempt++) {
            try {
                return syncOnce(progress);
            } catch (RemoteException e) {
                Duration delay = backoff.delay(attempt, e.retryAfter());
                if (!e.isRetryable() || clock.instant().plus(delay).isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(delay.toMillis());
            }
        }
    }

    /** Pulls only the given tables: a realtime event is a hint to look, never data to trust. */
    public Map<String, Long> pullTables(Collection<String> tables) throws RemoteException {
        passLock.lock();
        try {
            Map<String, Long> pulled = puller.pull(tables, p -> { });
            return pulled;
        } catch (RemoteException e) {
            reportFailure(e);
            throw e;
        } finally {
            passLock.unlock();
        }
    }

    /**
     * Sends the queued changes, then pulls {@code tables} again from scratch: their cursors
     * forgotten and their rows dropped (except rows with changes still queued), so rows the server
     * stopped showing this user go and rows it newly shows arrive even though no row changed — what
     * a changed company setting does to the lead pool. If the push fails nothing is forgotten; if
     * the pull fails, the forgotten cursors make the next pass pull those tables whole.
     */
    public Map<String, Long> pushThenPullAgain(Collection<String> tables) throws RemoteException {
        passLock.lock();
        try {
            pushOnly();
            for (String table : tables) {
                if (!database.catalog().contains(table)) {
                    throw new IllegalArgumentException("Not a synced table: " + table);
                }
                database.write(connection -> {
                    Set<String> keep = outbox.rowsWithPendingChanges(connection, table);
                    java.util.List<String> drop = new java.util.ArrayList<>();
                    try (java.sql.PreparedStatement ids = connection.prepareStatement("select id from \"" + table + "\"");
                         java.sql.ResultSet result = ids.executeQuery()) {
                        while (result.next()) {
                            if (!keep.contains(result.getString(1))) {
                                drop.add(result.getString(1));
                            }
                        }
                    }
                    try (java.sql.PreparedStatement delete = connection.prepareStatement(
                            "delete from \"" + table + "\" where id = ?")) {
                        for (String id : drop) {
                            delete.setString(1, id);
                            delete.addBatch();
                        }
                        delete.executeBatch();
                    }
                    try (java.sql.PreparedStatement cursor = connection.prepareStatement(
                            "delete from pull_cursors where table_name = ?")) {
                        cursor.setString(1, table);
                        cursor.executeUpdate();
                    }
                    database.markTouched(table);
                    return null;
                });
            }
            return puller.pull(tables, p -> { });
        } catch (RemoteException e) {
            reportFailure(e);
            throw e;
        } finally {
            passLock.unlock();
        }
    }

    /** Called by the realtime listener: the table changed on the server; the watch loop pulls it soon. */
    public void remoteChanged(String table) {
        if (!database.catalog().contains(table)) {
            return;
        }
        wakeLock.lock();
        try {
            requestedTables.add(table);
            wake.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    private void localChangeQueued() {
        wakeLock.lock();
        try {
            localChangesWaiting = true;
            wake.signalAll();
        } finally {
            wakeLock.unlock();
        }
        // The queue grew or shrank: say so now, not at the next pass — offline, that can be a
        // backoff away, and meanwhile a status bar read "All changes saved" over a pending row.
        status.publish();
    }

    /**
     * The watch loop (run it on a thread owned by the caller): a full pass now and every watch
     * interval, a push as soon as a local change is queued, a targeted pull when realtime says a
     * table changed; backoff with jitter after failures. Returns when {@link #close()} is called,
     * the thread is interrupted, or the session can no longer be refreshed.
     */
    public void watch(Consumer<SyncReport> afterPass, Consumer<RemoteException> onFailure) {
        int failures = 0;
        boolean fullPassDue = true;
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            Set<String> tables;
            boolean pushDue;
            wakeLock.lock();
            try {
                tables = new LinkedHashSet<>(requestedTables);
                requestedTables.clear();
                pushDue = localChangesWaiting;
                localChangesWaiting = false;
            } finally {
                wakeLock.unlock();
            }
            try {
                if (fullPassDue) {
                    afterPass.accept(syncOnce(p -> { }));
                    fullPassDue = false;
                } else {
                    if (pushDue) {
                        pushOnly();
                    }
                    if (!tables.isEmpty()) {
                        pullTables(tables);
                    }
                }
                failures = 0;
            } catch (SessionExpiredException e) {
                onFailure.accept(e);
                return;
            } catch (RemoteException e) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    // Closing (sign-out, window closed) interrupted a call: that is the stop, not a failure.
                    return;
                }
                onFailure.accept(e);
                fullPassDue = true;
                if (!sleepOrWake(backoff.delay(failures++, e.retryAfter()), false)) {
                    return;
                }
                continue;
            }
            if (!sleepOrWake(settings.watchInterval(), true)) {
                return;
            }
            if (!hasWakeReason()) {
                fullPassDue = true;
            }
        }
    }

    /** Drains the queue without pulling (the watch loop after a local change; the drain benchmark). */
    public PushReport pushQueued() throws RemoteException {
        return pushOnly();
    }

    private PushReport pushOnly() throws RemoteException {
        passLock.lock();
        try {
            PushReport report = pusher.drain();
            status.publish();
            return report;
        } catch (RemoteException e) {
            reportFailure(e);
            throw e;
        } finally {
            passLock.unlock();
        }
    }

    private boolean hasWakeReason() {
        wakeLock.lock();
        try {
            return localChangesWaiting || !requestedTables.isEmpty();
        } finally {
            wakeLock.unlock();
        }
    }

    /** Returns false when the loop must end. */
    private boolean sleepOrWake(Duration duration, boolean wakeEarly) {
        wakeLock.lock();
        try {
            long nanos = duration.toNanos();
            while (nanos > 0 && !stopped && !(wakeEarly && (localChangesWaiting || !requestedTables.isEmpty()))) {
                nanos = wake.awaitNanos(nanos);
            }
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            wakeLock.unlock();
        }
    }

    private void reportFailure(RemoteException e) {
        boolean signIn = e instanceof SessionExpiredException;
        String message = signIn ? "Your session has ended. Sign in again to keep syncing."
                : e.isRetryable() ? "Cannot reach the server; changes are kept and will sync when it is back."
                // A whole pass refused (not one change, which is quarantined on its own) is a mismatch
                // between this program and the server, nothing the user typed: say what it means
                // for them; the server's words go to whoever watches the failures (the log, the CLI).
                : "The server refused to sync with this computer, so its copy may be out of date. Your changes "
                + "are kept here; the log has the server's answer.";
        status.failed(message, e.isRetryable(), signIn);
    }

    /** Removes a quarantined change and puts the server's version of the row back in the cache. */
    public void dismissQuarantined(UUID mutationId) throws RemoteException {
        OutboxEntry entry = database.read(connection -> outbox.find(connection, mutationId))
                .filter(e -> e.state() == OutboxEntry.State.QUARANTINED)
                .orElseThrow(() -> new IllegalArgumentException("No quarantined change " + mutationId));
        ObjectNode serverRow = remote.fetchRow(entry.table(), entry.rowId()).orElse(null);
        RowRebuilder rebuilder = new RowRebuilder(new LocalRows(database.catalog()), outbox);
        database.write(connection -> {
            outbox.remove(connection, mutationId);
            rebuilder.rebuild(connection, entry.table(), entry.rowId(), serverRow);
            database.markTouched(entry.table());
            database.markTouched(Outbox.TABLE);
            return null;
        });
        status.publish();
    }

    /** Puts a quarantined change back in the queue (e.g. after the user fixed what the server refused). */
    public void retryQuarantined(UUID mutationId) {
        database.write(connection -> {
            outbox.requeue(connection, mutationId);
            database.markTouched(Outbox.TABLE);
            return null;
        });
        status.publish();
    }

    public void dismissConflict(long conflictId) {
        database.write(connection -> {
            if (!conflicts.remove(connection, conflictId)) {
                throw new IllegalArgumentException("No conflict " + conflictId);
            }
            database.markTouched(ConflictLog.TABLE);
            return null;
        });
        status.publish();
    }

    /** Makes the user's value of a conflicting field win after all: a new queued change on today's row. */
    public void reapplyConflict(long conflictId) {
        database.write(connection -> {
            ConflictRecord record = conflicts.find(connection, conflictId)
                    .orElseThrow(() -> new IllegalArgumentException("No conflict " + conflictId));
            ObjectNode change = Json.object();
            change.set(record.column(), record.localValue());
            repositories.table(record.table()).updateWithin(connection, record.rowId(), change);
            conflicts.remove(connection, conflictId);
            database.markTouched(ConflictLog.TABLE);
            return null;
        });
        status.publish();
    }

    public Map<String, Long> rowsPerTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        database.catalog().all().forEach(t -> counts.put(t.name(), (long) repositories.table(t.name()).count()));
        return counts;
    }

    @Override
    public void close() {
        stopped = true;
        prefetcher.shutdownNow();
        secondPullLane.shutdownNow();
        wakeLock.lock();
        try {
            wake.signalAll();
        } finally {
            wakeLock.unlock();
        }
        try {
            outboxSubscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
