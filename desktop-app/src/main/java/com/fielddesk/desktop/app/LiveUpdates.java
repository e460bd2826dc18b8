package com.fielddesk.desktop.app;

import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.supabase.realtime.ChangeType;
import com.fielddesk.supabase.realtime.PostgresChangesFilter;
import com.fielddesk.supabase.realtime.RealtimeChannel;
import com.fielddesk.supabase.realtime.RealtimeClient;
import com.fielddesk.supabase.realtime.RealtimeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Realtime as a hint, never as data: a row change on a table the console shows makes the sync
 * engine pull that table; a reconnect (Realtime does not replay what was missed) pulls every
 * table; a lost connection pulls the pool at once, so a server that went away shows as offline
 * without waiting for the next full pass. While the channel is not joined the pool is polled.
 *
 * <p>Realtime callbacks run on OkHttp's WebSocket thread; they only wake the engine's watch loop.
 */
final class LiveUpdates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** The published tables the console shows (lead pool, My leads, their jobs). */
    static final List<String> WATCHED_TABLES = List.of("lead_pool", "service_requests", "work_orders");
    static final String CHANNEL_NAME = "fielddesk-console";

    private final RealtimeClient realtime;
    private final SyncEngine sync;
    private final Collection<String> allTables;
    private final RealtimeChannel channel;
    private final RealtimeListener connectionListener;
    private volatile boolean joined;
    private final List<java.util.function.Consumer<Boolean>> liveListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledFuture<?> poolPoll;

    LiveUpdates(RealtimeClient realtime, SyncEngine sync, Collection<String> allTables) {
        this.realtime = realtime;
        this.sync = sync;
        this.allTables = List.copyOf(allTables);
        this.channel = realtime.channel(CHANNEL_NAME);
        this.connectionListener = new RealtimeListener() {
            @Override
            public void onConnectionStateChanged(ConnectionState state) {
                if (state == ConnectionState.DISCONNECTED) {
                    // Maybe the server is gone, maybe only the socket: a real call tells which.
                    sync.remoteChanged("lead_pool");
                }
            }

            @Override
            public void onResyncRequired() {
                log.info("Realtime is back; pulling every table for what it missed");
                allTables.forEach(sync::remoteChanged);
            }
        };
    }

    /** Subscribes and connects; polls the pool on {@code timers} whenever the channel is not joined. */
    void start(ScheduledExecutorService timers, LiveUpdateTimings timings) {
        for (String table : WATCHED_TABLES) {
            channel.onPostgresChanges(PostgresChangesFilter.table("public", table).on(ChangeType.ALL),
                    event -> sync.remoteChanged(table));
        }
        channel.onStateChanged(state -> {
            boolean nowJoined = state == RealtimeChannel.State.JOINED;
            if (nowJoined && !joined) {
                // Changes between the last pull and the join reached nobody: look once.
                WATCHED_TABLES.forEach(sync::remoteChanged);
            }
            boolean changed = nowJoined != joined;
            joined = nowJoined;
            if (changed) {
                liveListeners.forEach(listener -> listener.accept(nowJoined));
            }
        });
        realtime.addListener(connectionListener);
        channel.subscribe();
        realtime.connect();
        long every = timings.poolPollWithoutRealtime().toMillis();
        poolPoll = timers.scheduleWithFixedDelay(() -> {
            if (!joined) {
                sync.remoteChanged("lead_pool");
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Tells the listener (on a realtime thread) whenever live updates start or stop arriving. */
    AutoCloseable onLiveChange(java.util.function.Consumer<Boolean> listener) {
        liveListeners.add(listener);
        return () -> liveListeners.remove(listener);
    }

    /** Whether row changes currently arrive live (the channel is joined). */
    boolean live() {
        return joined;
    }

    @Override
    public void close() {
        if (poolPoll != null) {
            poolPoll.cancel(false);
        }
        channel.unsubscribe();
        realtime.disconnect();
    }
}
