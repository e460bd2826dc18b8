package com.fielddesk.desktop.app;

import com.fielddesk.cache.calls.ServerFunctions;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.live.RealtimeHints;
import com.fielddesk.cache.pull.PullProgress;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.desktop.signin.Workspace;
import com.fielddesk.domain.audit.AuditEvents;
import com.fielddesk.domain.audit.AuditUnavailableException;
import com.fielddesk.supabase.SupabaseClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One signed-in user in one workspace: the Supabase client, the user's cache and the sync engine,
 * plus the threads that keep the cache fresh. Everything it starts, {@link #close()} stops.
 */
public final class ConsoleSession implements AutoCloseable {

    private final Workspace workspace;
    private final SupabaseClient supabase;
    private final CacheDatabase cache;
    private final SyncEngine sync;
    private final UUID userId;
    private final String email;
    private final boolean openedOffline;
    private final ExecutorService syncThread;
    /** Set when syncing stops (sign-out, close): a pass cut short by it is not a failure. */
    private volatile boolean closing;
    private final ScheduledExecutorService timers;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final LiveUpdateTimings timings;
    private final RealtimeHints liveUpdates;
    private final ServerFunctions serverFunctions;

    ConsoleSession(Workspace workspace, SupabaseClient supabase, CacheDatabase cache, UUID userId, String email,
                   boolean openedOffline, Clock clock, LiveUpdateTimings timings) {
        this.workspace = workspace;
        this.supabase = supabase;
        this.cache = cache;
        this.userId = userId;
        this.email = email;
        this.openedOffline = openedOffline;
        // "Online" is the engine's flag: the server answered within two full-sync intervals and
        // nothing has failed to reach it since.
        this.sync = new SyncEngine(cache, new SupabaseRemoteTables(supabase), clock,
                SyncSettings.defaults().withBackoff(Duration.ofMillis(250), Duration.ofSeconds(5))
                        .withWatchInterval(timings.fullSyncInterval()), RandomGenerator.getDefault());
        if (!openedOffline) {
            // Auth just answered the sign-in (or accepted the remembered session): the console opens
            // online; the first sync pass, started at once, says otherwise within the connect timeout.
            sync.status().serverAnswered();
        }
        this.timings = timings;
        this.liveUpdates = new RealtimeHints(supabase.realtime(), sync);
        // Claim and decline report through the engine's status, so a failed one says offline too.
        this.serverFunctions = sync.serverFunctions(new SupabaseFunctionPort(supabase));
        this.syncThread = Executors.newSingleThreadExecutor(daemon("fielddesk-sync"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("fielddesk-timers"));
    }

    /**
     * Starts syncing: the engine's watch loop (full pass every {@link LiveUpdateTimings#fullSyncInterval()}),
     * token refresh (the client hands each new token to the realtime channels), and realtime hints.
     */
    public void start(Consumer<RemoteException> onSyncFailure) {
        // The status bar must turn offline when answers stop, even while a call hangs.
        running.add(sync.status().publishWhenOnlineExpires(timers));
        syncThread.execute(() -> {
            try {
                sync.watch(report -> { }, onSyncFailure);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // close() stopped the engine's helper threads during a pass: the pass ends with the session.
                if (!closing) {
                    throw stopped;
                }
            }
        });
        running.add(supabase.auth().startAutoRefresh(timers, Duration.ofSeconds(30)));
        liveUpdates.start(timers, timings.poolPollWithoutRealtime());
    }

    /**
     * Runs a first sync on the sync thread and returns at once; {@link #start} queues the watch loop
     * behind it. {@code onPage} hears each pulled page (on the sync thread), then either
     * {@code onFailure} or {@code onDone}.
     */
    void startFirstSync(Consumer<PullProgress> onPage, Consumer<Exception> onFailure, Runnable onDone) {
        syncThread.execute(() -> {
            try {
                sync.syncOnce(onPage);
                onDone.run();
            } catch (RemoteException | RuntimeException e) {
                // A cache failure too: the sign-in must not wait for ever; the watch loop reports it.
                onFailure.accept(e);
            }
        });
    }

    /** Tells the listener (on a realtime thread) whenever live updates start or stop arriving. */
    public AutoCloseable onLiveUpdatesChange(Consumer<Boolean> listener) {
        return liveUpdates.onLiveChange(listener);
    }

    /** Whether server changes currently arrive live over realtime (otherwise the pool is polled). */
    public boolean liveUpdatesConnected() {
        return liveUpdates.live();
    }

    /** The sync engine's "online": the server answered recently and no call has failed since. */
    public boolean serverReachable() {
        return sync.status().online();
    }

    /** Claim and decline a lead (the server's functions, through the cache). */
    public ServerFunctions serverFunctions() {
        return serverFunctions;
    }

    public Repositories repositories() {
        return sync.repositories();
    }

    public SyncEngine sync() {
        return sync;
    }

    public SyncStatus status() {
        return sync.status().snapshot();
    }

    /**
     * The user's cache file, for the parts the composition root wires to it directly (the audit
     * log's witnessed heads, the invoice PDF upload queue and its receipts).
     */
    public CacheDatabase cacheDatabase() {
        return cache;
    }

    public SupabaseClient supabase() {
        return supabase;
    }

    public Workspace workspace() {
        return workspace;
    }

    public UUID userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public boolean openedOffline() {
        return openedOffline;
    }

    /**
     * Ends the session on the server (best effort) and forgets it on this machine; first the
     * sign-out goes into the company's audit log while the token still works (best effort too).
     * Syncing stops before either: a pass that started after the server ended the session would
     * only fail and say so.
     */
    public void signOut() {
        stopSyncing();
        try {
            new AuditEvents(new SupabaseFunctionPort(supabase)).recordSignOut();
        } catch (AuditUnavailableException e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleSession.class).warn("Could not record the sign-out in the audit log ({})",
                    e.reason());
        }
        supabase.auth().signOut();
    }

    @Override
    public void close() {
        stopSyncing();
        supabase.close();
        cache.close();
    }

    /** Whether the watch loop may still run a pass (false once syncing stopped and its thread ended). */
    boolean syncing() {
        return !syncThread.isTerminated();
    }

    /** Stops realtime, the watch loop, token refresh and the timers; the client and the cache stay open. */
    private synchronized void stopSyncing() {
        if (closing) {
            return;
        }
        closing = true;
        liveUpdates.close();
        sync.close();
        for (AutoCloseable resource : running) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop " + resource, e);
            }
        }
        timers.shutdownNow();
        syncThread.shutdownNow();
        try {
            syncThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
