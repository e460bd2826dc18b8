package com.fielddesk.cache.sync;

import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sync on a computer whose default locale is Turkish, where "i".toUpperCase() is "İ" and
 * "I".toLowerCase() is "ı": wire values and stored states must not follow the locale.
 */
class TurkishLocaleSyncTest {

    @TempDir
    Path folder;

    private Locale before;
    private DataSource server;
    private Tenant tenant;

    @BeforeEach
    void turkish() {
        TestPostgres postgres = TestPostgres.shared();
        server = postgres.superuser(postgres.newDatabase());
        // A supervisor: deleting a work order (a tombstone) is a manager's move since synced tables became soft-delete only.
        tenant = Tenant.create(server, "supervisor");
        before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void queuedInsertUpdateAndDeleteSyncAndAQuarantinedEntryReadsBack() throws Exception {
        assertThat("quarantined".toUpperCase(Locale.getDefault())).as("the locale is in effect").isEqualTo("QUARANTİNED");
        List<UUID> existing = tenant.insertWorkOrders(2, "Job");
        Tenant.User user = tenant.user(0);
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("tr.db"));
             SyncEngine engine = new SyncEngine(database, new JdbcRemoteTables(server, user.id(), user.email()),
                     Clock.systemUTC(), SyncSettings.defaults(), new SplittableRandom(1))) {
            engine.syncOnce(p -> { });
            TableRepository workOrders = engine.repositories().table("work_orders");
            UUID inserted = engine.cache().transactionReturning(tx -> tx.insert(RowValues.of(WORK_ORDERS)
                    .set(WORK_ORDERS.title, "Işık arızası").set(WORK_ORDERS.stage, "job")
                    .set(WORK_ORDERS.status, "unscheduled").set(WORK_ORDERS.customerId, tenant.customerId())
                    .set(WORK_ORDERS.scheduledStart, Instant.parse("2026-11-21T10:00:00Z"))));
            workOrders.update(existing.get(0).toString(), Map.of("description", "İzmir"));
            workOrders.delete(existing.get(1).toString());
            List<OutboxEntry> queued = database.read(new com.fielddesk.cache.outbox.Outbox()::all);
            assertThat(queued)
                    .extracting(OutboxEntry::operation)
                    .containsExactly(Operation.INSERT, Operation.UPDATE, Operation.DELETE);

            engine.syncOnce(p -> { });

            assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, inserted))
                    .isEqualTo("Işık arızası");
            assertThat(tenant.queryOne("select description from public.work_orders where id = ?", String.class,
                    existing.get(0))).isEqualTo("İzmir");
            assertThat(tenant.queryOne("select deleted_at is not null from public.work_orders where id = ?",
                    Boolean.class, existing.get(1))).isTrue();
            assertThat(engine.status().snapshot().pendingCount()).isZero();

            workOrders.update(existing.get(0).toString(), Map.of("title", ""));
            engine.syncOnce(p -> { });
            SyncStatus status = engine.status().snapshot();
            assertThat(status.quarantined()).singleElement().satisfies(entry -> {
                assertThat(entry.state()).isEqualTo(OutboxEntry.State.QUARANTINED);
                assertThat(entry.operation()).isEqualTo(Operation.UPDATE);
                assertThat(entry.errorMessage()).contains("work_order_title_required");
            });
            assertThat(engine.cache().count(Query.from(WORK_ORDERS))).isEqualTo(2);
        }
    }
}
