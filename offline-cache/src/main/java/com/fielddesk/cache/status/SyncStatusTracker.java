package com.fielddesk.cache.status;

import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.CacheDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the live part of the status (online, error, progress) and reads the durable part (queue,
 * quarantine, conflicts, last sync) from the cache, so the status is right after a restart too.
 *
 * <p>"Online" means the server answered recently: within {@code answeredWithin} of now, and no
 * call has failed to reach it since. Only real answers count ({@link #serverAnswered()}, called for
 * every remote call the server answered); a pass that sent nothing (an empty queue) proves nothing.
 *
 * <p>Listeners hear about every change of "online": an answer after silence or a failure, a call
 * that did not reach the server, and — once {@link #publishWhenOnlineExpires} is running — the last
 * answer growing too old with no call at all (a server that hangs instead of refusing).
 */
public final class SyncStatusTracker {

    private static final String LAST_SYNC_KEY = "last_successful_sync";
    /** How often an initial sync's row counts reach listeners at most (a status line read by people). */
    static final Duration PROGRESS_PUBLISH_GAP = Duration.ofMillis(200);

    private final CacheDatabase database;
    private final Outbox outbox;
    private final ConflictLog conflicts;
    private final Clock clock;
    private final CopyOnWriteArrayList<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();

    private final Duration answeredWithin;
    private volatile Instant lastAnswer;
    private volatile boolean unreachableSinceAnswer;
    private volatile String currentError;
    private volatile boolean signInRequired;
    private volatile SyncStatus.InitialSyncProgress initialSync;
    /** {@link System#nanoTime()} of the last progress publish (only the sync thread reports progress). */
    private long lastProgressPublished;
    private final Object expiryLock = new Object();
    private final Object publishLock = new Object();
    private ScheduledExecutorService expiryTimers;
    private ScheduledFuture<?> expiryCheck;

    /** @param answeredWithin how old the server's last answer may be for the status to say online */
    public SyncStatusTracker(CacheDatabase database, Outbox outbox, ConflictLog conflicts, Clock clock,
                             Duration answeredWithin) {
        this.database = database;
        this.outbox = outbox;
        this.conflicts = conflicts;
        this.clock = clock;
        this.answeredWithin = answeredWithin;
    }

    public SyncStatus snapshot() {
        boolean online = isOnline();
        return database.read(connection -> {
            Instant oldest = outbox.oldestPendingCreatedAt(connection).orElse(null);
            return new SyncStatus(online, outbox.pendingCount(connection),
                    oldest == null ? null : Duration.between(oldest, clock.instant()), lastSuccessfulSync(connection),
                    currentError, signInRequired, outbox.quarantined(connection), conflicts.list(connection), initialSync);
        });
    }

    private static Instant lastSuccessfulSync(java.sql.Connection connection) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement("select value from sync_meta where key = ?")) {
            query.setString(1, LAST_SYNC_KEY);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Instant.parse(rows.getString(1)) : null;
            }
        }
    }

    public AutoCloseable subscribe(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void succeeded() {
        Instant now = clock.instant();
        database.write(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "insert into sync_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")) {
                upsert.setString(1, LAST_SYNC_KEY);
                upsert.setString(2, now.toString());
                upsert.executeUpdate();
            }
            return null;
        });
        currentError = null;
        signInRequired = false;
        initialSync = null;
        publish();
    }

    /** A call to the server (a sync read or write, a server function). */
    @FunctionalInterface
    public interface RemoteCall<T> {
        T run() throws RemoteException;
    }

    /**
     * Runs a call to the server and records what it proved: an answer (a result, or a refusal such
     * as a 4xx or an expired session) means reachable; a retryable failure (network error,
     * timeout, 5xx) means not. Every remote call of the engine and of the server functions goes
     * through here, so "online" follows real answers.
     */
    public <T> T recorded(RemoteCall<T> call) throws RemoteException {
        T answer;
        try {
            answer = call.run();
        } catch (RemoteException e) {
            if (e.isRetryable()) {
                serverUnreachable();
            } else {
                serverAnswered();
            }
            throw e;
        }
        serverAnswered();
        return answer;
    }

    /** The server answered a call (successfully or with a refusal: either way it is reachable). */
    public void serverAnswered() {
        boolean wasOnline = isOnline();
        lastAnswer = clock.instant();
        unreachableSinceAnswer = false;
        if (!wasOnline) {
            scheduleExpiryCheck();
            publish();
        }
    }

    /** A call did not reach the server or got no usable answer (network error, timeout, 5xx). */
    public void serverUnreachable() {
        boolean wasOnline = isOnline();
        unreachableSinceAnswer = true;
        if (wasOnline) {
            publish();
        }
    }

    /** Whether the server answered recently (no database read: cheap enough for any thread). */
    public boolean online() {
        return isOnline();
    }

    /**
     * Publishes the status when "online" runs out by age alone, using {@code timers} to wake up
     * when the last answer gets too old. Without this, a server that stops answering (a hung
     * call, a sleeping laptop's dead socket) would read as online until some call failed.
     * Closing the returned handle stops it.
     */
    public AutoCloseable publishWhenOnlineExpires(ScheduledExecutorService timers) {
        synchronized (expiryLock) {
            expiryTimers = timers;
        }
        scheduleExpiryCheck();
        return () -> {
            synchronized (expiryLock) {
                expiryTimers = null;
                if (expiryCheck != null) {
                    expiryCheck.cancel(false);
                    expiryCheck = null;
                }
            }
        };
    }

    /** One check at the moment the current "online" would expire; answers since then move it on. */
    private void scheduleExpiryCheck() {
        synchronized (expiryLock) {
            Instant answered = lastAnswer;
            if (expiryTimers == null || answered == null) {
                return;
            }
            if (expiryCheck != null) {
                expiryCheck.cancel(false);
            }
            long delayMillis = Math.max(0, Duration.between(clock.instant(), answered.plus(answeredWithin)).toMillis()) + 1;
            expiryCheck = expiryTimers.schedule(this::checkExpiry, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void checkExpiry() {
        if (isOnline()) {
            // Answered again meanwhile (answers while online do not reschedule): wait for the new expiry.
            scheduleExpiryCheck();
        } else {
            publish();
        }
    }

    private boolean isOnline() {
        Instant answered = lastAnswer;
        return answered != null && !unreachableSinceAnswer && !clock.instant().isAfter(answered.plus(answeredWithin));
    }

    public void failed(String error, boolean offline, boolean needsSignIn) {
        if (offline) {
            unreachableSinceAnswer = true;
        }
        currentError = error;
        signInRequired = needsSignIn;
        publish();
    }

    /**
     * Records how far an initial sync is. Listeners hear each table's start and end at once, and the
     * row counts in between at most every {@link #PROGRESS_PUBLISH_GAP}: a status snapshot reads the
     * cache, and one per page (hundreds a second on a fast network) slowed the very sync it reports.
     */
    public void initialSyncProgress(SyncStatus.InitialSyncProgress progress) {
        SyncStatus.InitialSyncProgress before = initialSync;
        initialSync = progress;
        long now = System.nanoTime();
        boolean tableChanged = before == null || !before.table().equals(progress.table())
                || before.tablesDone() != progress.tablesDone();
        if (tableChanged || now - lastProgressPublished >= PROGRESS_PUBLISH_GAP.toNanos()) {
            lastProgressPublished = now;
            publish();
        }
    }

    /**
     * Tells every listener the current status. Serialised, so listeners receive snapshots in the
     * order they were taken (a stale "online" from one thread cannot overtake a newer "offline").
     */
    public void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        synchronized (publishLock) {
            SyncStatus status = snapshot();
            for (Consumer<SyncStatus> listener : listeners) {
                listener.accept(status);
            }
        }
    }
}
