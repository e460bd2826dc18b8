package com.fielddesk.cache.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.conflict.ConflictRecord;
import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.testing.Await;
import com.fielddesk.cache.testing.JdbcRemoteTables;
import com.fielddesk.cache.testing.SwitchableRemote;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine and apply_mutations against the real migrations (JDBC as the user, no HTTP). */
class SyncEngineTest {

    private static final Duration WATCH_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private DataSource server;
    private Tenant tenant;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    record Client(CacheDatabase database, SwitchableRemote remote, SyncEngine engine) {
        TableRepository workOrders() {
            return engine.repositories().table("work_orders");
        }
    }

    @BeforeEach
    void createServer() {
        TestPostgres postgres = TestPostgres.shared();
        server = postgres.superuser(postgres.newDatabase());
        tenant = Tenant.create(server, "dispatcher", "csr", "supervisor");
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private Client client(int userIndex, String name) {
        CacheDatabase database = CacheDatabase.open(folder.resolve(name + ".db"));
        Tenant.User user = tenant.user(userIndex);
        SwitchableRemote remote = new SwitchableRemote(new JdbcRemoteTables(server, user.id(), user.email()));
        SyncEngine engine = new SyncEngine(database, remote, Clock.systemUTC(),
                SyncSettings.defaults().withPullPageSize(7).withPushBatchSize(5), new SplittableRandom(1));
        toClose.add(database);
        toClose.add(engine);
        return new Client(database, remote, engine);
    }

    private SyncReport sync(Client client) throws RemoteException {
        return client.engine().syncOnce(p -> { });
    }

    @Test
    void initialSyncBringsEveryVisibleRowAndNoOtherCompanysRows() throws Exception {
        List<UUID> ours = tenant.insertWorkOrders(30, "Ours");
        Tenant other = Tenant.create(server, "dispatcher");
        other.insertWorkOrders(5, "Theirs");
        Client client = client(0, "a");
        List<SyncStatus.InitialSyncProgress> progress = new ArrayList<>();
        client.engine().status().subscribe(s -> {
            if (s.initialSync() != null) {
                progress.add(s.initialSync());
            }
        });
        SyncReport report = sync(client);
        assertThat(report.rowsPulled().get("work_orders")).isEqualTo(30);
        assertThat(client.workOrders().list()).extracting(r -> UUID.fromString(r.get("id").asText()))
                .containsExactlyInAnyOrderElementsOf(ours);
        assertThat(progress).isNotEmpty();
        assertThat(sync(client).rowsPulled().get("work_orders")).as("second pull finds nothing new").isZero();
        assertThat(client.engine().status().snapshot().lastSuccessfulSync()).isNotNull();
    }

    /**
     * A pass the server refuses as a whole (here: this program may read a table the server's grants
     * no longer allow — a program/server mismatch, nothing the user typed) reads as one sentence in
     * the status; the server's own words stay with the failure, for the log.
     */
    @Test
    void aPassTheServerRefusesAsAWholeReadsAsASentenceAndKeepsTheServersWordsForTheLog() throws Exception {
        Client client = client(0, "a");
        sync(client);
        tenant.execute("revoke select on public.invoices from authenticated");

        assertThatThrownBy(() -> sync(client)).isInstanceOf(RemoteException.class)
                .satisfies(failure -> assertThat(((RemoteException) failure).isRetryable()).isFalse())
                .hasMessageContaining("invoices");
        SyncStatus refused = client.engine().status().snapshot();
        assertThat(refused.online()).as("a refusal is an answer").isTrue();
        assertThat(refused.currentError())
                .isEqualTo("The server refused to sync with this computer, so its copy may be out of date. "
                        + "Your changes are kept here; the log has the server's answer.");
    }

    @Test
    void aLocalWriteIsInThePublishedStatusAtOnceWithoutASyncPass() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client client = client(0, "a");
        sync(client);
        List<Integer> pendingHeard = new java.util.concurrent.CopyOnWriteArrayList<>();
        client.engine().status().subscribe(status -> pendingHeard.add(status.pendingCount()));

        client.workOrders().update(id.toString(), Map.of("title", "Edited while the sync loop sleeps"));
        assertThat(client.database().changes().awaitDelivered(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(pendingHeard).as("statuses published after the write, no pass run").isNotEmpty().last().isEqualTo(1);
    }

    @Test
    void offlineEditsReachTheServerOnReconnect() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client client = client(0, "a");
        sync(client);
        client.remote().setOnline(false);
        client.workOrders().update(id.toString(), Map.of("title", "Edited offline"));
        String created = client.workOrders().insert(Map.of("title", "Created offline", "stage", "job",
                "status", "unscheduled", "customer_id", tenant.customerId().toString()));
        assertThatThrownBy(() -> sync(client)).isInstanceOf(RemoteException.class);
        SyncStatus offline = client.engine().status().snapshot();
        assertThat(offline.online()).isFalse();
        assertThat(offline.pendingCount()).isEqualTo(2);
        assertThat(offline.currentError()).contains("Cannot reach the server");

        client.remote().setOnline(true);
        SyncReport report = sync(client);
        assertThat(report.push().applied()).isEqualTo(2);
        assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, id))
                .isEqualTo("Edited offline");
        assertThat(tenant.queryOne("select count(*) from public.work_orders where id = ?::uuid", Long.class, created))
                .isEqualTo(1L);
        ObjectNode local = client.workOrders().get(created).orElseThrow();
        assertThat(local.get("number").isNull()).as("number assigned by the server arrives").isFalse();
        assertThat(local.get("version").asInt()).isEqualTo(1);
        assertThat(client.engine().status().snapshot().pendingCount()).isZero();
    }

    @Test
    void twoClientsEditingDifferentFieldsBothWin() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client a = client(0, "a");
        Client b = client(1, "b");
        sync(a);
        sync(b);
        a.workOrders().update(id.toString(), Map.of("title", "Title from A"));
        b.workOrders().update(id.toString(), Map.of("description", "Description from B"));
        sync(a);
        SyncReport report = sync(b);
        assertThat(report.push().merged()).isEqualTo(1);
        assertThat(report.conflictsOpen()).isZero();
        sync(a);
        for (Client client : List.of(a, b)) {
            ObjectNode row = client.workOrders().get(id.toString()).orElseThrow();
            assertThat(row.get("title").asText()).isEqualTo("Title from A");
            assertThat(row.get("description").asText()).isEqualTo("Description from B");
        }
        assertThat(tenant.queryOne("select version from public.work_orders where id = ?", Integer.class, id)).isEqualTo(3);
    }

    @Test
    void twoClientsEditingTheSameFieldLeaveAConflictTheUserCanReapply() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client a = client(0, "a");
        Client b = client(1, "b");
        sync(a);
        sync(b);
        a.workOrders().update(id.toString(), Map.of("title", "A's title"));
        b.workOrders().update(id.toString(), Map.of("title", "B's title", "priority", "high"));
        sync(a);
        SyncReport report = sync(b);
        assertThat(report.conflictsOpen()).isEqualTo(1);
        ObjectNode row = b.workOrders().get(id.toString()).orElseThrow();
        assertThat(row.get("title").asText()).as("server wins").isEqualTo("A's title");
        assertThat(row.get("priority").asText()).as("the untouched-by-others field goes through").isEqualTo("high");
        ConflictRecord conflict = b.engine().status().snapshot().conflicts().get(0);
        assertThat(conflict.column()).isEqualTo("title");
        assertThat(conflict.localValue().asText()).isEqualTo("B's title");
        assertThat(conflict.serverValue().asText()).isEqualTo("A's title");

        b.engine().reapplyConflict(conflict.id());
        sync(b);
        assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, id)).isEqualTo("B's title");
        assertThat(b.engine().status().snapshot().conflicts()).isEmpty();
    }

    @Test
    void aRejectedWriteIsQuarantinedWhileTheRestOfTheQueueMovesOn() throws Exception {
        List<UUID> ids = tenant.insertWorkOrders(3, "Job");
        Client client = client(0, "a");
        sync(client);
        String bad = ids.get(0).toString();
        client.workOrders().update(bad, Map.of("status", "completed")); // illegal move from unscheduled? allowed? see below
        client.workOrders().update(bad, Map.of("title", "")); // violates work_order_title_required
        client.workOrders().update(ids.get(1).toString(), Map.of("title", "Fine 1"));
        client.workOrders().update(ids.get(2).toString(), Map.of("title", "Fine 2"));
        SyncReport report = sync(client);
        assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, ids.get(1))).isEqualTo("Fine 1");
        assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, ids.get(2))).isEqualTo("Fine 2");
        SyncStatus status = client.engine().status().snapshot();
        assertThat(status.quarantined()).isNotEmpty();
        assertThat(status.quarantined().get(0).errorMessage()).isNotBlank();
        assertThat(report.quarantinedOpen()).isEqualTo(status.quarantined().size());
    }

    @Test
    void pullingATableAgainDropsWhatTheServerDoesNotShowAndKeepsRowsWithQueuedChanges() throws Exception {
        List<UUID> ids = tenant.insertWorkOrders(3, "Job");
        Client client = client(0, "a");
        sync(client);
        // A row only this copy has (the server stopped showing it, or never did).
        String stray = UUID.randomUUID().toString();
        com.fielddesk.cache.store.LocalRows rows = new com.fielddesk.cache.store.LocalRows(client.database().catalog());
        client.database().write(connection -> {
            try (com.fielddesk.cache.store.LocalRows.RowWriter writer = rows.upsertWriter(connection, "work_orders")) {
                ObjectNode row = Json.object();
                row.put("id", stray).put("title", "Only here").put("version", 1);
                writer.addBatch(row);
                writer.executeBatch();
            }
            return null;
        });
        // A change that cannot be sent yet: it waits behind a refused one of the same row.
        String waiting = ids.get(0).toString();
        client.workOrders().update(waiting, Map.of("title", ""));
        client.workOrders().update(waiting, Map.of("description", "Queued here"));

        client.remote().setOnline(false);
        assertThatThrownBy(() -> client.engine().pushThenPullAgain(List.of("work_orders"))).isInstanceOf(RemoteException.class);
        assertThat(client.workOrders().get(stray)).as("nothing forgotten when the push fails").isPresent();

        client.remote().setOnline(true);
        Map<String, Long> pulled = client.engine().pushThenPullAgain(List.of("work_orders"));
        assertThat(pulled.get("work_orders")).as("the whole table again").isGreaterThanOrEqualTo(3L);
        assertThat(client.workOrders().get(stray)).as("the stray row is gone").isEmpty();
        assertThat(client.workOrders().get(ids.get(1).toString())).isPresent();
        assertThat(client.workOrders().get(waiting).orElseThrow().get("description").asText())
                .as("the row with a queued change keeps it").isEqualTo("Queued here");
    }

    @Test
    void laterChangesOfAQuarantinedRowWaitWithIt() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client client = client(0, "a");
        sync(client);
        client.workOrders().update(id.toString(), Map.of("title", ""));
        client.workOrders().update(id.toString(), Map.of("description", "after the bad one"));
        sync(client);
        SyncStatus status = client.engine().status().snapshot();
        assertThat(status.quarantined()).singleElement().satisfies(entry -> {
            assertThat(entry.errorMessage()).contains("work_order_title_required");
        });
        assertThat(status.pendingCount()).as("the later change waits").isEqualTo(1);
        assertThat(tenant.queryOne("select description from public.work_orders where id = ?", String.class, id)).isNull();

        client.engine().dismissQuarantined(status.quarantined().get(0).mutationId());
        sync(client);
        assertThat(tenant.queryOne("select description from public.work_orders where id = ?", String.class, id))
                .isEqualTo("after the bad one");
        assertThat(tenant.queryOne("select title from public.work_orders where id = ?", String.class, id)).isEqualTo("Job 0");
        assertThat(client.workOrders().get(id.toString()).orElseThrow().get("title").asText()).isEqualTo("Job 0");
    }

    @Test
    void aReplayedMutationIsAppliedOnceAndAnsweredDuplicate() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Tenant.User user = tenant.user(0);
        JdbcRemoteTables remote = new JdbcRemoteTables(server, user.id(), user.email());
        ObjectNode changes = Json.object().put("title", "Once");
        MutationRequest request = new MutationRequest(UUID.randomUUID(), "work_orders", id.toString(), Operation.UPDATE,
                changes, 1L, null);
        assertThat(remote.applyMutations(List.of(request)).get(0).status()).isEqualTo(MutationResult.Status.APPLIED);
        MutationResult replay = remote.applyMutations(List.of(request)).get(0);
        assertThat(replay.status()).isEqualTo(MutationResult.Status.DUPLICATE);
        assertThat(replay.row().get("version").asInt()).isEqualTo(2);
        assertThat(tenant.queryOne("select version from public.work_orders where id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void applyMutationsRefusesUnknownTablesAndColumnsAsRejections() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Tenant.User user = tenant.user(0);
        JdbcRemoteTables remote = new JdbcRemoteTables(server, user.id(), user.email());
        List<MutationResult> results = remote.applyMutations(List.of(
                new MutationRequest(UUID.randomUUID(), "audit_log", id.toString(), Operation.UPDATE,
                        Json.object().put("hash", "x"), 1L, null),
                new MutationRequest(UUID.randomUUID(), "work_orders", id.toString(), Operation.UPDATE,
                        Json.object().put("title\"; drop table x; --", "x"), 1L, null),
                new MutationRequest(UUID.randomUUID(), "work_orders", id.toString(), Operation.UPDATE,
                        Json.object().put("title", "ok"), 1L, null)));
        assertThat(results).extracting(MutationResult::status).containsExactly(MutationResult.Status.REJECTED,
                MutationResult.Status.REJECTED, MutationResult.Status.DEFERRED);
        assertThat(results.get(0).message()).contains("cannot be changed through sync");
        assertThat(results.get(1).message()).contains("Cannot write column");
        assertThat(tenant.queryOne("select count(*) from public.sync_mutations", Long.class)).isZero();
    }

    @Test
    void aTransactionThatCommitsAfterAPullIsNotMissed() throws Exception {
        List<UUID> ids = tenant.insertWorkOrders(2, "Job");
        Client client = client(0, "a");
        sync(client);
        try (Connection slow = server.getConnection()) {
            slow.setAutoCommit(false);
            try (Statement statement = slow.createStatement()) {
                // Takes its transaction id first (the lower xid) and commits last.
                statement.execute("select pg_current_xact_id()");
                tenant.execute("update public.work_orders set title = 'Early commit' where id = ?", ids.get(1));
                sync(client);
                assertThat(client.workOrders().get(ids.get(1).toString()).orElseThrow().get("title").asText())
                        .isEqualTo("Early commit");
                statement.executeUpdate("update public.work_orders set title = 'Late commit' where id = '" + ids.get(0) + "'");
            }
            slow.commit();
        }
        sync(client);
        assertThat(client.workOrders().get(ids.get(0).toString()).orElseThrow().get("title").asText()).isEqualTo("Late commit");
    }

    @Test
    void aDeletedRowBecomesATombstoneAndLeavesEveryCache() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client a = client(2, "a");   // the supervisor: only managers delete work orders
        Client b = client(1, "b");
        sync(a);
        sync(b);
        a.workOrders().delete(id.toString());
        sync(a);
        sync(b);
        assertThat(tenant.queryOne("select deleted_at is not null from public.work_orders where id = ?", Boolean.class, id)).isTrue();
        assertThat(b.workOrders().get(id.toString())).isEmpty();
    }

    @Test
    void theWatchLoopPushesLocalChangesAtOnceAndPullsATableWhenTold() throws Exception {
        UUID id = tenant.insertWorkOrders(1, "Job").get(0);
        Client client = client(0, "a");
        ExecutorService loop = Executors.newSingleThreadExecutor();
        try {
            loop.submit(() -> client.engine().watch(report -> { }, failure -> { }));
            Await.until("the watch loop pulls the job", WATCH_WAIT, () -> client.workOrders().get(id.toString()).isPresent());

            client.workOrders().update(id.toString(), Map.of("title", "Pushed by the watch loop"));
            Await.until("the watch loop pushes the edit", WATCH_WAIT, () -> "Pushed by the watch loop".equals(
                    tenant.queryOne("select title from public.work_orders where id = ?", String.class, id)));

            tenant.execute("update public.work_orders set description = 'changed elsewhere' where id = ?", id);
            client.engine().remoteChanged("work_orders");
            Await.until("a remote change reaches the cache", WATCH_WAIT,
                    () -> client.workOrders().get(id.toString()).orElseThrow().get("description").asText()
                    .equals("changed elsewhere"));
        } finally {
            client.engine().close();
            loop.shutdown();
            assertThat(loop.awaitTermination(30, TimeUnit.SECONDS)).as("watch loop ends on close").isTrue();
        }
    }
}
