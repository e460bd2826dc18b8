package com.fielddesk.desktop.app;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeClient;
import com.fielddesk.supabase.realtime.RealtimeOptions;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates against a running local-backend: when realtime cannot be reached (a blocked
 * WebSocket), the pool is still pulled on the fallback poll, so a new lead arrives anyway; when it
 * can, the channel joins and the full-pass fallback is not what brings changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveUpdatesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration NEVER = Duration.ofMinutes(10);

    private ConsoleBackend backend;

    @BeforeAll
    void startBackend() {
        backend = new ConsoleBackend();
    }

    @AfterAll
    void stopBackend() {
        backend.close();
    }

    @Test
    void withRealtimeUnreachableThePoolIsPolledAndANewLeadStillArrives(@TempDir Path folder) throws Exception {
        try (Synced synced = new Synced(folder, backend)) {
            // Port 1 refuses connections: the WebSocket never opens, the channel never joins.
            RealtimeClient blocked = new RealtimeClient(HttpUrl.get("http://127.0.0.1:1"), backend.endpoint().anonKey(),
                    new OkHttpClient(), SupabaseJson.defaultMapper(), RealtimeOptions.DEFAULT, backend.endpoint().anonKey());
            try (LiveUpdates live = new LiveUpdates(blocked, synced.engine, synced.cache.catalog().all().stream()
                    .map(table -> table.name()).toList())) {
                live.start(synced.timers, new LiveUpdateTimings(NEVER, Duration.ofMillis(300)));
                synced.awaitFirstPass();
                UUID lead = backend.openLead("Boiler pressure keeps dropping", false);
                Fx.awaitOffFx("the new lead is in the cache", DEADLINE, () -> synced.poolHas(lead));
                assertThat(live.live()).isFalse();
            } finally {
                blocked.close();
            }
        }
    }

    @Test
    void withRealtimeReachableTheChannelJoinsAndEventsBringChanges(@TempDir Path folder) throws Exception {
        try (Synced synced = new Synced(folder, backend)) {
            try (LiveUpdates live = new LiveUpdates(synced.client.realtime(), synced.engine, synced.cache.catalog().all()
                    .stream().map(table -> table.name()).toList())) {
                live.start(synced.timers, new LiveUpdateTimings(NEVER, NEVER));
                Fx.awaitOffFx("the realtime channel joined", DEADLINE, live::live);
                synced.awaitFirstPass();
                UUID lead = backend.openLead("Water heater pilot out", true);
                Fx.awaitOffFx("the new lead is in the cache", DEADLINE, () -> synced.poolHas(lead));
            }
        }
    }

    /** A signed-in client, a cache and a sync engine whose watch loop runs with no periodic full pass. */
    private static final class Synced implements AutoCloseable {
        final SupabaseClient client;
        final CacheDatabase cache;
        final SyncEngine engine;
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService watchThread = Executors.newSingleThreadExecutor();

        Synced(Path folder, ConsoleBackend backend) {
            client = new SupabaseClient(SupabaseConfig.of(backend.endpoint().url().toString(), backend.endpoint().anonKey()),
                    new InMemorySessionStore());
            client.auth().signInWithPassword(backend.acmeDispatcher.email(), backend.acmeDispatcher.password());
            cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
            engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(),
                    SyncSettings.defaults().withWatchInterval(NEVER), RandomGenerator.getDefault());
            watchThread.execute(() -> engine.watch(report -> { }, failure -> { }));
        }

        void awaitFirstPass() {
            Fx.awaitOffFx("a first successful sync", DEADLINE, () -> engine.status().snapshot().lastSuccessfulSync() != null);
        }

        boolean poolHas(UUID lead) {
            return engine.repositories().table("lead_pool").get(lead.toString()).isPresent();
        }

        @Override
        public void close() throws Exception {
            engine.close();
            timers.shutdownNow();
            watchThread.shutdownNow();
            client.close();
            cache.close();
        }
    }
}
