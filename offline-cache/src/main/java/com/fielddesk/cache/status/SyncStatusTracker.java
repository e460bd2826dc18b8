package com.fielddesk.cache.status;

import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Keeps the live part of the status (online, error, progress) and reads the durable part (queue,
 * quarantine, conflicts, last sync) from the cache, so the status is right after a restart too.
 *
 * <p>"Online" means the server answered recently: within {@code answeredWithin} of now, and no
 * call has failed to reach it since. Only real answers count ({@link #serverAnswered()}, called for
 * every remote call the server answered); a pass that sent nothing (an empty queue) proves nothing.
 */
public final class SyncStatusTracker {

    private static final String LAST_SYNC_KEY = "last_successful_sync";

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

    /** The server answered a call (successfully or with a refusal: either way it is reachable). */
    public void serverAnswered() {
        boolean wasOnline = isOnline();
        lastAnswer = clock.instant();
        unreachableSinceAnswer = false;
        if (!wasOnline) {
            publish();
        }
    }

    /** A call did not reach the server or got no usable answer (network error, timeout, 5xx). */
    public void serverUnreachable() {
        unreachableSinceAnswer = true;
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

    public void initialSyncProgress(SyncStatus.InitialSyncProgress progress) {
        initialSync = progress;
        publish();
    }

    public void publish() {
        if (listeners.isEmpty()) {
            return;
        }
        SyncStatus status = snapshot();
        for (Consumer<SyncStatus> listener : listeners) {
            listener.accept(status);
        }
    }
}
