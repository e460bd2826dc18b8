package com.fielddesk.localbackend.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.testing.SyncedTablesCatalog;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables the offline cache syncs (its catalog, read from offline-cache's migrations): every one
 * is in the Realtime publication, and none can be hard-deleted by an API role — a delete is a
 * tombstone, so Realtime never sends another tenant a DELETE (which carries the primary key and is
 * not filtered by row security). Tombstone rights and the tenant check live in one trigger that
 * fires before every other BEFORE row trigger.
 */
class SyncedTablesTest {

    private static final Set<String> SYNCED = SyncedTablesCatalog.tableNames();
    private static final TestBackend BACKEND = TestBackend.shared();
    private static SignedInUser admin;

    @BeforeAll
    static void signInAnAdmin() {
        admin = BACKEND.staff(BACKEND.tenants().company("Synced Tables Co"), "admin");
    }

    static Set<String> syncedTables() {
        return SYNCED;
    }

    @Test
    void theRealtimePublicationHoldsExactlyTheCachesSyncedTables() throws SQLException {
        List<String> published = Sql.rows(BACKEND.admin(), """
                select tablename from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public'
                """).stream().map(row -> (String) row.get("tablename")).toList();

        assertThat(SYNCED).contains("work_orders", "customers", "payments");
        assertThat(published).containsExactlyInAnyOrderElementsOf(SYNCED);
    }

    @Test
    void noApiRoleMayDeleteOrTruncateASyncedTableAndNoDeletePolicyIsLeft() throws SQLException {
        List<Map<String, Object>> granted = Sql.rows(BACKEND.admin(), """
                select r.role, t.name from unnest(?::text[]) as t(name)
                 cross join unnest(array['anon', 'authenticated', 'service_role']) as r(role)
                 where has_table_privilege(r.role, 'public.' || t.name, 'delete')
                    or has_table_privilege(r.role, 'public.' || t.name, 'truncate')""", (Object) SYNCED.toArray(String[]::new));
        List<Map<String, Object>> deletePolicies = Sql.rows(BACKEND.admin(), """
                select policyname from pg_policies where schemaname = 'public' and tablename = any (?::text[]) and cmd = 'DELETE'
                """, (Object) SYNCED.toArray(String[]::new));

        assertThat(granted).isEmpty();
        assertThat(deletePolicies).isEmpty();
    }

    @ParameterizedTest(name = "DELETE /rest/v1/{0}")
    @MethodSource("syncedTables")
    void aDeleteThroughTheRestApiIsRefusedEvenForAnAdmin(String table) {
        HttpResponse<String> response = BACKEND.send("DELETE", "/rest/v1/" + table + "?id=eq." + UUID.randomUUID(),
                admin.accessToken(), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = TestBackend.read(response.body());
        assertThat(error.path("code").asText()).isEqualTo("42501");
        assertThat(error.path("message").asText()).contains("permission denied for table " + table);
    }

    @Test
    void everyCompanyTableIsAuthorizedByATriggerThatFiresBeforeAllOthers() throws SQLException {
        List<String> companyTables = Sql.rows(BACKEND.admin(), """
                select c.relname from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                   and (c.relname = 'companies' or exists (select 1 from pg_attribute a where a.attrelid = c.oid
                                                              and a.attname = 'company_id' and not a.attisdropped))
                   -- written only by the database's own functions: the audit chain and the push ledger
                   and c.relname not in ('audit_log', 'sync_mutations')""").stream().map(row -> (String) row.get("relname")).toList();
        // tgtype: bit 0 = row trigger, bit 1 = before; bits 2..4 = insert, delete, update.
        List<Map<String, Object>> firstBeforeRowTrigger = Sql.rows(BACKEND.admin(), """
                select c.relname, min(t.tgname collate "C") as first
                  from pg_trigger t join pg_class c on c.oid = t.tgrelid
                 where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
                   and t.tgtype & 1 = 1 and t.tgtype & 2 = 2
                 group by c.relname""");

        assertThat(companyTables).hasSizeGreaterThan(10);
        assertThat(firstBeforeRowTrigger).filteredOn(row -> companyTables.contains((String) row.get("relname")))
                .hasSize(companyTables.size())
                .allSatisfy(row -> assertThat(row.get("first")).as("first BEFORE row trigger of %s", row.get("relname"))
                        .isEqualTo("authorize_row_write"));
    }
}
