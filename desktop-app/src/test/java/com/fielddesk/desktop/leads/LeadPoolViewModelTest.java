package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.LeadId;
import com.fielddesk.domain.leads.LeadsRepository;
import com.fielddesk.domain.leads.PoolFilter;
import com.fielddesk.domain.leads.Trade;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.DirectExecutor;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LeadPoolViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-21T15:00:00Z");

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private LeadPoolViewModel viewModel;
    private final SyncState sync = new SyncState(true);
    private final RecordingActions actions = new RecordingActions();
    private final java.util.concurrent.atomic.AtomicInteger chimes = new java.util.concurrent.atomic.AtomicInteger();
    private final ObjectNode boiler = CacheRows.poolRow(UUID.randomUUID(), "hvac", "Boiler makes a banging noise\nsince Monday",
            false, "12345", "Springfield", NOW.minus(Duration.ofMinutes(12)));
    private final ObjectNode flood = CacheRows.poolRow(UUID.randomUUID(), "plumbing", "Burst pipe, water in the kitchen",
            true, "12399", "Shelbyville", NOW.minus(Duration.ofMinutes(3)));

    @BeforeEach
    void openCache() {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.fixed(NOW, ZoneOffset.UTC));
        viewModel = new LeadPoolViewModel(new LeadsRepository(new LocalCache(cache, new Outbox(), Clock.fixed(NOW, ZoneOffset.UTC))),
                ChangeSource.of(repositories), actions, sync, DirectExecutor.tasks(), Clock.fixed(NOW, ZoneOffset.UTC),
                chimes::incrementAndGet);
        CacheRows.write(cache, "lead_pool", List.of(boiler, flood));
        viewModel.start();
    }

    @AfterEach
    void close() {
        viewModel.close();
        cache.close();
    }

    @Test
    void poolShowsOpenLeadsNewestFirstWithAgeAndExcerpt() {
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Shelbyville", "Springfield");
        Lead springfield = viewModel.visibleLeads().get(1);
        assertThat(springfield.trade()).isEqualTo(Trade.HVAC);
        assertThat(springfield.ageAt(viewModel.nowProperty().get())).isEqualTo(Duration.ofMinutes(12));
        assertThat(springfield.excerpt()).isEqualTo("Boiler makes a banging noise");
    }

    @Test
    void filtersByTradeEmergencyAndText() {
        viewModel.tradeFilterProperty().set(Trade.HVAC);
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Springfield");
        viewModel.tradeFilterProperty().set(null);
        viewModel.emergencyOnlyProperty().set(true);
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Shelbyville");
        viewModel.emergencyOnlyProperty().set(false);
        viewModel.searchTextProperty().set("  BANGING ");
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Springfield");
        viewModel.searchTextProperty().set("nothing like this");
        assertThat(viewModel.visibleLeads()).isEmpty();
        viewModel.clearFilters();
        assertThat(viewModel.visibleLeads()).hasSize(2);
    }

    @Test
    void leadClaimedElsewhereDisappearsAndTheSelectionSaysWhy() {
        viewModel.selectedLeadProperty().set(viewModel.visibleLeads().get(1));
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.tombstone(boiler, NOW)));
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Shelbyville");
        assertThat(viewModel.selectedLeadProperty().get()).isNull();
        assertThat(viewModel.messageProperty().get().sentence()).contains("no longer in the pool");
    }

    @Test
    void newLeadArrivingAfterTheFirstLoadIsAnnounced() {
        List<Lead> arrived = new ArrayList<>();
        viewModel.onLeadArrived(arrived::add);
        ObjectNode fresh = CacheRows.poolRow(UUID.randomUUID(), "electrical", "Sparks from the fuse box", true, "12345",
                "Springfield", NOW);
        CacheRows.write(cache, "lead_pool", List.of(fresh));
        assertThat(arrived).extracting(Lead::description).containsExactly("Sparks from the fuse box");
        assertThat(viewModel.visibleLeads()).hasSize(3);
    }

    @Test
    void liveArrivalNamesItselfOpensOnRequestAndChimesOnlyWithSoundOn() {
        assertThat(viewModel.newLeadNoticeProperty().get()).as("the first load is not news").isNull();
        ObjectNode sparks = CacheRows.poolRow(UUID.randomUUID(), "electrical", "Sparks from the fuse box", true, "12345",
                "Springfield", NOW);
        viewModel.tradeFilterProperty().set(Trade.PLUMBING);
        CacheRows.write(cache, "lead_pool", List.of(sparks));
        assertThat(viewModel.newLeadNoticeProperty().get().text())
                .isEqualTo("New lead: Electrical in Springfield 12345 — EMERGENCY");
        assertThat(chimes).as("sound is off by default").hasValue(0);

        assertThat(viewModel.openNewLead()).isTrue();
        assertThat(viewModel.selectedLeadProperty().get().description()).isEqualTo("Sparks from the fuse box");
        assertThat(viewModel.tradeFilterProperty().get()).as("the filter that hid it is cleared").isNull();
        assertThat(viewModel.newLeadNoticeProperty().get()).isNull();

        viewModel.newLeadSoundProperty().set(true);
        CacheRows.write(cache, "lead_pool", List.of(
                CacheRows.poolRow(UUID.randomUUID(), "hvac", "No hot water", false, "12345", "Springfield", NOW),
                CacheRows.poolRow(UUID.randomUUID(), "plumbing", "Leaking tap", false, "12399", "Shelbyville", NOW)));
        assertThat(chimes).as("one chime per batch of arrivals").hasValue(1);
        assertThat(viewModel.newLeadNoticeProperty().get().count()).isEqualTo(2);
        assertThat(viewModel.newLeadNoticeProperty().get().text()).endsWith("(+1 more)");
    }

    @Test
    void aNoticeForALeadThatLeftThePoolIsWithdrawn() {
        ObjectNode sparks = CacheRows.poolRow(UUID.randomUUID(), "electrical", "Sparks from the fuse box", false, "12345",
                "Springfield", NOW);
        CacheRows.write(cache, "lead_pool", List.of(sparks));
        assertThat(viewModel.newLeadNoticeProperty().get()).isNotNull();
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.tombstone(sparks, NOW)));
        assertThat(viewModel.newLeadNoticeProperty().get()).isNull();
        assertThat(viewModel.openNewLead()).isFalse();
    }

    @Test
    void sortingByAColumnKeepsNewLeadsInPlaceAndAnEmptyOrderMeansNewestFirst() {
        viewModel.sortPool(List.of(new PoolSort(PoolSort.Key.TRADE, true)));
        assertThat(viewModel.visibleLeads()).extracting(lead -> lead.trade().label()).containsExactly("HVAC", "Plumbing");
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.poolRow(UUID.randomUUID(), "electrical", "Sparks", false,
                "12345", "Springfield", NOW)));
        assertThat(viewModel.visibleLeads()).extracting(lead -> lead.trade().label())
                .containsExactly("Electrical", "HVAC", "Plumbing");

        viewModel.sortPool(List.of(new PoolSort(PoolSort.Key.EMERGENCY, true), new PoolSort(PoolSort.Key.AREA, false)));
        assertThat(viewModel.visibleLeads()).extracting(Lead::description)
                .containsExactly("Burst pipe, water in the kitchen", "Sparks", "Boiler makes a banging noise\nsince Monday");

        viewModel.sortPool(List.of(new PoolSort(PoolSort.Key.AGE, false)));
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Springfield", "Shelbyville", "Springfield");
        assertThat(viewModel.visibleLeads().get(0).description()).startsWith("Boiler");

        viewModel.sortPool(List.of());
        assertThat(viewModel.poolSortProperty().get()).isEqualTo(PoolSort.NEWEST_FIRST);
        assertThat(viewModel.visibleLeads()).extracting(Lead::description)
                .containsExactly("Sparks", "Burst pipe, water in the kitchen", "Boiler makes a banging noise\nsince Monday");
    }

    @Test
    void typingOnAndErasingFollowTheFiltersAndThePoolAsItChanges() {
        viewModel.searchTextProperty().set("s");
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Shelbyville", "Springfield");
        viewModel.searchTextProperty().set("sp");
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Springfield");

        ObjectNode sparks = CacheRows.poolRow(UUID.randomUUID(), "electrical", "Sparks from the fuse box", false, "12345",
                "Springfield", NOW);
        CacheRows.write(cache, "lead_pool", List.of(sparks));
        assertThat(viewModel.visibleLeads()).extracting(Lead::description)
                .containsExactly("Sparks from the fuse box", "Boiler makes a banging noise\nsince Monday");
        viewModel.searchTextProperty().set("s");
        assertThat(viewModel.visibleLeads()).as("the lead that arrived while filtered is there when the filter widens")
                .extracting(Lead::description).containsExactly("Sparks from the fuse box",
                        "Burst pipe, water in the kitchen", "Boiler makes a banging noise\nsince Monday");

        viewModel.searchTextProperty().set("sp");
        CacheRows.write(cache, "lead_pool", List.of(CacheRows.tombstone(sparks, NOW)));
        viewModel.searchTextProperty().set("s");
        assertThat(viewModel.visibleLeads()).extracting(Lead::city).containsExactly("Shelbyville", "Springfield");
        viewModel.searchTextProperty().set("");
        assertThat(viewModel.visibleLeads()).hasSize(2);
    }

    /**
     * Keystrokes, filter switches, sorting and sync changes in random order: after each, the table
     * shows exactly the pool's leads that pass the filters, in the pool's order (sorting and
     * arrivals inserted in place keep the filtered view and the pool in step).
     */
    @Test
    void theTableAlwaysShowsThePoolsLeadsThatPassTheFiltersInThePoolsOrder() {
        java.util.Random random = new java.util.Random(42);
        String[] words = {"boiler", "pipe", "leak", "panel", "noise", "heat", "drain"};
        String[] cities = {"Springfield", "Shelbyville", "Ogdenville"};
        String[] trades = {"hvac", "plumbing", "electrical"};
        List<ObjectNode> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(CacheRows.poolRow(UUID.randomUUID(), trades[random.nextInt(3)],
                    words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " #" + i,
                    random.nextInt(5) == 0, String.valueOf(12000 + random.nextInt(50)), cities[random.nextInt(3)],
                    NOW.minusSeconds(random.nextInt(86_400))));
        }
        CacheRows.write(cache, "lead_pool", rows);
        for (int step = 0; step < 400; step++) {
            String text = viewModel.searchTextProperty().get();
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> viewModel.searchTextProperty().set(text + "abeilnoprs #1".charAt(random.nextInt(13)));
                case 3, 4 -> viewModel.searchTextProperty().set(text.isEmpty() ? "" : text.substring(0, text.length() - 1));
                case 5 -> viewModel.tradeFilterProperty().set(random.nextBoolean() ? null
                        : Trade.values().get(random.nextInt(Trade.values().size())));
                case 6 -> viewModel.emergencyOnlyProperty().set(random.nextBoolean());
                case 7 -> viewModel.sortPool(List.of(new PoolSort(PoolSort.Key.values()[random.nextInt(
                        PoolSort.Key.values().length)], random.nextBoolean())));
                case 8 -> {
                    ObjectNode row = rows.get(random.nextInt(rows.size()));
                    CacheRows.write(cache, "lead_pool", List.of(CacheRows.tombstone(row, NOW)));
                    rows.remove(row);
                }
                default -> {
                    ObjectNode row = CacheRows.poolRow(UUID.randomUUID(), trades[random.nextInt(3)],
                            words[random.nextInt(words.length)] + " arrived " + step, random.nextBoolean(), "12001",
                            cities[random.nextInt(3)], NOW.minusSeconds(random.nextInt(86_400)));
                    CacheRows.write(cache, "lead_pool", List.of(row));
                    rows.add(row);
                }
            }
            PoolFilter filter = PoolFilter.of(viewModel.tradeFilterProperty().get(),
                    viewModel.emergencyOnlyProperty().get(), viewModel.searchTextProperty().get());
            assertThat(viewModel.visibleLeads()).as("step %d, filter %s", step, filter)
                    .containsExactlyElementsOf(viewModel.allPoolLeads().filtered(filter::matches));
        }
        assertThat(viewModel.allPoolLeads()).as("the two leads from the set-up and the random ones").hasSize(rows.size() + 2);
    }

    @Test
    void claimIsDisabledOfflineWithTheReasonShown() {
        viewModel.selectedLeadProperty().set(viewModel.visibleLeads().get(0));
        assertThat(viewModel.canClaimBinding().get()).isTrue();
        sync.markOffline();
        assertThat(viewModel.canClaimBinding().get()).isFalse();
        assertThat(viewModel.claimUnavailableReasonProperty().get()).contains("needs the server").contains("offline");
        viewModel.claimSelected();
        assertThat(actions.claimed).isEmpty();
        assertThat(viewModel.messageProperty().get().kind()).isEqualTo(Notice.Kind.WARNING);
    }

    @Test
    void claimCallsTheServerAndReportsSuccess() {
        Lead lead = viewModel.visibleLeads().get(0);
        viewModel.selectedLeadProperty().set(lead);
        viewModel.claimSelected();
        assertThat(actions.claimed).containsExactly(lead.id());
        assertThat(viewModel.messageProperty().get().kind()).isEqualTo(Notice.Kind.SUCCESS);
        assertThat(viewModel.busyProperty().get()).isFalse();
    }

    @Test
    void losingTheRaceShowsAlreadyClaimedByAnotherCompany() {
        actions.failWith = new LeadActionException(LeadActionException.Reason.ALREADY_CLAIMED,
                "Too late — this lead was already claimed by another company.", null);
        viewModel.selectedLeadProperty().set(viewModel.visibleLeads().get(0));
        viewModel.claimSelected();
        assertThat(viewModel.messageProperty().get().sentence()).contains("already claimed by another company");
        assertThat(viewModel.canClaimBinding().get()).isTrue();
    }

    @Test
    void declineNeedsAReasonAndAShortNote() {
        viewModel.selectedLeadProperty().set(viewModel.visibleLeads().get(0));
        viewModel.declineSelected(null, "");
        assertThat(viewModel.messageProperty().get().sentence()).contains("Choose a reason");
        viewModel.declineSelected(DeclineReason.TOO_FAR, "x".repeat(501));
        assertThat(viewModel.messageProperty().get().sentence()).contains("at most 500");
        assertThat(actions.declined).isEmpty();
        viewModel.declineSelected(DeclineReason.TOO_FAR, "  45 minutes away ");
        assertThat(actions.declined).containsExactly(viewModel.selectedLeadProperty().get().id() + ":too_far:45 minutes away");
    }

    @Test
    void myLeadsShowContactDetailsAndTheJob() {
        ObjectNode request = boiler.deepCopy();
        String jobId = UUID.randomUUID().toString();
        request.put("company_id", UUID.randomUUID().toString());
        request.put("status", "claimed");
        request.put("customer_name", "Zoë O'Brien");
        request.put("customer_phone", "+1 555 0100");
        request.put("customer_email", "zoe@example.test");
        request.put("street_address", "12 Elm St");
        request.put("claimed_at", NOW.toString());
        request.put("work_order_id", jobId);
        ObjectNode job = request.objectNode();
        job.put("id", jobId);
        job.put("number", 42);
        job.put("status", "unscheduled");
        job.put("stage", "job");
        CacheRows.write(cache, "work_orders", List.of(job));
        CacheRows.write(cache, "service_requests", List.of(request));
        assertThat(viewModel.myLeads()).singleElement().satisfies(mine -> {
            assertThat(mine.customerName()).isEqualTo("Zoë O'Brien");
            assertThat(mine.customerPhone()).isEqualTo("+1 555 0100");
            assertThat(mine.job().describe()).isEqualTo("Job #42 · Unscheduled");
        });
    }

    @Test
    void reachabilityOfTheServerDrivesClaim() {
        viewModel.selectedLeadProperty().set(viewModel.visibleLeads().get(0));
        sync.reachabilityChanged(false);
        assertThat(viewModel.canClaimBinding().get()).isFalse();
        // An engine status saying "online" (e.g. after draining an empty queue) does not override it.
        sync.publish(new SyncStatus(true, 0, null, NOW, null, false, List.of(), List.of(), null));
        assertThat(viewModel.canClaimBinding().get()).isFalse();
        sync.reachabilityChanged(true);
        assertThat(viewModel.canClaimBinding().get()).isTrue();
    }

    /** The server edge, recorded (the real one is exercised against local-backend in LeadClaimAgainstBackendTest). */
    private static final class RecordingActions implements LeadActions {
        final List<LeadId> claimed = new ArrayList<>();
        final List<String> declined = new ArrayList<>();
        LeadActionException failWith;

        @Override
        public void claim(LeadId lead) throws LeadActionException {
            if (failWith != null) {
                throw failWith;
            }
            claimed.add(lead);
        }

        @Override
        public void decline(LeadId lead, DeclineReason reason, String note) throws LeadActionException {
            if (failWith != null) {
                throw failWith;
            }
            declined.add(lead + ":" + reason.code() + ":" + note);
        }
    }
}
