package com.fielddesk.cache.live;

import com.fielddesk.cache.http.SupabaseRemoteTables;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.Await;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeClient;
import com.fielddesk.supabase.realtime.RealtimeOptions;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.LEAD_POOL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realtime hints against a running local-backend: when realtime cannot be reached (a blocked
 * WebSocket), the pool is still pulled on the fallback poll, so a new lead arrives anyway; when it
 * can, the channel joins and events — not a full pass, not the poll — bring changes of any
 * synced table. (Moved from the desktop's LiveUpdatesTest with its assertions.)
 */
class RealtimeHintsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration NEVER = Duration.ofMinutes(10);

    @TempDir
    Path folder;

    @Test
    void withRealtimeUnreachableThePoolIsPolledAndANewLeadStillArrives() throws Exception {
        try (Synced synced = new Synced(folder)) {
            // Port 1 refuses connections: the WebSocket never opens, the channel never joins.
            RealtimeClient blocked = new RealtimeClient(HttpUrl.get("http://127.0.0.1:1"), synced.backend.anonKey(),
                    new OkHttpClient(), SupabaseJson.defaultMapper(), RealtimeOptions.DEFAULT, synced.backend.anonKey());
            try (RealtimeHints live = new RealtimeHints(blocked, synced.engine)) {
                live.start(synced.timers, Duration.ofMillis(300));
                synced.awaitFirstPass();
                UUID lead = synced.openLead();
                Await.until("the new lead is in the cache", DEADLINE, () -> synced.poolHas(lead));
                assertThat(live.live()).isFalse();
            } finally {
                blocked.close();
            }
        }
    }

    @Test
    void withRealtimeReachableTheChannelJoinsAndEventsBringChanges() throws Exception {
        try (Synced synced = new Synced(folder)) {
            try (RealtimeHints live = new RealtimeHints(synced.client.realtime(), synced.engine)) {
                assertThat(live.tables()).as("every synced table of the catalog")
                        .containsExactlyInAnyOrderElementsOf(synced.engine.syncedTables());
                live.start(synced.timers, NEVER);
                Await.until("the realtime channel joined", DEADLINE, live::live);
                synced.awaitFirstPass();
                UUID lead = synced.openLead();
                Await.until("the new lead is in the cache", DEADLINE, () -> synced.poolHas(lead));
                // A table the old hand-written list (pool, requests, jobs) did not watch.
                UUID customer = synced.tenants.customer(synced.company, "Realtime Rita");
                UUID invoice = synced.tenants.insertReturningId(
                        "insert into public.invoices (company_id, customer_id) values (?, ?) returning id",
                        synced.company.id(), customer);
                Await.until("the new invoice is in the cache", DEADLINE, () -> synced.engine.cache()
                        .count(Query.from(INVOICES).where(INVOICES.id.eq(invoice))) == 1);
            }
        }
    }

    /** A signed-in client, a cache and a sync engine whose watch loop runs with no periodic full pass. */
    private static final class Synced implements AutoCloseable {
        final TestBackend backend = TestBackend.shared();
        final TenantFixtures tenants = backend.tenants();
        final String postalCode = "R" + UUID.randomUUID().toString().substring(0, 6);
        final TenantFixtures.Company company;
        final SupabaseClient client;
        final CacheDatabase cache;
        final SyncEngine engine;
        final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService watchThread = Executors.newSingleThreadExecutor();

        Synced(Path folder) {
            company = tenants.company("Live " + postalCode, TenantFixtures.LeadPreferences.serving("hvac", postalCode));
            TestBackend.SignedInUser user = backend.staff(company, "dispatcher");
            client = new SupabaseClient(SupabaseConfig.of(backend.url().toString(), backend.anonKey()),
                    new InMemorySessionStore());
            client.auth().signInWithPassword(user.email(), user.password());
            cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
            engine = new SyncEngine(cache, new SupabaseRemoteTables(client), Clock.systemUTC(),
                    SyncSettings.defaults().withWatchInterval(NEVER), RandomGenerator.getDefault());
            watchThread.execute(() -> engine.watch(report -> { }, failure -> { }));
        }

        UUID openLead() {
            return tenants.openLead("hvac", postalCode);
        }

        void awaitFirstPass() throws InterruptedException {
            Await.until("a first successful sync", DEADLINE, () -> engine.status().snapshot().lastSuccessfulSync() != null);
        }

        boolean poolHas(UUID lead) {
            return engine.cache().count(Query.from(LEAD_POOL).where(LEAD_POOL.id.eq(lead))) == 1;
        }

        @Override
        public void close() {
            engine.close();
            timers.shutdownNow();
            watchThread.shutdownNow();
            client.close();
            cache.close();
        }
    }
}
