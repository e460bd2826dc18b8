package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sharing one re-read between subscribers must never widen what anyone sees: subscribers of one
 * company that RLS tells apart (staff vs. portal customers of different customers) and staff of
 * another company all receive, from the same batch, exactly the rows their own SELECT returns.
 */
class RealtimeVisibilityTest {

    private static final List<Map<String, Object>> MESSAGE_INSERTS =
            List.of(Map.of("event", "INSERT", "schema", "public", "table", "customer_messages"));

    private final TestBackend backend = TestBackend.shared();
    private final TenantFixtures tenants = backend.tenants();

    /** A subscriber: who it is, its socket, and the topic it joined. */
    private record Watcher(String name, TenantFixtures.AppUser user, PhoenixTestSocket socket, String topic) {
    }

    @Test
    void everySubscriberOfOneBatchGetsExactlyWhatItsOwnSelectReturns() throws Exception {
        TenantFixtures.Company a = tenants.company("Visibility A");
        TenantFixtures.Company b = tenants.company("Visibility B");
        UUID customerX = tenants.customer(a, "Customer X");
        UUID customerY = tenants.customer(a, "Customer Y");
        UUID customerZ = tenants.customer(b, "Customer Z");
        UUID threadX = thread(a, customerX);
        UUID threadY = thread(a, customerY);
        UUID threadZ = thread(b, customerZ);

        Map<String, TenantFixtures.AppUser> people = new LinkedHashMap<>();
        people.put("dispatcher of A", tenants.staff(a, "dispatcher"));
        people.put("technician of A", tenants.staff(a, "technician"));
        people.put("portal customer X of A", tenants.portalCustomer(a, customerX));
        people.put("portal customer Y of A", tenants.portalCustomer(a, customerY));
        people.put("dispatcher of B", tenants.staff(b, "dispatcher"));

        List<Watcher> watchers = new ArrayList<>();
        try {
            for (Map.Entry<String, TenantFixtures.AppUser> person : people.entrySet()) {
                TenantFixtures.AppUser user = person.getValue();
                String token = backend.mintAccessToken(user.id(), user.email(), "authenticated", Duration.ofMinutes(10));
                PhoenixTestSocket socket = PhoenixTestSocket.open(backend, backend.anonKey());
                String topic = "realtime:visibility-" + watchers.size();
                watchers.add(new Watcher(person.getKey(), user, socket, topic));
                socket.send("1", "1", topic, "phx_join",
                        Map.of("config", Map.of("postgres_changes", MESSAGE_INSERTS), "access_token", token));
                socket.await(f -> f.event().equals("system") && f.topic().equals(topic), "Subscribed for " + person.getKey());
            }

            // One transaction: its notifications arrive together, so every subscriber is served from one batch.
            List<UUID> messages = insertMessages(List.of(threadX, threadY, threadZ, threadX, threadY, threadZ));
            // Then one message per thread, each marking the end of the first batch for whoever can see it
            // (a socket's events arrive in commit order, so after its last marker nothing older can come).
            List<UUID> markers = insertMessages(List.of(threadX, threadY, threadZ));

            for (Watcher watcher : watchers) {
                Set<UUID> visibleMarkers = selectableBy(watcher.user(), markers);
                assertThat(visibleMarkers).as("markers %s sees", watcher.name()).isNotEmpty();
                for (UUID marker : visibleMarkers) {
                    watcher.socket().await(f -> isInsertOf(f, watcher.topic(), marker), "marker for " + watcher.name());
                }
                Set<UUID> received = new HashSet<>();
                for (PhoenixFrame frame : watcher.socket().frames()) {
                    if (frame.topic().equals(watcher.topic()) && frame.event().equals("postgres_changes")) {
                        JsonNode data = frame.payload().path("data");
                        received.add(UUID.fromString(data.path("record").path("id").asText()));
                        Set<String> columns = new HashSet<>();
                        data.path("columns").forEach(column -> columns.add(column.path("name").asText()));
                        Set<String> fields = new HashSet<>();
                        data.path("record").fieldNames().forEachRemaining(fields::add);
                        assertThat(fields).as("record fields %s receives", watcher.name()).isEqualTo(columns);
                    }
                }
                received.retainAll(messages);
                assertThat(received).as("what %s received of the batch", watcher.name())
                        .isEqualTo(selectableBy(watcher.user(), messages))
                        .isNotEmpty();
            }
            // The cases the test is about really differ (else it could not catch a leak).
            assertThat(selectableBy(people.get("dispatcher of A"), messages)).hasSize(4);
            assertThat(selectableBy(people.get("portal customer X of A"), messages)).hasSize(2);
            assertThat(selectableBy(people.get("dispatcher of B"), messages)).hasSize(2);
        } finally {
            watchers.forEach(watcher -> watcher.socket().close());
        }
    }

    private static boolean isInsertOf(PhoenixFrame frame, String topic, UUID id) {
        return frame.topic().equals(topic) && frame.event().equals("postgres_changes")
                && frame.payload().path("data").path("record").path("id").asText().equals(id.toString());
    }

    private UUID thread(TenantFixtures.Company company, UUID customer) throws SQLException {
        try (Connection connection = backend.admin().getConnection();
             PreparedStatement workOrder = connection.prepareStatement("""
                     insert into public.work_orders (company_id, stage, title, customer_id)
                     values (?, 'job', 'Visibility job', ?) returning id""");
             PreparedStatement thread = connection.prepareStatement("""
                     insert into public.customer_threads (company_id, work_order_id, customer_id, subject)
                     values (?, ?, ?, 'Visibility thread') returning id""")) {
            workOrder.setObject(1, company.id());
            workOrder.setObject(2, customer);
            UUID workOrderId = single(workOrder);
            thread.setObject(1, company.id());
            thread.setObject(2, workOrderId);
            thread.setObject(3, customer);
            return single(thread);
        }
    }

    /** Inserts one staff message per thread given, all in one transaction. */
    private List<UUID> insertMessages(List<UUID> threads) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = backend.admin().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into public.customer_messages (company_id, customer_thread_id, body)
                    select company_id, id, 'Visibility message' from public.customer_threads where id = ?
                    returning id""")) {
                for (UUID thread : threads) {
                    insert.setObject(1, thread);
                    ids.add(single(insert));
                }
            }
            connection.commit();
        }
        return ids;
    }

    /** Which of the messages the user's own SELECT returns. */
    private Set<UUID> selectableBy(TenantFixtures.AppUser user, List<UUID> messages) throws SQLException {
        RequestIdentity identity = user.identity();
        return AsUser.run(backend.admin(), identity, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select id from public.customer_messages where id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", messages.toArray()));
                Set<UUID> visible = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visible.add(rows.getObject(1, UUID.class));
                    }
                }
                return visible;
            }
        });
    }

    private static UUID single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }
}
