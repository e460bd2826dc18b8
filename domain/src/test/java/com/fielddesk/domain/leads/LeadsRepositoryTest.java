package com.fielddesk.domain.leads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.testing.PulledRows;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/** The leads repository against a real SQLite cache, filled the way a sync pull fills it. */
class LeadsRepositoryTest {

    private static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");

    @TempDir
    Path folder;

    private CacheDatabase database;
    private LeadsRepository leads;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        leads = new LeadsRepository(new LocalCache(database, new Outbox(), Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void thePoolHoldsOpenLiveLeadsNewestFirstWithEveryFieldMapped() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        pulled("lead_pool",
                row("id", older, "status", "open", "trade", "plumbing", "description", "Leak under sink\nsecond line",
                        "emergency", true, "postal_code", "90-001", "city", "Łódź", "posted_at", "2026-12-05T08:00:00+00:00",
                        "preferred_start", "2026-12-06T08:00:00+00:00", "preferred_end", "2026-12-06T10:00:00+00:00"),
                row("id", newer, "status", "open", "trade", "solar", "description", "Panels", "postal_code", "10115",
                        "posted_at", "2026-12-05T09:00:00.5+01:00"),
                row("id", UUID.randomUUID(), "status", "claimed", "trade", "hvac", "posted_at", "2026-12-05T09:30:00Z"),
                row("id", UUID.randomUUID(), "status", "open", "trade", "hvac", "posted_at", "2026-12-05T09:40:00Z",
                        "deleted_at", "2026-12-05T09:41:00Z"));

        List<Lead> pool = leads.pool();

        assertThat(pool).extracting(lead -> lead.id().value()).containsExactly(newer, older);
        Lead leak = pool.get(1);
        assertThat(leak.trade()).isEqualTo(Trade.PLUMBING);
        assertThat(leak.emergency()).isTrue();
        assertThat(leak.area()).isEqualTo("Łódź 90-001");
        assertThat(leak.excerpt()).isEqualTo("Leak under sink");
        assertThat(leak.postedAt()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
        assertThat(leak.preferredWindow()).isEqualTo(new PreferredWindow(Instant.parse("2026-12-06T08:00:00Z"),
                Instant.parse("2026-12-06T10:00:00Z")));
        // Half a second later than the leak, in another offset: newest first is by moment, not by text.
        // A trade this console does not know is kept and shown as its code; absent texts read as empty.
        Lead solar = pool.get(0);
        assertThat(solar.trade().label()).isEqualTo("solar");
        assertThat(solar.city()).isEmpty();
        assertThat(solar.postedAt()).isEqualTo(Instant.parse("2026-12-05T08:00:00.5Z"));
        assertThat(solar.preferredWindow()).isEqualTo(PreferredWindow.ANY_TIME);
    }

    @Test
    void theFilterInSqlLetsThroughWhatTheFilterInMemoryDoes() {
        pulled("lead_pool",
                row("id", UUID.randomUUID(), "status", "open", "trade", "hvac", "description", "Boiler dead",
                        "emergency", true, "city", "Leeds", "postal_code", "LS1", "posted_at", "2026-12-05T08:00:00Z"),
                row("id", UUID.randomUUID(), "status", "open", "trade", "plumbing", "description", "Dripping TAP",
                        "city", "Łódź", "postal_code", "90-001", "posted_at", "2026-12-05T08:01:00Z"),
                row("id", UUID.randomUUID(), "status", "open", "trade", "electrical", "description", "Sockets",
                        "emergency", true, "city", "York", "postal_code", "YO1", "posted_at", "2026-12-05T08:02:00Z"),
                row("id", UUID.randomUUID(), "status", "open", "trade", "hvac", "description", "100% wrong_%",
                        "city", "Hull", "postal_code", "HU1", "posted_at", "2026-12-05T08:03:00Z"));
        List<Lead> all = leads.pool();
        List<PoolFilter> filters = List.of(PoolFilter.EVERYTHING, PoolFilter.of(Trade.HVAC, false, ""),
                PoolFilter.of(null, true, ""), PoolFilter.of(Trade.HVAC, true, " "), PoolFilter.of(null, false, "tap"),
                PoolFilter.of(null, false, "ŁÓDŹ"), PoolFilter.of(null, false, "hva"), PoolFilter.of(null, false, "plumb"),
                PoolFilter.of(null, false, "ls1"), PoolFilter.of(null, false, "0%"), PoolFilter.of(null, false, "g_"),
                PoolFilter.of(Trade.ELECTRICAL, false, "boiler"), PoolFilter.of(null, false, "' or 1=1 --"));

        for (PoolFilter filter : filters) {
            assertThat(leads.pool(filter)).as(filter.toString())
                    .containsExactlyElementsOf(all.stream().filter(filter::matches).toList());
        }
        assertThat(leads.pool(PoolFilter.of(null, false, "łódź"))).extracting(Lead::city).containsExactly("Łódź");
        assertThat(leads.pool(PoolFilter.of(null, true, ""))).hasSize(2);
    }

    @Test
    void aLeadByIdAndArrivals() {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID taken = UUID.randomUUID();
        pulled("lead_pool",
                row("id", early, "status", "open", "trade", "hvac", "posted_at", "2026-12-05T08:00:00Z"),
                row("id", late, "status", "open", "trade", "hvac", "posted_at", "2026-12-05T09:00:00Z"),
                row("id", taken, "status", "claimed", "trade", "hvac", "posted_at", "2026-12-05T09:10:00Z"));

        assertThat(leads.poolLead(new LeadId(early))).map(Lead::postedAt).contains(Instant.parse("2026-12-05T08:00:00Z"));
        assertThat(leads.poolLead(new LeadId(taken))).isEmpty();
        assertThat(leads.arrivedSince(NINE)).extracting(lead -> lead.id().value()).containsExactly(late);
    }

    @Test
    void myLeadsAreJoinedToTheirJobsInOneQuery() {
        UUID company = UUID.randomUUID();
        UUID withJob = UUID.randomUUID();
        UUID jobNotPulledYet = UUID.randomUUID();
        UUID jobDeleted = UUID.randomUUID();
        UUID job = UUID.randomUUID();
        UUID deletedJob = UUID.randomUUID();
        pulled("work_orders",
                row("id", job, "number", 1042, "status", "scheduled", "service_request_id", withJob),
                row("id", deletedJob, "number", 7, "status", "scheduled", "deleted_at", "2026-12-05T09:00:00Z"));
        pulled("service_requests",
                row("id", withJob, "company_id", company, "trade", "hvac", "description", "Boiler", "emergency", true,
                        "customer_name", "Zoe Quill", "customer_phone", "555-0100", "customer_email", "zoe@example.test",
                        "street_address", "1 Elm St", "city", "Springfield", "postal_code", "12345",
                        "claimed_at", "2026-12-05T09:00:00Z", "work_order_id", job),
                row("id", jobNotPulledYet, "company_id", company, "trade", "new_trade", "customer_name", "Ann",
                        "claimed_at", "2026-12-05T09:30:00Z", "work_order_id", UUID.randomUUID()),
                row("id", jobDeleted, "company_id", company, "trade", "hvac", "customer_name", "Bo",
                        "claimed_at", "2026-12-05T08:00:00Z", "work_order_id", deletedJob),
                // Not this company's (yet), and a claimed lead since deleted: neither is in My leads.
                row("id", UUID.randomUUID(), "trade", "hvac", "customer_name", "Unclaimed"),
                row("id", UUID.randomUUID(), "company_id", company, "trade", "hvac", "customer_name", "Gone",
                        "claimed_at", "2026-12-05T09:45:00Z", "deleted_at", "2026-12-05T09:50:00Z"));

        List<ClaimedLead> mine = leads.myLeads();

        assertThat(mine).extracting(ClaimedLead::customerName).containsExactly("Ann", "Zoe Quill", "Bo");
        ClaimedLead zoe = mine.get(1);
        assertThat(zoe).isEqualTo(new ClaimedLead(new LeadId(withJob), Trade.HVAC, "Boiler", true, "Zoe Quill",
                "555-0100", "zoe@example.test", "1 Elm St", "Springfield", "12345", NINE,
                new ClaimedLead.Job(job.toString(), 1042L, WorkOrderStatus.fromCode("scheduled"))));
        assertThat(zoe.job().describe()).isEqualTo("Job #1042 · Scheduled");
        assertThat(mine.get(0).job()).isNull();
        assertThat(mine.get(0).trade().label()).isEqualTo("new_trade");
        assertThat(mine.get(2).job()).as("a deleted job reads as none").isNull();
        assertThat(leads.claimedLead(new LeadId(withJob))).contains(zoe);
        assertThat(leads.claimedLead(new LeadId(UUID.randomUUID()))).isEmpty();
    }

    private void pulled(String table, ObjectNode... rows) {
        PulledRows.pulled(database, table, rows);
    }
}
