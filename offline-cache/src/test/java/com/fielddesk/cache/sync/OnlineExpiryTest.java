package com.fielddesk.cache.sync;

import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.Await;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Online" ages out without any call (the last answer is older than two watch intervals), and the
 * status is published when it does — so a screen that only listens is not left saying "online"
 * after the server went quiet. Real HTTP to a running local-backend; the real clock.
 */
class OnlineExpiryTest {

    /** Online lasts two of these after an answer: short enough to watch it expire in the test. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(300);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    void onlineThatAgesOutIsPublishedWithoutACallAndAFreshAnswerBringsItBack() throws Exception {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        List<SyncStatus> published = new CopyOnWriteArrayList<>();
        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase database = CacheDatabase.open(folder.resolve("expiry.db"));
             SyncEngine engine = new SyncEngine(database, BackendAccounts.remote(client), Clock.systemUTC(),
                     SyncSettings.defaults().withWatchInterval(WATCH_INTERVAL), new SplittableRandom(1));
             AutoCloseable listening = engine.status().subscribe(published::add);
             AutoCloseable expiry = engine.status().publishWhenOnlineExpires(timers)) {
            engine.syncOnce(p -> { });
            assertThat(engine.status().online()).isTrue();
            assertThat(published).as("the first answer is published").anyMatch(SyncStatus::online);

            // No call from here on: only the ageing rule can turn the status offline.
            int before = published.size();
            Await.until("an offline status is published with no call", DEADLINE, () -> published.stream().skip(before)
                    .anyMatch(status -> !status.online()));
            assertThat(engine.status().online()).isFalse();
            assertThat(published.get(published.size() - 1).online()).as("the latest published status").isFalse();

            // Answers while online move the expiry on; it still comes once the answers stop.
            engine.pullTables(List.of("work_orders"));
            engine.pullTables(List.of("work_orders"));
            int afterReturn = published.size();
            assertThat(published.subList(before, afterReturn)).as("back online is published").anyMatch(SyncStatus::online);
            Await.until("offline is published again once the answers stop", DEADLINE, () -> published.stream().skip(afterReturn)
                    .anyMatch(status -> !status.online()));
        } finally {
            timers.shutdownNow();
        }
    }

    @Test
    void withoutAnAnswerNothingExpiresAndClosingStopsTheTimer() throws Exception {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("idle.db"));
             SyncEngine engine = new SyncEngine(database, BackendAccounts.remote(null), Clock.systemUTC(),
                     SyncSettings.defaults().withWatchInterval(WATCH_INTERVAL), new SplittableRandom(1))) {
            AutoCloseable expiry = engine.status().publishWhenOnlineExpires(timers);
            assertThat(engine.status().online()).as("nothing heard yet").isFalse();
            expiry.close();
            engine.status().serverAnswered();
            assertThat(engine.status().online()).isTrue();
        } finally {
            assertThat(timers.shutdownNow()).as("no expiry check left scheduled after closing").isEmpty();
        }
    }
}
