package com.fielddesk.cache.sync;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.store.Json;
import com.fielddesk.cache.testing.JdbcRemoteTables;
import com.fielddesk.cache.testing.Tenant;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apply_mutations has a set-based fast path and the one-mutation-per-sub-transaction path it
 * falls back to (supabase/migrations/20261122000100). Both must give the same answers and leave
 * the same rows, ledger and audit entries; and the fast path must really take ordinary batches.
 */
class ApplyMutationsPathsTest {

    /** Columns that differ between two runs of the same change (time, transaction), not by logic. */
    private static final List<String> RUN_SPECIFIC = List.of("created_at", "updated_at", "sync_xid");

    /** The same in the audit entries, plus deleted_at (now() of the run): compared by key only. */
    private static final String TIME_COLUMNS = "array['created_at', 'updated_at', 'sync_xid', 'deleted_at']";

    private DataSource server;
    private Tenant tenant;
    private RequestIdentity supervisor;
    private JdbcRemoteTables remote;

    @BeforeEach
    void createServer() {
        TestPostgres postgres = TestPostgres.shared();
        server = postgres.superuser(postgres.newDatabase());
        // A manager: the batch deletes a work order, which only managers may (supabase/README.md).
        tenant = Tenant.create(server, "supervisor");
        supervisor = AsUser.authenticated(tenant.user(0).id(), tenant.user(0).email());
        remote = new JdbcRemoteTables(server, tenant.user(0).id(), tenant.user(0).email());
    }

    @Test
    void bothPathsAnswerAndChangeAMixedBatchAlike() throws Exception {
        List<UUID> rows = tenant.insertWorkOrders(4, "Job");
        MutationRequest alreadyApplied = update(rows.get(3), Map.of("title", "Sent before"), 1L, null);
        assertThat(remote.applyMutations(List.of(alreadyApplied)).get(0).status()).isEqualTo(MutationResult.Status.APPLIED);

        UUID created = UUID.randomUUID();
        MutationRequest insert = new MutationRequest(UUID.randomUUID(), "work_orders", created.toString(), Operation.INSERT,
                changes(Map.of("title", "Created offline", "stage", "job", "status", "unscheduled",
                        "customer_id", tenant.customerId().toString())), null, null);
        MutationRequest titleOfFirst = update(rows.get(0), Map.of("title", "First edit"), 1L, null);
        MutationRequest chainOnFirst = update(rows.get(0), Map.of("priority", "high"), 1L, titleOfFirst.mutationId());
        MutationRequest staleOnSecond = update(rows.get(1), Map.of("title", "Stale"), 7L, null);
        MutationRequest afterStale = update(rows.get(1), Map.of("priority", "low"), 7L, staleOnSecond.mutationId());
        MutationRequest deleteThird = new MutationRequest(UUID.randomUUID(), "work_orders", rows.get(2).toString(),
                Operation.DELETE, Json.object(), 1L, null);
        MutationRequest editOfCreated = update(created, Map.of("description", "Added later"), 1L, insert.mutationId());
        List<MutationRequest> batch = List.of(insert, titleOfFirst, chainOnFirst, staleOnSecond, afterStale, deleteThird,
                alreadyApplied, editOfCreated);

        Outcome fast = runAndRollBack("sync_internal.apply_mutations_set_based", batch);
        Outcome oneByOne = runAndRollBack("sync_internal.apply_mutations_one_by_one", batch);

        assertThat(fast.answers()).as("the fast path takes this batch").isNotNull();
        assertThat(statuses(fast.answers())).containsExactly("applied", "applied", "applied", "conflict", "deferred",
                "applied", "duplicate", "applied");
        assertThat(fast.answers()).isEqualTo(oneByOne.answers());
        assertThat(fast.rows()).isEqualTo(oneByOne.rows());
        assertThat(fast.ledger()).isEqualTo(oneByOne.ledger());
        assertThat(fast.audit()).isEqualTo(oneByOne.audit());
        assertThat(fast.audit()).as("insert, 2 updates of the first row, delete, update of the created row").hasSize(5);
    }

    @Test
    void aRefusedMutationSendsTheBatchOneByOneAndOnlyItIsRejected() throws Exception {
        List<UUID> rows = tenant.insertWorkOrders(3, "Job");
        List<MutationRequest> batch = List.of(
                update(rows.get(0), Map.of("title", "Fine"), 1L, null),
                update(rows.get(1), Map.of("status", "completed"), 1L, null),
                update(rows.get(2), Map.of("title", "Also fine"), 1L, null));

        assertThat(runAndRollBack("sync_internal.apply_mutations_set_based", batch).error())
                .as("the fast path refuses the whole batch").contains("Cannot move a job from unscheduled to completed");
        List<MutationResult> answers = remote.applyMutations(batch);

        assertThat(answers).extracting(MutationResult::status).containsExactly(MutationResult.Status.APPLIED,
                MutationResult.Status.REJECTED, MutationResult.Status.APPLIED);
        assertThat(answers.get(1).message()).contains("Cannot move a job from unscheduled to completed");
        assertThat(tenant.queryOne("select count(*) from public.sync_mutations where company_id = ?", Long.class,
                tenant.companyId())).isEqualTo(2L);
    }

    @Test
    void aLargeBatchKeepsTheAuditChainUnbroken() throws Exception {
        List<UUID> rows = tenant.insertWorkOrders(300, "Job");
        List<MutationRequest> batch = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            batch.add(update(rows.get(i), Map.of("title", "Batched " + i), 1L, null));
        }
        long entriesBefore = auditEntries();

        assertThat(remote.applyMutations(batch)).allMatch(r -> r.status() == MutationResult.Status.APPLIED);

        assertThat(auditEntries() - entriesBefore).isEqualTo(300);
        JsonNode verdict = Json.parse(tenant.queryOne("select public.verify_audit_chain(?)::text", String.class,
                tenant.companyId()));
        assertThat(verdict.path("ok").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("checked").asLong()).isEqualTo(auditEntries());
    }

    private long auditEntries() {
        return tenant.queryOne("select count(*) from public.audit_log where company_id = ?", Long.class, tenant.companyId());
    }

    private record Outcome(ArrayNode answers, Map<String, JsonNode> rows, List<String> ledger, List<String> audit,
                           String error) {
    }

    /** Runs one path as the supervisor, reads what it did, and rolls it all back. */
    private Outcome runAndRollBack(String function, List<MutationRequest> batch) throws SQLException {
        try (Connection connection = server.getConnection()) {
            connection.setAutoCommit(false);
            try {
                supervisor.applyTo(connection);
                connection.createStatement().execute("select public.lock_company_writes()");
                ArrayNode answers;
                try (PreparedStatement call = connection.prepareStatement("select " + function + "(?::jsonb)::text")) {
                    call.setString(1, MutationCodec.encode(batch).toString());
                    try (ResultSet result = call.executeQuery()) {
                        result.next();
                        String text = result.getString(1);
                        answers = text == null ? null : (ArrayNode) Json.parse(text);
                    }
                } catch (SQLException e) {
                    return new Outcome(null, Map.of(), List.of(), List.of(), e.getMessage());
                }
                if (answers != null) {
                    answers.forEach(answer -> strip(answer.get("row")));
                }
                // Read back as the superuser: the audit log is for managers only.
                connection.createStatement().execute("reset role");
                return new Outcome(answers, rows(connection), strings(connection, """
                        select mutation_id || ' ' || operation || ' ' || coalesce(result_version::text, '-')
                          from public.sync_mutations order by mutation_id"""), strings(connection, String.format(Locale.ROOT, """
                        select action || ' ' || row_id || ' ' || coalesce((old_values - %1$s)::text, '-') || ' '
                               || coalesce((new_values - %1$s)::text, '-') || ' '
                               || (select string_agg(k, ',' order by k) from jsonb_object_keys(
                                     coalesce(old_values, '{}') || coalesce(new_values, '{}')) k)
                          from public.audit_log
                         where table_name = 'work_orders' and sync_xid = pg_current_xact_id() order by 1""", TIME_COLUMNS)), null);
            } finally {
                connection.rollback();
            }
        }
    }

    private Map<String, JsonNode> rows(Connection connection) throws SQLException {
        Map<String, JsonNode> rows = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("select id::text, to_jsonb(t)::text from public.work_orders t");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), strip(Json.parse(result.getString(2))));
            }
        }
        return rows;
    }

    private static JsonNode strip(JsonNode row) {
        if (row instanceof ObjectNode object) {
            RUN_SPECIFIC.forEach(object::remove);
            if (object.hasNonNull("deleted_at")) {
                object.put("deleted_at", "set");
            }
        }
        return row;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static List<String> statuses(ArrayNode answers) {
        List<String> statuses = new ArrayList<>();
        answers.forEach(answer -> statuses.add(answer.get("status").asText()));
        return statuses;
    }

    private static MutationRequest update(UUID row, Map<String, String> change, Long baseVersion, UUID previous) {
        return new MutationRequest(UUID.randomUUID(), "work_orders", row.toString(), Operation.UPDATE, changes(change),
                baseVersion, previous);
    }

    private static ObjectNode changes(Map<String, String> values) {
        ObjectNode node = Json.object();
        values.forEach(node::put);
        return node;
    }
}
