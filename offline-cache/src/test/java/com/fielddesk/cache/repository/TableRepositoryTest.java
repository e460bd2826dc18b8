package com.fielddesk.cache.repository;

import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.store.CacheDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableRepositoryTest {

    @TempDir
    Path folder;

    private CacheDatabase database;
    private Outbox outbox;
    private Repositories repositories;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        outbox = new Outbox();
        repositories = new Repositories(database, outbox, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<OutboxEntry> queue() {
        return database.read(outbox::all);
    }

    @Test
    void insertStoresTheRowAndItsOutboxEntryTogether() {
        TableRepository workOrders = repositories.table("work_orders");
        String id = workOrders.insert(Map.of("title", "Fix boiler", "stage", "job", "status", "unscheduled",
                "total", new BigDecimal("120.50")));
        assertThat(workOrders.get(id)).get().satisfies(row -> {
            assertThat(row.get("title").asText()).isEqualTo("Fix boiler");
            assertThat(row.get("total").decimalValue()).isEqualByComparingTo("120.50");
        });
        assertThat(queue()).singleElement().satisfies(entry -> {
            assertThat(entry.operation()).isEqualTo(Operation.INSERT);
            assertThat(entry.rowId()).isEqualTo(id);
            assertThat(entry.changes().get("title").asText()).isEqualTo("Fix boiler");
        });
        assertThat(workOrders.isPending(id)).isTrue();
    }

    @Test
    void updateRecordsTheChangedFieldsTheirBaseValuesAndTheChain() {
        TableRepository workOrders = repositories.table("work_orders");
        String id = workOrders.insert(Map.of("title", "A", "status", "unscheduled"));
        workOrders.update(id, Map.of("title", "B"));
        workOrders.update(id, Map.of("status", "canceled"));
        List<OutboxEntry> entries = queue();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).baseValues().get("title").asText()).isEqualTo("A");
        assertThat(entries.get(1).previousMutationId()).isEqualTo(entries.get(0).mutationId());
        assertThat(entries.get(2).previousMutationId()).isEqualTo(entries.get(1).mutationId());
        assertThat(workOrders.get(id).orElseThrow().get("title").asText()).isEqualTo("B");
    }

    @Test
    void badInputIsRefusedClearlyAndChangesNothing() {
        TableRepository workOrders = repositories.table("work_orders");
        assertThatThrownBy(() -> workOrders.insert(Map.of("no_such_column", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown column work_orders.no_such_column");
        assertThatThrownBy(() -> workOrders.insert(Map.of("version", 7)))
                .hasMessageContaining("set by the server");
        assertThatThrownBy(() -> workOrders.insert(Map.of("id", "not-a-uuid")))
                .hasMessageContaining("UUID");
        assertThatThrownBy(() -> workOrders.update("00000000-0000-0000-0000-000000000001", Map.of("title", "x")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> repositories.table("lead_pool").insert(Map.of("trade", "hvac")))
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> repositories.table("no_table"))
                .hasMessageContaining("Not a synced table");
        assertThat(queue()).isEmpty();
        assertThat(workOrders.count()).isZero();
    }

    @Test
    void observersHearAboutCommittedChangesOfTheirTable() throws Exception {
        TableRepository workOrders = repositories.table("work_orders");
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = workOrders.onChange(() -> heard.add("work_orders"));
             AutoCloseable alsoIgnored = repositories.table("customers").onChange(() -> heard.add("customers"))) {
            String id = workOrders.insert(Map.of("title", "A"));
            workOrders.update(id, Map.of("title", "B"));
            workOrders.delete(id);
            // Notices are coalesced: the three commits reach the listener as one to three notices.
            com.fielddesk.cache.testing.Await.until("work_orders observers heard", java.time.Duration.ofSeconds(10),
                    () -> !heard.isEmpty());
            repositories.table("customers").insert(Map.of("full_name", "Kim"));
            com.fielddesk.cache.testing.Await.until("customers observers heard", java.time.Duration.ofSeconds(10),
                    () -> heard.contains("customers"));
        }
        assertThat(heard.subList(0, heard.indexOf("customers"))).hasSizeBetween(1, 3).containsOnly("work_orders");
        assertThat(workOrders.count()).isZero();
        assertThat(queue()).extracting(OutboxEntry::operation)
                .containsExactly(Operation.INSERT, Operation.UPDATE, Operation.DELETE, Operation.INSERT);
    }
}
