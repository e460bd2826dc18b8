package com.fielddesk.cache.reliability;

import java.util.Locale;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.cache.testing.Workload;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync CLI in a child JVM, killed with SIGKILL at seeded random moments of its push and pull,
 * 50 times over the same cache file while local changes keep being queued and other users keep
 * changing the server. Afterwards one clean sync must leave server and cache converged with
 * nothing lost and nothing applied twice.
 */
class KilledSyncTest {

    private static final long SEED = 61L;
    private static final int TRIALS = 50;

    @TempDir
    Path folder;

    @Test
    void killingTheSyncAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        tenant.insertWorkOrders(30, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        Path db = folder.resolve("killed.db");
        Workload workload = new Workload(tenant, SEED);
        Random random = new Random(SEED);
        int killed = 0;
        int finished = 0;
        // How long a sync runs after sign-in depends on the machine; kill moments are drawn from
        // the last uninterrupted run's duration so they land inside the sync on a fast idle
        // machine as on a loaded one.
        long killWindowMillis = 1500;
        for (int trial = 0; trial < TRIALS; trial++) {
            try (CacheDatabase database = CacheDatabase.open(db)) {
                workload.queueRound(database, 3);
            }
            if (trial % 5 == 0) {
                tenant.insertWorkOrders(4, "More " + trial);
                workload.otherUserEdits(3);
            }
            Path log = folder.resolve("child-" + trial + ".log");
            Process child = ChildSyncProcess.start(backend.url().toString(), backend.anonKey(), tenant.user(0).email(),
                    password, db, log);
            // Kill inside the sync itself, not during JVM start-up: wait (with a deadline) until the
            // child has signed in, then let it run a random while.
            ChildSyncProcess.awaitOutput(child, log, "signed in", Duration.ofSeconds(60));
            long signedInAt = System.nanoTime();
            long killAfterMillis = random.nextInt((int) Math.max(1, killWindowMillis));
            if (child.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
                finished++;
                assertThat(child.exitValue()).as(Files.readString(log)).isZero();
                long ranMillis = (System.nanoTime() - signedInAt) / 1_000_000;
                killWindowMillis = Math.max(20, ranMillis * 9 / 10);
            } else {
                ChildSyncProcess.kill(child);
                killed++;
            }
        }
        assertThat(killed).as("most trials were killed mid-way").isGreaterThan(TRIALS / 2);

        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase database = CacheDatabase.open(db);
             SyncEngine engine = new SyncEngine(database, BackendAccounts.remote(client), Clock.systemUTC(),
                     SyncSettings.defaults(), new SplittableRandom(SEED))) {
            engine.syncWithRetries(Duration.ofMinutes(2), p -> { });
            workload.verify(database);
            assertThat(engine.status().snapshot().quarantined()).isEmpty();
        }
        System.out.printf(Locale.ROOT, "KilledSyncTest: %d trials, %d killed, %d finished, %d mutations%n", TRIALS, killed, finished,
                workload.mutationCount());
    }
}
