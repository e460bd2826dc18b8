package com.fielddesk.cache.benchmark;

import java.util.Locale;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.push.PushReport;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.SyncedTable;
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
 *
 * <p>The PATCH sample runs <em>interleaved</em> with the drain (a slice after every batch, timed
 * apart and left out of the drain's time), so both see the same machine load; on a shared,
 * busy machine, timing them one after the other compared two different loads. The PATCHes write
 * another company's work orders (same table, triggers and policies), never the rows being drained.
 */
public final class DrainBenchmark {

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int baselineSample = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        TestBackend backend = TestBackend.shared();
        Tenant tenant = Tenant.create(backend.admin(), "dispatcher");
        tenant.insertWorkOrders(updates, "Job");
        Tenant patchedTenant = Tenant.create(backend.admin(), "dispatcher");
        patchedTenant.insertWorkOrders(baselineSample, "Job");
        String password = BackendAccounts.password(backend, tenant, tenant.user(0));
        String patchPassword = BackendAccounts.password(backend, patchedTenant, patchedTenant.user(0));
        Path folder = BenchmarkSupport.tempFolder("fielddesk-drain-");

        try (SupabaseClient client = BackendAccounts.signedInClient(backend.url(), backend.anonKey(), tenant.user(0), password);
             SupabaseClient patchClient = BackendAccounts.signedInClient(backend.url(), backend.anonKey(),
                     patchedTenant.user(0), patchPassword)) {
            System.out.printf(Locale.ROOT, "drain of %,d queued updates (one per work order); %,d one-PATCH-per-mutation requests are timed"
                    + " in slices between the drain's batches; the batch-size-1 engine is timed on %,d mutations after it%n",
                    updates, baselineSample, baselineSample);
            int batches = (updates + batchSize - 1) / batchSize;
            PatchSlices patches = new PatchSlices(patchClient, patchedTenant.workOrderIds(), (baselineSample + batches - 1) / batches);
            long batched = drain(client, folder.resolve("batched.db"), updates, updates, batchSize, "batched", patches);
            double batchedRate = updates / BenchmarkSupport.seconds(batched);
            System.out.printf(Locale.ROOT, "  engine, batches of %d via rpc/apply_mutations: %.2f s = %,.0f mutations/s%n", batchSize,
                    BenchmarkSupport.seconds(batched), batchedRate);
            double patchRate = patches.done / BenchmarkSupport.seconds(patches.nanos);
            System.out.printf(Locale.ROOT, "  one PATCH request per mutation (%,d, interleaved): %,.0f mutations/s -> batched is %.1fx (target >= 10x)%n",
                    patches.done, patchRate, batchedRate / patchRate);
            long singles = drain(client, folder.resolve("single.db"), updates, baselineSample, 1, "single", () -> { });
            double singleRate = baselineSample / BenchmarkSupport.seconds(singles);
            System.out.printf(Locale.ROOT, "  same engine, batch size 1 (one rpc per mutation): %,.0f mutations/s -> batched is %.1fx%n",
                    singleRate, batchedRate / singleRate);
            System.out.printf(Locale.ROOT, "  load average %.1f on %d cores at the end%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
        System.exit(0);
    }

    /** The PATCH baseline, a slice at a time: one PostgREST PATCH per change, as a plain client does. */
    private static final class PatchSlices implements Runnable {
        private final SupabaseClient client;
        private final List<String> ids;
        private final int perSlice;
        private int done;
        private long nanos;

        PatchSlices(SupabaseClient client, List<String> ids, int perSlice) {
            this.client = client;
            this.ids = ids;
            this.perSlice = perSlice;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            for (int i = 0; i < perSlice && done < ids.size(); i++, done++) {
                client.from("work_orders").update(Map.of("title", "patched " + done)).eq("id", ids.get(done)).execute();
            }
            nanos += System.nanoTime() - start;
        }
    }

    /**
     * Pulls the work orders, queues one title change per row, then times the drain; {@code between}
     * runs after every batch and its time is left out.
     */
    private static long drain(SupabaseClient client, Path file, int rowsToPull, int updates, int batchSize, String label,
                              Runnable between) throws Exception {
        TimedApply timed = new TimedApply(BackendAccounts.remote(client), between);
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
            elapsed -= timed.betweenNanos;
            System.out.printf(Locale.ROOT, "    (%s: %.2f s of it waiting for rpc/apply_mutations, %.2f s in the client: outbox, JSON, SQLite)%n",
                    label, BenchmarkSupport.seconds(timed.nanos), BenchmarkSupport.seconds(elapsed - timed.nanos));
            if (report.applied() != updates) {
                throw new IllegalStateException("applied " + report.applied() + " of " + updates);
            }
            return elapsed;
        }
    }

    /**
     * The server port, timing the push calls (HTTP + apply_mutations) to split server from client
     * time, and running the interleaved work after each call (timed apart).
     */
    private static final class TimedApply implements RemoteTables {
        private final RemoteTables delegate;
        private final Runnable between;
        private long nanos;
        private long betweenNanos;

        TimedApply(RemoteTables delegate, Runnable between) {
            this.delegate = delegate;
            this.between = between;
        }

        @Override
        public long watermark() throws RemoteException {
            return delegate.watermark();
        }

        @Override
        public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
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
                long end = System.nanoTime();
                nanos += end - start;
                between.run();
                betweenNanos += System.nanoTime() - end;
            }
        }
    }

}
