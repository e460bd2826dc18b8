package com.fielddesk.cache.pull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.DeferredIndexes;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A table's first pull builds its indexes at its end (store.DeferredIndexes): while its pages are
 * written the indexes are set aside, the last page's transaction makes them again exactly as the
 * migrations made them, and a pull that is cut off — by a failure or a killed process — leaves no
 * table without them and loses or doubles no search entry. Against the real migrations.
 */
class FirstPullIndexesTest {

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
        tenant.insertWorkOrders(40, "Boiler");
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

    @Test
    void theIndexesWaitForTheLastPageAndComeBackAsTheMigrationsMadeThem() throws Exception {
        Map<String, String> asMigrated = workOrderIndexes(CacheDatabase.open(folder.resolve("fresh.db")), true);
        assertThat(asMigrated).as("work_orders has secondary indexes to set aside").hasSizeGreaterThan(3);
        AtomicReference<Map<String, String>> midPull = new AtomicReference<>();
        AtomicReference<Integer> keptMidPull = new AtomicReference<>();
        AtomicInteger workOrderPages = new AtomicInteger();
        RemoteTables remote = new Decorated(userRemote()) {
            @Override
            public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
                if (table.name().equals("work_orders") && workOrderPages.incrementAndGet() == 4) {
                    midPull.set(workOrderIndexes(cache, false));
                    keptMidPull.set(cache.<Integer>read(connection -> count(connection, "select count(*) from deferred_indexes")));
                }
                return super.fetchPage(table, fromXid, after, limit);
            }
        };

        engineOver(remote).pullTables(List.of("work_orders"));

        assertThat(midPull.get()).as("no secondary index while the pages are written").isEmpty();
        assertThat(keptMidPull.get()).as("each set-aside index is kept to be made again").isEqualTo(asMigrated.size());
        assertThat(workOrderIndexes(cache, false)).isEqualTo(asMigrated);
        assertThat(cache.<Integer>read(connection -> count(connection, "select count(*) from deferred_indexes"))).isZero();
        assertThat(searchHits("boiler")).as("every job indexed once").isEqualTo(40);
        assertThat(engine.rowsPerTable()).containsEntry("work_orders", 40L);
    }

    @Test
    void aPullCutOffMidTableLeavesTheIndexesInPlaceAndTheResumedPullIndexesEveryRowOnce() throws Exception {
        Map<String, String> asMigrated = workOrderIndexes(CacheDatabase.open(folder.resolve("fresh.db")), true);
        AtomicInteger workOrderPages = new AtomicInteger();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        RemoteTables remote = new Decorated(userRemote()) {
            @Override
            public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
                if (table.name().equals("work_orders") && workOrderPages.incrementAndGet() == 4
                        && failuresLeft.getAndDecrement() > 0) {
                    throw new RemoteException("Connection reset", true, null, null);
                }
                return super.fetchPage(table, fromXid, after, limit);
            }
        };
        SyncEngine engine = engineOver(remote);

        assertThatThrownBy(() -> engine.pullTables(List.of("work_orders"))).isInstanceOf(RemoteException.class);
        assertThat(engine.rowsPerTable().get("work_orders")).as("some pages were written").isBetween(7L, 39L);
        assertThat(workOrderIndexes(cache, false)).as("the failed pull made the indexes again").isEqualTo(asMigrated);

        engine.pullTables(List.of("work_orders"));

        assertThat(engine.rowsPerTable()).containsEntry("work_orders", 40L);
        assertThat(workOrderIndexes(cache, false)).isEqualTo(asMigrated);
        assertThat(searchHits("boiler")).as("every job indexed once, none twice").isEqualTo(40);
        assertThat(engine.pullTables(List.of("work_orders"))).as("nothing pulled twice").containsEntry("work_orders", 0L);
    }

    @Test
    void indexesSetAsideByAKilledPullAreMadeAgainWhenTheCacheOpens() {
        Path file = folder.resolve("killed.db");
        Map<String, String> asMigrated;
        try (CacheDatabase killed = CacheDatabase.open(file)) {
            asMigrated = workOrderIndexes(killed, false);
            killed.write(connection -> DeferredIndexes.setAside(connection, "work_orders"));
            assertThat(workOrderIndexes(killed, false)).isEmpty();
        }

        try (CacheDatabase reopened = CacheDatabase.open(file)) {
            assertThat(workOrderIndexes(reopened, false)).isEqualTo(asMigrated);
            assertThat(reopened.<Integer>read(connection -> count(connection, "select count(*) from deferred_indexes"))).isZero();
        }
    }

    @Test
    void addressesKeepTheirIndexesForTheCustomersSearchRefresh() {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("addresses.db"))) {
            assertThat(database.<Integer>write(connection -> DeferredIndexes.setAside(connection, "customer_addresses"))).isZero();
        }
    }

    private long searchHits(String word) {
        return cache.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from search_work_orders where search_work_orders match ?")) {
                query.setString(1, word);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static Map<String, String> workOrderIndexes(CacheDatabase database, boolean close) {
        try {
            return database.read(connection -> {
                Map<String, String> indexes = new TreeMap<>();
                try (PreparedStatement query = connection.prepareStatement(
                        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'work_orders' and sql is not null");
                     ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        indexes.put(rows.getString(1), rows.getString(2));
                    }
                }
                return indexes;
            });
        } finally {
            if (close) {
                database.close();
            }
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
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
        public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
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
