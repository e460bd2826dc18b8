package com.fielddesk.cache.pull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.cache.sync.SyncEngine;
import com.fielddesk.cache.sync.SyncSettings;
import com.fielddesk.cache.testing.JdbcRemoteTables;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The puller's two lanes, against the real migrations (JDBC as the user). */
class TwoLanePullTest {

    @TempDir
    Path folder;

    private DataSource server;
    private Tenant tenant;
    private CacheDatabase cache;
    private SyncEngine engine;

    @BeforeEach
    void createServer() {
        TestPostgres postgres = TestPostgres.shared();
        server = postgres.superuser(postgres.newDatabase());
        tenant = Tenant.create(server, "dispatcher");
        tenant.insertWorkOrders(40, "Job");
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (cache != null) {
            cache.close();
        }
    }

    private SyncEngine engineOver(RemoteTables remote) {
        cache = CacheDatabase.open(folder.resolve("cache.db"));
        engine = new SyncEngine(cache, remote, Clock.systemUTC(), SyncSettings.defaults().withPullPageSize(7),
                new SplittableRandom(1));
        return engine;
    }

    private RemoteTables userRemote() {
        Tenant.User user = tenant.user(0);
        return new JdbcRemoteTables(server, user.id(), user.email());
    }

    /**
     * The first page of companies is held back until another table's first page has been asked
     * for: one table at a time would wait forever here (the hold gives up after 30 s and the test
     * fails), two lanes go on.
     */
    @Test
    void aSecondTableDownloadsWhileTheFirstIsStillUnderWay() throws Exception {
        CountDownLatch anotherTableAsked = new CountDownLatch(1);
        AtomicBoolean heldBack = new AtomicBoolean();
        RemoteTables remote = new Decorated(userRemote()) {
            @Override
            public RemotePage fetchPage(SyncedTable table, long fromXid, RemoteTables.PageKey after, int limit)
                    throws RemoteException {
                if (table.name().equals("companies")) {
                    try {
                        heldBack.set(anotherTableAsked.await(30, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    anotherTableAsked.countDown();
                }
                return super.fetchPage(table, fromXid, after, limit);
            }
        };

        engineOver(remote).pullTables(List.of("companies", "profiles", "work_orders"));

        assertThat(heldBack).as("another table's page was asked for while companies waited").isTrue();
        assertThat(engine.rowsPerTable()).containsEntry("work_orders", 40L).containsEntry("companies", 1L);
    }

    /**
     * A lane's failure is thrown once the other lane has stopped (after finishing the table it had
     * started), and the next pull brings every row exactly once.
     */
    @Test
    void aFailingLaneStopsThePullAndTheNextPullCompletesEveryTable() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RemoteTables remote = new Decorated(userRemote()) {
            @Override
            public RemotePage fetchPage(SyncedTable table, long fromXid, RemoteTables.PageKey after, int limit)
                    throws RemoteException {
                if (table.name().equals("work_orders") && after != null && failuresLeft.getAndDecrement() > 0) {
                    throw new RemoteException("Connection reset", true, null, null);
                }
                return super.fetchPage(table, fromXid, after, limit);
            }
        };
        SyncEngine engine = engineOver(remote);
        List<String> tables = engine.syncedTables();

        assertThatThrownBy(() -> engine.pullTables(tables)).isInstanceOf(RemoteException.class)
                .hasMessageContaining("Connection reset");
        long workOrdersAfterFailure = engine.rowsPerTable().get("work_orders");
        assertThat(workOrdersAfterFailure).as("only the first page of jobs, then the failure").isEqualTo(7);

        engine.pullTables(tables);

        assertThat(engine.rowsPerTable()).containsEntry("work_orders", 40L).containsEntry("companies", 1L)
                .containsEntry("profiles", 1L);
        assertThat(engine.pullTables(tables)).as("nothing is new or pulled twice").containsEntry("work_orders", 0L);
    }

    /** Passes every call through; tests override what they observe. */
    private static class Decorated implements RemoteTables {
        private final RemoteTables delegate;

        Decorated(RemoteTables delegate) {
            this.delegate = delegate;
        }

        @Override
        public long watermark() throws RemoteException {
            return delegate.watermark();
        }

        @Override
        public RemotePage fetchPage(SyncedTable table, long fromXid, RemoteTables.PageKey after, int limit)
                throws RemoteException {
            return delegate.fetchPage(table, fromXid, after, limit);
        }

        @Override
        public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
            return delegate.fetchRow(table, id);
        }

        @Override
        public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
            return delegate.applyMutations(batch);
        }
    }
}
