package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.SyncedTablesCatalog;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table the offline cache syncs reaches a Realtime subscriber who may see the change, live;
 * and a delete reaches subscribers only as a tombstone (an UPDATE row security filters), never as
 * a DELETE event.
 */
class SyncedTablesLiveTest {

    private static final List<Map<String, Object>> EVERY_PUBLIC_TABLE =
            List.of(Map.of("event", "*", "schema", "public", "table", "*"));

    private final TestBackend backend = TestBackend.shared();
    private final TenantFixtures tenants = backend.tenants();

    @Test
    void aChangeToEverySyncedTableIsDeliveredLiveToAManagerOfTheCompany() throws Exception {
        String postalCode = uniquePostalCode();
        Company company = tenants.company("Live Tables HVAC", LeadPreferences.serving("hvac", postalCode));
        AppUser manager = tenants.staff(company, "supervisor");
        AppUser csr = tenants.staff(company, "csr");
        AppUser technician = tenants.staff(company, "technician");

        try (PhoenixTestSocket socket = subscribe(manager, "realtime:every-synced-table")) {
            // A lead in the company's area (lead_pool), claimed by the CSR: the request joins the
            // company (service_requests) and becomes a customer, an address, a job and its history.
            UUID lead = tenants.openLead("hvac", postalCode);
            JsonNode claim = TestBackend.read(AsUser.run(backend.admin(), csr.identity(),
                    c -> single(c, "select public.claim_service_request(?)::text", lead)));
            UUID workOrder = UUID.fromString(claim.path("work_order_id").asText());
            UUID customer = UUID.fromString(claim.path("customer_id").asText());
            sql("update public.companies set phone = '503-555-0100' where id = ?", company.id());
            sql("update public.profiles set phone = '503-555-0101' where id = ?", technician.id());
            UUID customerThread = insert("""
                    insert into public.customer_threads (company_id, work_order_id, customer_id, subject)
                    values (?, ?, ?, 'Your visit') returning id""", company.id(), workOrder, customer);
            insert("""
                    insert into public.customer_messages (company_id, customer_thread_id, sender_id, body)
                    values (?, ?, ?, 'On our way') returning id""", company.id(), customerThread, csr.id());
            UUID internalThread = insert("""
                    insert into public.internal_threads (company_id, work_order_id, subject)
                    values (?, ?, 'Parts') returning id""", company.id(), workOrder);
            insert("""
                    insert into public.internal_messages (company_id, internal_thread_id, author_id, body)
                    values (?, ?, ?, 'Bring the ladder') returning id""", company.id(), internalThread, technician.id());
            // A read marker is seen only by its owner: the manager's own.
            insert("""
                    insert into public.internal_thread_reads (company_id, internal_thread_id, user_id)
                    values (?, ?, ?) returning id""", company.id(), internalThread, manager.id());
            UUID invoice = insert("""
                    insert into public.invoices (company_id, work_order_id, customer_id, status)
                    values (?, ?, ?, 'issued') returning id""", company.id(), workOrder, customer);
            insert("""
                    insert into public.invoice_items (company_id, invoice_id, description, quantity, unit_price)
                    values (?, ?, 'Service call', 1, 120) returning id""", company.id(), invoice);
            insert("""
                    insert into public.payments (company_id, invoice_id, amount, method)
                    values (?, ?, 20, 'cash') returning id""", company.id(), invoice);

            Set<String> synced = SyncedTablesCatalog.tableNames();
            for (String table : synced) {
                socket.await(frame -> isChangeOf(frame, "realtime:every-synced-table", table),
                        "a change of " + table + " (is there a change for it above?)");
            }
            assertThat(synced).hasSizeGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void aDeleteReachesSubscribersOnlyAsATombstoneNeverAsADeleteEvent() throws Exception {
        Company company = tenants.company("Tombstone Plumbing");
        AppUser manager = tenants.staff(company, "admin");
        AppUser csr = tenants.staff(company, "csr");
        String topic = "realtime:no-delete-events";

        try (PhoenixTestSocket socket = subscribe(manager, topic)) {
            // Created after subscribing and awaited: a customer created before could still arrive as
            // an INSERT when the change stream lags behind the subscription (it did under load).
            UUID customer = tenants.customer(company, "Leaving Customer");
            socket.await(frame -> isChangeOf(frame, topic, "customers") && id(frame).equals(customer.toString()),
                    "the leaving customer's insert");
            TestBackend.SignedInUser signedInManager = backend.signInAs(manager);
            HttpResponse<String> hardDelete = backend.send("DELETE", "/rest/v1/customers?id=eq." + customer,
                    signedInManager.accessToken(), null);
            JsonNode refusedForCsr = applyDelete(csr, customer).get(0);
            JsonNode appliedForManager = applyDelete(manager, customer).get(0);
            UUID marker = tenants.customer(company, "Marker Customer");

            socket.await(frame -> isChangeOf(frame, topic, "customers") && id(frame).equals(marker.toString()),
                    "the marker insert");
            assertThat(hardDelete.statusCode()).isEqualTo(403);
            assertThat(refusedForCsr.path("status").asText()).isEqualTo("rejected");
            assertThat(refusedForCsr.path("details").path("code").asText()).isEqualTo("delete_not_allowed");
            assertThat(appliedForManager.path("status").asText()).isEqualTo("applied");
            List<JsonNode> customerEvents = socket.frames().stream()
                    .filter(frame -> isChangeOf(frame, topic, "customers") && id(frame).equals(customer.toString()))
                    .map(frame -> frame.payload().path("data")).toList();
            assertThat(customerEvents).extracting(data -> data.path("type").asText()).containsExactly("INSERT", "UPDATE");
            assertThat(customerEvents.get(1).path("record").path("deleted_at").isNull()).isFalse();
            assertThat(socket.frames()).noneMatch(frame -> frame.payload().path("data").path("type").asText().equals("DELETE"));
        }
    }

    private PhoenixTestSocket subscribe(AppUser user, String topic) throws InterruptedException {
        String token = backend.mintAccessToken(user.id(), user.email(), "authenticated", Duration.ofMinutes(10));
        PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey());
        socket.send("1", "1", topic, "phx_join", Map.of("config", Map.of("postgres_changes", EVERY_PUBLIC_TABLE),
                "access_token", token));
        socket.await(frame -> frame.event().equals("system") && frame.topic().equals(topic), "Subscribed to " + topic);
        return socket;
    }

    private JsonNode applyDelete(AppUser user, UUID customer) throws SQLException {
        String mutations = TestBackend.write(List.of(Map.of("mutation_id", UUID.randomUUID().toString(),
                "table", "customers", "row_id", customer.toString(), "operation", "delete")));
        return TestBackend.read(AsUser.run(backend.admin(), user.identity(),
                c -> single(c, "select public.apply_mutations(?::jsonb)::text", mutations)));
    }

    private static boolean isChangeOf(PhoenixFrame frame, String topic, String table) {
        return frame.topic().equals(topic) && frame.event().equals("postgres_changes")
                && frame.payload().path("data").path("table").asText().equals(table);
    }

    private static String id(PhoenixFrame frame) {
        JsonNode data = frame.payload().path("data");
        return data.path("record").path("id").asText(data.path("old_record").path("id").asText());
    }

    /** A postal code no other test's company serves, so the lead pool change is this test's. */
    private static String uniquePostalCode() {
        return "L" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private UUID insert(String sql, Object... parameters) {
        return tenants.insertReturningId(sql, parameters);
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (Connection connection = backend.admin().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String single(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
