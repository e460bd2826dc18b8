package com.fielddesk.cache.sync;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.FaultProxy;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "Online" in the sync status means the server answered recently — over real HTTP to a running
 * local-backend, through a proxy that can take the server away.
 */
class OnlineStatusTest {

    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void aStoppedServerReadsOfflineEvenAfterAPassWithNothingToSend() throws Exception {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        tenant.insertWorkOrders(3, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        AdjustableClock clock = new AdjustableClock();
        try (FaultProxy proxy = new FaultProxy(backend.url(), 1);
             SupabaseClient client = BackendAccounts.signedInClient(proxy.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase database = CacheDatabase.open(folder.resolve("online.db"));
             SyncEngine engine = new SyncEngine(database, BackendAccounts.remote(client), clock,
                     SyncSettings.defaults().withWatchInterval(WATCH_INTERVAL), new SplittableRandom(1))) {
            assertThat(engine.status().snapshot().online()).as("nothing heard yet").isFalse();
            engine.syncOnce(p -> { });
            assertThat(engine.status().snapshot().online()).isTrue();

            proxy.setOffline(true);
            assertThatThrownBy(() -> engine.syncOnce(p -> { })).isInstanceOf(RemoteException.class);
            assertThat(engine.status().snapshot().online()).isFalse();
            engine.pushQueued();
            assertThat(engine.status().snapshot().online()).as("an empty queue drained proves nothing").isFalse();

            proxy.setOffline(false);
            engine.syncOnce(p -> { });
            assertThat(engine.status().snapshot().online()).isTrue();
            clock.advance(WATCH_INTERVAL.multipliedBy(2).plusSeconds(1));
            assertThat(engine.status().snapshot().online()).as("the last answer is too old").isFalse();
            engine.pushQueued();
            assertThat(engine.status().snapshot().online()).isFalse();
            engine.pullTables(java.util.List.of("work_orders"));
            assertThat(engine.status().snapshot().online()).as("a fresh answer").isTrue();
        }
    }

    /** The system clock plus an offset the test moves forward. */
    private static final class AdjustableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
