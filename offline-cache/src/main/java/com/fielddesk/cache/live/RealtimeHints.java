package com.fielddesk.cache.live;

import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.supabase.realtime.ChangeType;
import com.fielddesk.supabase.realtime.PostgresChangesFilter;
import com.fielddesk.supabase.realtime.RealtimeChannel;
import com.fielddesk.supabase.realtime.RealtimeClient;
import com.fielddesk.supabase.realtime.RealtimeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Realtime as a hint, never as data: a row change on a synced table makes the sync engine pull
 * that table (the event's body is not read); a reconnect (Realtime does not replay what was
 * missed) pulls every table; a lost connection pulls the pool at once, so a server that went
 * away shows as offline without waiting for the next full pass. While the channel is not joined
 * the pool is polled. Whether changes arrive live is reported to listeners.
 *
 * <p>The tables are the cache catalog's synced tables. The channel listens to the whole
 * {@code public} schema and keeps the events of those tables: one subscription per table would
 * make the server refuse the whole channel while any synced table is not (yet) in its realtime
 * publication, and then no table would be live.
 *
 * <p>Realtime callbacks run on the WebSocket's thread; they only wake the engine's watch loop.
 */
public final class RealtimeHints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeHints.class);

    public static final String CHANNEL_NAME = "fielddesk-cache";
    /** The table polled while realtime is not joined: new leads are what must not wait for a full pass. */
    public static final String POLLED_TABLE = "lead_pool";

    private final RealtimeClient realtime;
    private final SyncEngine sync;
    private final Set<String> syncedTables;
    private final RealtimeChannel channel;
    private final RealtimeListener connectionListener;
    private final List<Consumer<Boolean>> liveListeners = new CopyOnWriteArrayList<>();
    private volatile boolean joined;
    private ScheduledFuture<?> poolPoll;

    public RealtimeHints(RealtimeClient realtime, SyncEngine sync) {
        this.realtime = realtime;
        this.sync = sync;
        this.syncedTables = Set.copyOf(sync.syncedTables());
        this.channel = realtime.channel(CHANNEL_NAME);
        this.connectionListener = new RealtimeListener() {
            @Override
            public void onConnectionStateChanged(ConnectionState state) {
                if (state == ConnectionState.DISCONNECTED) {
                    // Maybe the server is gone, maybe only the socket: a real call tells which.
                    sync.remoteChanged(POLLED_TABLE);
                }
            }

            @Override
            public void onResyncRequired() {
                LOG.info("Realtime is back; pulling every table for what it missed");
                pullEveryTable();
            }
        };
    }

    /** The synced tables whose changes are hints (the catalog's). */
    public Set<String> tables() {
        return syncedTables;
    }

    /** Subscribes and connects; polls the pool on {@code timers} every {@code pollWithoutRealtime} while not joined. */
    public void start(ScheduledExecutorService timers, Duration pollWithoutRealtime) {
        channel.onPostgresChanges(PostgresChangesFilter.table("public", "*").on(ChangeType.ALL), event -> {
            if (syncedTables.contains(event.table())) {
                sync.remoteChanged(event.table());
            }
        });
        channel.onStateChanged(state -> {
            boolean nowJoined = state == RealtimeChannel.State.JOINED;
            if (nowJoined && !joined) {
                // Changes between the last pull and the join reached nobody: look once.
                pullEveryTable();
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
        long every = pollWithoutRealtime.toMillis();
        poolPoll = timers.scheduleWithFixedDelay(() -> {
            if (!joined) {
                sync.remoteChanged(POLLED_TABLE);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void pullEveryTable() {
        syncedTables.forEach(sync::remoteChanged);
    }

    /** Tells the listener (on a realtime thread) whenever live updates start or stop arriving. */
    public AutoCloseable onLiveChange(Consumer<Boolean> listener) {
        liveListeners.add(listener);
        return () -> liveListeners.remove(listener);
    }

    /** Whether row changes currently arrive live (the channel is joined). */
    public boolean live() {
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
