package com.fielddesk.desktop.leads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.DirectExecutor;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.domain.leads.ClaimedLead;
import com.fielddesk.domain.leads.LeadsRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** My leads reloads its one SQL join only when a notice names service_requests or work_orders. */
class MyLeadsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private MyLeadsViewModel myLeads;

    @BeforeEach
    void open() {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        myLeads = new MyLeadsViewModel(new LeadsRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC())),
                ChangeSource.of(repositories), DirectExecutor.tasks(), request -> {
                    requests.add(request);
                    return java.util.Optional.empty();
                });
        myLeads.start();
    }

    private final List<com.fielddesk.desktop.app.feature.WorkOrderRequest> requests = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        myLeads.close();
        cache.close();
    }

    @Test
    void aClaimShowsAtOnceAndItsJobWhenItArrivesAndThePoolDoesNotReloadIt() {
        UUID lead = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        ObjectNode request = CacheRows.poolRow(lead, "hvac", "Boiler", false, "12345", "Springfield", NOW);
        request.put("company_id", UUID.randomUUID().toString());
        request.put("customer_name", "Zoe Quill");
        request.put("claimed_at", NOW.toString());
        request.put("work_order_id", job.toString());
        CacheRows.write(cache, "service_requests", List.of(request));
        assertThat(myLeads.items()).singleElement().satisfies(mine -> assertThat(mine.job()).as("job not pulled yet").isNull());
        myLeads.newWorkOrder(myLeads.items().get(0), true);
        assertThat(myLeads.noticeProperty().get()).isEqualTo("The lead's job is still syncing; try again in a moment.");
        assertThat(requests).isEmpty();

        long loads = myLeads.loadsStarted();
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.poolRow(UUID.randomUUID(), "plumbing", "Leak", true,
                "12345", "Springfield", NOW)));
        assertThat(myLeads.loadsStarted()).as("a pool change is not My leads' business").isEqualTo(loads);

        ObjectNode jobRow = request.objectNode();
        jobRow.put("id", job.toString());
        jobRow.put("number", 7);
        jobRow.put("status", "scheduled");
        CacheRows.write(cache, "work_orders", List.of(jobRow));
        assertThat(myLeads.loadsStarted()).isEqualTo(loads + 1);
        assertThat(myLeads.items()).extracting(ClaimedLead::job).extracting(ClaimedLead.Job::describe)
                .containsExactly("Job #7 · Scheduled");

        myLeads.newWorkOrder(myLeads.items().get(0), true);
        assertThat(requests).as("a new quote for the lead's customer and address, with its description").singleElement()
                .satisfies(asked -> {
                    assertThat(asked.quote()).isTrue();
                    assertThat(asked.sameAs()).contains(job);
                    assertThat(asked.description()).isEqualTo(myLeads.items().get(0).description());
                });
        assertThat(myLeads.noticeProperty().get()).isEmpty();

        assertThat(myLeads.focus(lead.toString())).isTrue();
        assertThat(myLeads.focusedProperty().get().customerName()).isEqualTo("Zoe Quill");
        assertThat(myLeads.focus(UUID.randomUUID().toString())).isFalse();
    }
}
