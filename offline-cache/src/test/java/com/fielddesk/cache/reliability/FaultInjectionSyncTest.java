package com.fielddesk.cache.reliability;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.FaultProxy;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.cache.testing.Workload;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client ↔ proxy ↔ local-backend, where the proxy drops requests, drops answers after the server
 * acted, answers 5xx, delays and replays. Whatever happens, once the network is clean again the
 * server and the cache converge with no change lost and none applied twice.
 */
class FaultInjectionSyncTest {

    private static final long SEED = 20261121L;

    @TempDir
    Path folder;

    @Test
    void networkFaultsNeitherLoseNorDuplicateChanges() throws Exception {
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher", "csr");
        tenant.insertWorkOrders(25, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        Workload workload = new Workload(tenant, SEED);
        int failedPasses = 0;
        try (FaultProxy proxy = new FaultProxy(backend.url(), SEED);
             SupabaseClient client = BackendAccounts.signedInClient(proxy.url(), backend.anonKey(), tenant.user(0), password);
             CacheDatabase database = CacheDatabase.open(folder.resolve("faults.db"));
             SyncEngine engine = new SyncEngine(database, BackendAccounts.remote(client), Clock.systemUTC(),
                     SyncSettings.defaults().withPullPageSize(4).withPushBatchSize(3)
                             .withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)), new SplittableRandom(SEED))) {
            engine.syncWithRetries(Duration.ofMinutes(2), p -> { });
            proxy.setFaultRate(0.35);
            for (int round = 0; round < 12; round++) {
                workload.queueRound(database, 4);
                // Someone else changes other rows meanwhile, so pulls have work to do too.
                workload.otherUserEdits(3);
                try {
                    engine.syncOnce(p -> { });
                } catch (RemoteException e) {
                    failedPasses++;
                }
            }
            proxy.setOffline(true);
            workload.queueRound(database, 2);
            try {
                engine.syncOnce(p -> { });
            } catch (RemoteException expected) {
                failedPasses++;
            }
            proxy.setOffline(false);
            proxy.setFaultRate(0);
            engine.syncWithRetries(Duration.ofMinutes(2), p -> { });
            engine.syncWithRetries(Duration.ofMinutes(2), p -> { });

            assertThat(failedPasses).as("the proxy did make passes fail").isPositive();
            assertThat(proxy.injected(FaultProxy.Fault.DROP_RESPONSE) + proxy.injected(FaultProxy.Fault.REPLAY)
                    + proxy.injected(FaultProxy.Fault.BAD_GATEWAY_AFTER_FORWARD)).isPositive();
            assertThat(engine.status().snapshot().quarantined()).isEmpty();
            workload.verify(database);
        }
    }
}
