package com.fielddesk.domain.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.testing.PulledRows;
import com.fielddesk.domain.search.RecordSearch.Found;
import com.fielddesk.domain.search.RecordSearch.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+K against a real SQLite cache: the FTS indexes answer, grouped customers → leads → jobs. */
class RecordSearchTest {

    @TempDir
    Path folder;

    private CacheDatabase database;
    private RecordSearch search;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        search = new RecordSearch(new LocalCache(database, new Outbox(), Clock.systemUTC()), 3);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void customersLeadsAndJobsAreFoundInSqlGroupedByKind() {
        UUID customer = UUID.randomUUID();
        UUID poolLead = UUID.randomUUID();
        UUID claimed = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        pulled("work_orders", row("id", job, "number", 1042, "title", "Springfield boiler", "status", "scheduled"));
        pulled("customers", row("id", customer, "full_name", "Springfield Dental", "phone", "555-0100"));
        pulled("lead_pool", row("id", poolLead, "status", "open", "trade", "hvac", "description", "Cold house",
                "city", "Springfield", "postal_code", "12345"));
        pulled("service_requests", row("id", claimed, "company_id", UUID.randomUUID(), "customer_name", "Zoe Quill",
                "description", "Boiler", "city", "Springfield", "claimed_at", "2026-12-05T09:00:00Z"));

        List<Found> found = search.search("spring");

        assertThat(found).extracting(Found::kind).containsExactly(Kind.CUSTOMER, Kind.LEAD, Kind.LEAD, Kind.JOB);
        assertThat(found.get(0)).isEqualTo(new Found(Kind.CUSTOMER, customer, "Springfield Dental", "555-0100"));
        assertThat(found).extracting(Found::title)
                .contains("HVAC · Springfield", "Zoe Quill (claimed)", "#1042 Springfield boiler");
        assertThat(search.search("boil")).extracting(Found::id).containsExactly(claimed, job);
    }

    @Test
    void aLeadInThePoolAndInMyLeadsShowsOnceAndEachKindIsLimited() {
        UUID lead = UUID.randomUUID();
        pulled("lead_pool", row("id", lead, "status", "open", "trade", "plumbing", "description", "Leaking tap"));
        pulled("service_requests", row("id", lead, "company_id", UUID.randomUUID(), "customer_name", "Ann",
                "description", "Leaking tap", "claimed_at", "2026-12-05T09:00:00Z"));
        for (int i = 0; i < 5; i++) {
            pulled("customers", row("id", UUID.randomUUID(), "full_name", "Leaky Roofs " + i));
        }

        List<Found> found = search.search("leak");

        assertThat(found).filteredOn(hit -> hit.kind() == Kind.LEAD).extracting(Found::id).containsExactly(lead);
        assertThat(found).filteredOn(hit -> hit.kind() == Kind.CUSTOMER).hasSize(3);
        assertThat(search.search("l")).as("one letter asks for more").isEmpty();
        assertThat(search.search("\"leak*")).as("the user's text is words, never FTS syntax")
                .extracting(Found::kind).contains(Kind.LEAD);
    }

    private void pulled(String table, ObjectNode... rows) {
        PulledRows.pulled(database, table, rows);
    }
}
