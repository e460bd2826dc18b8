package com.fielddesk.cache.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.push.PushReport;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.BackendAccounts;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Drains N queued updates (default 10,000, one per work order) through apply_mutations in
 * batches, against one request per mutation in the same run: (a) a plain PostgREST PATCH per
 * change, the usual client approach, and (b) the same engine with a batch size of 1.
 */
public final class DrainBenchmark {

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        tenant.insertWorkOrders(updates, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        Path folder = BenchmarkSupport.tempFolder("fielddesk-drain-");

        int baselineSample = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password)) {
            System.out.printf("drain of %,d queued updates (one per work order); the one-request-per-mutation baselines"
                    + " are timed on the first %,d mutations and compared by throughput%n", updates, baselineSample);
            long batched = drain(client, folder.resolve("batched.db"), updates, updates, batchSize, "batched");
            double batchedRate = updates / BenchmarkSupport.seconds(batched);
            System.out.printf("  engine, batches of %d via rpc/apply_mutations: %.2f s = %,.0f mutations/s%n", batchSize,
                    BenchmarkSupport.seconds(batched), batchedRate);
            long patches = patchEach(client, tenant, baselineSample);
            double patchRate = baselineSample / BenchmarkSupport.seconds(patches);
            System.out.printf("  one PATCH request per mutation:                 %,.0f mutations/s -> batched is %.1fx (target >= 10x)%n",
                    patchRate, batchedRate / patchRate);
            long singles = drain(client, folder.resolve("single.db"), updates, baselineSample, 1, "single");
            double singleRate = baselineSample / BenchmarkSupport.seconds(singles);
            System.out.printf("  same engine, batch size 1 (one rpc per mutation): %,.0f mutations/s -> batched is %.1fx%n",
                    singleRate, batchedRate / singleRate);
        }
        System.exit(0);
    }

    /** Pulls the work orders, queues one title change per row, then times the drain. */
    private static long drain(SupabaseClient client, Path file, int rowsToPull, int updates, int batchSize, String label)
            throws Exception {
        TimedApply timed = new TimedApply(BackendAccounts.remote(client));
        try (CacheDatabase cache = CacheDatabase.open(file);
             SyncEngine engine = new SyncEngine(cache, timed, Clock.systemUTC(),
                     SyncSettings.defaults().withPullPageSize(5_000).withPushBatchSize(batchSize), new SplittableRandom(1))) {
            engine.pullTables(List.of("work_orders"));
            if (engine.repositories().table("work_orders").count() < rowsToPull) {
                throw new IllegalStateException("pulled fewer work orders than expected");
            }
            TableRepository workOrders = engine.repositories().table("work_orders");
            List<ObjectNode> rows = workOrders.list();
            for (int i = 0; i < updates; i++) {
                workOrders.update(rows.get(i).get("id").asText(), Map.of("title", label + " " + i));
            }
            long start = System.nanoTime();
            PushReport report = engine.pushQueued();
            long elapsed = System.nanoTime() - start;
            System.out.printf("    (%s: %.2f s of it waiting for rpc/apply_mutations, %.2f s in the client: outbox, JSON, SQLite)%n",
                    label, BenchmarkSupport.seconds(timed.nanos), BenchmarkSupport.seconds(elapsed - timed.nanos));
            if (report.applied() != updates) {
                throw new IllegalStateException("applied " + report.applied() + " of " + updates);
            }
            return elapsed;
        }
    }

    /** The server port, timing the push calls (HTTP + apply_mutations) to split server from client time. */
    private static final class TimedApply implements RemoteTables {
        private final RemoteTables delegate;
        private long nanos;

        TimedApply(RemoteTables delegate) {
            this.delegate = delegate;
        }

        @Override
        public long watermark() throws RemoteException {
            return delegate.watermark();
        }

        @Override
        public List<ObjectNode> fetchPage(String table, long fromXid, PageKey after, int limit) throws RemoteException {
            return delegate.fetchPage(table, fromXid, after, limit);
        }

        @Override
        public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
            return delegate.fetchRow(table, id);
        }

        @Override
        public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
            long start = System.nanoTime();
            try {
                return delegate.applyMutations(batch);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }
    }

    private static long patchEach(SupabaseClient client, Tenant tenant, int updates) {
        List<String> ids = tenant.workOrderIds();
        long start = System.nanoTime();
        for (int i = 0; i < updates; i++) {
            client.from("work_orders").update(Map.of("title", "patched " + i)).eq("id", ids.get(i)).execute();
        }
        return System.nanoTime() - start;
    }
}
