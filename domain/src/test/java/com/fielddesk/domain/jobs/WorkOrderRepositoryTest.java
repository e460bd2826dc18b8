package com.fielddesk.domain.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Page;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The work-order repository against a real SQLite cache: every filter, the board's reads, every write. */
class WorkOrderRepositoryTest {

    private static final UUID COMPANY = UUID.randomUUID();
    /** A company in New York: 2026-03-08 is the day clocks go forward (a 23-hour day). */
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();
    private final UUID terry = UUID.randomUUID();
    private final UUID tina = UUID.randomUUID();
    private final UUID northwind = UUID.randomUUID();
    private final UUID acme = UUID.randomUUID();
    private final UUID northwindHome = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), java.time.Clock.systemUTC());
        pulled(database, "companies", row("id", COMPANY, "name", "Acme Heating", "timezone", "America/New_York", "version", 1));
        pulled(database, "profiles",
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher", "version", 1),
                row("id", supervisor, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam Super", "version", 1),
                row("id", terry, "company_id", COMPANY, "role", "technician", "full_name", "Terry Tech", "color", "#1f77b4",
                        "active", true, "version", 1),
                row("id", tina, "company_id", COMPANY, "role", "technician", "full_name", "Tina Tech", "active", true, "version", 1),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "role", "technician", "full_name", "Old Oscar",
                        "active", false, "version", 1));
        pulled(database, "customers",
                row("id", northwind, "company_id", COMPANY, "full_name", "Northwind Traders", "version", 1),
                row("id", acme, "company_id", COMPANY, "full_name", "Acme Bakery", "version", 1));
        pulled(database, "customer_addresses", row("id", northwindHome, "company_id", COMPANY, "customer_id", northwind,
                "street", "12 Elm St", "city", "Springfield", "postal_code", "12345", "version", 1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private WorkOrderRepository as(UUID user) {
        return new WorkOrderRepository(cache, new UserId(user));
    }

    private UUID job(long number, String title, UUID customer, String status, UUID technician, ZonedDateTime start,
                     int hours, String priority) {
        UUID id = UUID.randomUUID();
        ObjectNode row = row("id", id, "company_id", COMPANY, "stage", "job", "number", number, "title", title,
                "status", status, "customer_id", customer, "priority", priority, "total", "0",
                "created_at", Instant.parse("2026-03-01T12:00:00Z").plusSeconds(number * 60), "version", 1);
        if (customer.equals(northwind)) {
            row.put("customer_address_id", northwindHome.toString());
        }
        if (technician != null) {
            row.put("technician_id", technician.toString());
        }
        if (start != null) {
            row.put("scheduled_start", start.toInstant().toString());
            row.put("scheduled_end", start.plusHours(hours).toInstant().toString());
        }
        pulled(database, "work_orders", row);
        return id;
    }

    private static ZonedDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(NEW_YORK);
    }

    @Test
    void everyFilterNarrowsInSqlAndCountsAgreeWithTheRows() {
        job(1, "Boiler service", northwind, "scheduled", terry, at("2026-03-09T09:00"), 2, "normal");
        job(2, "Leaking tap", acme, "unscheduled", null, null, 0, "high");
        job(3, "Furnace check", northwind, "dispatched", tina, at("2026-03-10T13:00"), 1, "emergency");
        job(4, "Heat pump install", acme, "completed", terry, at("2026-03-02T08:00"), 6, "low");
        pulled(database, "work_orders", row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "quote", "number", 5,
                "title", "New boiler quote", "quote_status", "sent", "customer_id", northwind, "priority", "normal",
                "total", "4250.00", "version", 1));
        WorkOrderRepository orders = as(dispatcher);

        assertThat(titles(orders, WorkOrderFilter.jobs())).containsExactly("Heat pump install", "Furnace check", "Leaking tap",
                "Boiler service");
        assertThat(titles(orders, WorkOrderFilter.quotes())).containsExactly("New boiler quote");
        assertThat(titles(orders, WorkOrderFilter.jobs().withStatuses(Set.of(WorkOrderStatus.SCHEDULED, WorkOrderStatus.DISPATCHED))))
                .containsExactly("Furnace check", "Boiler service");
        assertThat(titles(orders, WorkOrderFilter.jobs().withTechnician(terry))).containsExactly("Heat pump install", "Boiler service");
        assertThat(titles(orders, WorkOrderFilter.jobs().unassigned())).containsExactly("Leaking tap");
        assertThat(titles(orders, WorkOrderFilter.all().withCustomer(new CustomerId(acme)))).containsExactly("Heat pump install",
                "Leaking tap");
        assertThat(titles(orders, WorkOrderFilter.jobs().withPriorities(Set.of(Priority.HIGH, Priority.EMERGENCY))))
                .containsExactly("Furnace check", "Leaking tap");
        assertThat(titles(orders, WorkOrderFilter.jobs().withDays(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"))))
                .containsExactly("Furnace check", "Boiler service");
        assertThat(titles(orders, WorkOrderFilter.all().withText("northwind"))).as("the customer's name")
                .containsExactly("New boiler quote", "Furnace check", "Boiler service");
        assertThat(titles(orders, WorkOrderFilter.all().withText("#3"))).as("the number").containsExactly("Furnace check");
        assertThat(titles(orders, WorkOrderFilter.all().withText("boil'); drop table work_orders; --"))).as("just text").isEmpty();

        WorkOrderFilter narrow = WorkOrderFilter.jobs().withText("e");
        assertThat(orders.count(narrow)).isEqualTo(orders.list(narrow, WorkOrderSort.NUMBER, 100).size());
        Map<WorkOrderStatus, Long> perStatus = orders.countsByStatus(WorkOrderFilter.jobs().withStatuses(Set.of(WorkOrderStatus.SCHEDULED)));
        assertThat(perStatus).as("every column counts, whatever status the filter picked")
                .containsEntry(WorkOrderStatus.SCHEDULED, 1L).containsEntry(WorkOrderStatus.UNSCHEDULED, 1L)
                .containsEntry(WorkOrderStatus.DISPATCHED, 1L).containsEntry(WorkOrderStatus.COMPLETED, 1L)
                .containsEntry(WorkOrderStatus.EN_ROUTE, 0L);
        assertThat(perStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(orders.count(WorkOrderFilter.jobs()));

        WorkOrderSummary boiler = orders.list(WorkOrderFilter.all().withText("boiler service"), WorkOrderSort.NUMBER, 1).get(0);
        assertThat(boiler.describe()).isEqualTo("Job #1");
        assertThat(boiler.customerName()).isEqualTo("Northwind Traders");
        assertThat(boiler.city()).contains("Springfield");
        assertThat(boiler.technicianName()).contains("Terry Tech");
        assertThat(boiler.technicianColor()).contains("#1f77b4");
        assertThat(boiler.pending()).isFalse();
    }

    @Test
    void aJobWithoutItsNumberYetHeadsTheWholeListByNumberAndEqualNumbersGoByIdNewestFirst() {
        job(7, "Seven", northwind, "unscheduled", null, null, 0, "normal");
        job(9, "Nine", northwind, "unscheduled", null, null, 0, "normal");
        UUID sameA = job(8, "Eight a", acme, "unscheduled", null, null, 0, "normal");
        UUID sameB = job(8, "Eight b", acme, "unscheduled", null, null, 0, "normal");
        // Made on this computer: the server gives it its number when it takes it.
        pulled(database, "work_orders", row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "job", "title", "Not numbered yet",
                "status", "unscheduled", "customer_id", acme, "priority", "normal", "total", "0", "version", 1));
        WorkOrderRepository orders = as(dispatcher);

        String higherIdFirst = sameA.toString().compareTo(sameB.toString()) > 0 ? "Eight a" : "Eight b";
        String lowerIdSecond = higherIdFirst.equals("Eight a") ? "Eight b" : "Eight a";
        // The whole list is read from the end of work_orders_by_number_covering (cache V18), not sorted.
        assertThat(titles(orders, WorkOrderFilter.jobs()))
                .containsExactly("Not numbered yet", "Nine", higherIdFirst, lowerIdSecond, "Seven");
        assertThat(orders.list(WorkOrderFilter.jobs(), WorkOrderSort.NUMBER, 2)).extracting(WorkOrderSummary::title)
                .containsExactly("Not numbered yet", "Nine");
    }

    @Test
    void aCompanyDayIsItsOwnDayAcrossTheSpringForwardChange() {
        // 23:30 on 7 March in New York is 04:30 UTC on the 8th; 00:30 on the 8th is 05:30 UTC.
        job(1, "Late call", northwind, "scheduled", terry, at("2026-03-07T23:30"), 1, "normal");
        job(2, "Just after midnight", northwind, "scheduled", terry, at("2026-03-08T00:30"), 1, "normal");
        job(3, "Last of the short day", northwind, "scheduled", terry, at("2026-03-08T23:30"), 1, "normal");
        job(4, "Next morning", northwind, "scheduled", terry, at("2026-03-09T00:10"), 1, "normal");
        WorkOrderRepository orders = as(dispatcher);

        assertThat(titles(orders, WorkOrderFilter.jobs().withDays(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-08"))))
                .containsExactly("Last of the short day", "Just after midnight");
        assertThat(orders.scheduledOn(LocalDate.parse("2026-03-07"))).extracting(WorkOrderSummary::title)
                .as("a window over midnight is on both days").containsExactly("Late call");
        assertThat(orders.scheduledOn(LocalDate.parse("2026-03-08"))).extracting(WorkOrderSummary::title)
                .containsExactly("Late call", "Just after midnight", "Last of the short day");
    }

    @Test
    void keysetPagesNeitherSkipNorRepeatRowsWithEqualSortKeys() {
        ZonedDateTime sameStart = at("2026-03-12T09:00");
        List<UUID> all = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            all.add(job(i, "Job " + i, northwind, "scheduled", terry, sameStart, 1, "normal"));
        }
        WorkOrderRepository orders = as(dispatcher);
        List<UUID> seen = new ArrayList<>();
        Page<WorkOrderSummary> page = orders.page(WorkOrderFilter.jobs(), WorkOrderSort.SCHEDULED_START, 7, Optional.empty());
        while (true) {
            page.items().forEach(summary -> seen.add(summary.id().value()));
            if (page.next().isEmpty()) {
                break;
            }
            page = orders.page(WorkOrderFilter.jobs(), WorkOrderSort.SCHEDULED_START, 7, page.next());
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theDetailHasTheAddressTheQuoteTotalAndTheStatusHistoryInWords() {
        UUID id = UUID.randomUUID();
        pulled(database, "work_orders", row("id", id, "company_id", COMPANY, "stage", "quote", "number", 7, "title", "New boiler",
                "description", "Replace the 1998 boiler", "quote_status", "sent", "customer_id", northwind,
                "customer_address_id", northwindHome, "priority", "normal", "total", "4250.10", "version", 1));
        pulled(database, "work_order_status_history",
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", id, "status_field", "quote_status",
                        "to_status", "draft", "changed_by", dispatcher, "changed_at", Instant.parse("2026-03-01T10:00:00Z"), "version", 1),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", id, "status_field", "quote_status",
                        "from_status", "draft", "to_status", "sent", "changed_by", supervisor,
                        "changed_at", Instant.parse("2026-03-02T10:00:00Z"), "version", 1),
                // No person: the server's own change (changed_by null); a person whose profile this copy does not have.
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", id, "status_field", "quote_status",
                        "from_status", "sent", "to_status", "expired", "changed_at", Instant.parse("2026-03-03T10:00:00Z"), "version", 1),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", id, "status_field", "quote_status",
                        "from_status", "expired", "to_status", "draft", "changed_by", UUID.randomUUID(),
                        "changed_at", Instant.parse("2026-03-04T10:00:00Z"), "version", 1));

        WorkOrderDetail detail = as(dispatcher).detail(new WorkOrderId(id)).orElseThrow();
        assertThat(detail.summary().describe()).isEqualTo("Quote #7");
        assertThat(detail.summary().quoteStatus()).contains(QuoteStatus.SENT);
        assertThat(detail.description()).contains("Replace the 1998 boiler");
        assertThat(detail.addressLine()).contains("12 Elm St, Springfield, 12345");
        assertThat(detail.total().amount()).isEqualByComparingTo("4250.10");
        assertThat(detail.history()).extracting(StatusChange::describe).containsExactly("Quote: Draft", "Quote: Draft → Sent",
                "Quote: Sent → Expired", "Quote: Expired → Draft");
        assertThat(detail.history()).extracting(change -> change.changedBy().orElse("?")).containsExactly("Dana Dispatcher", "Sam Super",
                "?", "?");
        assertThat(detail.history()).extracting(StatusChange::byPerson).containsExactly(true, true, false, true);
        assertThat(as(dispatcher).detail(new WorkOrderId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void theBoardHasItsLanesItsTrayAndAnUnknownStatusIsKept() {
        job(1, "Unscheduled one", northwind, "unscheduled", null, null, 0, "normal");
        job(2, "Nobody on it", northwind, "scheduled", null, at("2026-03-12T16:00"), 1, "normal");
        job(3, "Running late", northwind, "dispatched", terry, at("2026-03-11T09:00"), 1, "normal");
        job(4, "On time", northwind, "scheduled", tina, at("2026-03-12T15:00"), 1, "normal");
        job(5, "From a newer server", northwind, "awaiting_parts", tina, null, 0, "normal");
        WorkOrderRepository orders = as(dispatcher);

        assertThat(orders.technicians()).extracting(Technician::name).as("active technicians only")
                .containsExactly("Terry Tech", "Tina Tech");
        DispatchTray tray = orders.tray(at("2026-03-12T12:00").toInstant(), 10);
        assertThat(tray.unscheduled().first()).extracting(WorkOrderSummary::title).containsExactly("Unscheduled one");
        assertThat(tray.unassigned().first()).extracting(WorkOrderSummary::title).containsExactly("Nobody on it");
        assertThat(tray.late().first()).extracting(WorkOrderSummary::title).containsExactly("Running late");
        assertThat(tray.late().count()).isEqualTo(1);

        WorkOrderSummary newer = orders.list(WorkOrderFilter.all().withText("newer"), WorkOrderSort.NUMBER, 1).get(0);
        assertThat(newer.status()).hasValueSatisfying(status -> {
            assertThat(status.isKnown()).isFalse();
            assertThat(status.code()).isEqualTo("awaiting_parts");
        });
        assertThat(orders.countsByStatus(WorkOrderFilter.jobs())).containsEntry(WorkOrderStatus.fromCode("awaiting_parts"), 1L);
    }

    @Test
    void writesAreValidatedFirstAndQueueOneTransactionEach() {
        WorkOrderRepository orders = as(dispatcher);
        WorkOrderDraft blank = new WorkOrderDraft(new CustomerId(northwind), Optional.of(northwindHome), "  ", "x".repeat(5_001),
                Priority.NORMAL, Optional.empty(), Optional.of(Instant.parse("2026-03-12T15:00:00Z")),
                Optional.of(Instant.parse("2026-03-12T14:00:00Z")));
        assertThatThrownBy(() -> orders.createJob(blank)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field()).containsExactly("title", "description", "windowEnd"));
        assertThat(cache.pendingIds(WORK_ORDERS)).as("nothing queued").isEmpty();

        WorkOrderDraft draft = new WorkOrderDraft(new CustomerId(northwind), Optional.of(northwindHome), "Boiler service",
                null, Priority.HIGH, Optional.empty(), Optional.empty(), Optional.empty());
        WorkOrderId job = orders.createJob(draft);
        WorkOrderSummary created = orders.detail(job).orElseThrow().summary();
        assertThat(created.status()).contains(WorkOrderStatus.UNSCHEDULED);
        assertThat(created.describe()).as("numbered by the server later").isEqualTo("New job");
        assertThat(created.pending()).isTrue();
        WorkOrderId quote = orders.createQuote(draft);
        assertThat(orders.detail(quote).orElseThrow().summary().quoteStatus()).contains(QuoteStatus.DRAFT);

        assertThatThrownBy(() -> orders.move(job, WorkOrderStatus.SCHEDULED)).as("scheduled needs a window")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("windowStart"));
        assertThatThrownBy(() -> orders.move(job, WorkOrderStatus.ON_SITE)).isInstanceOf(MoveNotAllowedException.class)
                .hasMessage("A job cannot go from Unscheduled to On site.");

        Instant start = Instant.parse("2026-03-12T14:00:00Z");
        orders.schedule(job, Optional.of(terry), start, start.plusSeconds(7_200));
        WorkOrderSummary scheduled = orders.detail(job).orElseThrow().summary();
        assertThat(scheduled.status()).contains(WorkOrderStatus.SCHEDULED);
        assertThat(scheduled.technicianName()).contains("Terry Tech");
        orders.move(job, WorkOrderStatus.DISPATCHED);
        assertThatThrownBy(() -> orders.unassign(job)).as("a dispatched job needs its technician")
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> orders.move(job, WorkOrderStatus.CANCELED)).as("a cancel says why")
                .isInstanceOf(MoveNotAllowedException.class);
        assertThatThrownBy(() -> orders.cancel(job, "  ")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.message()).containsExactly("A reason is required."));
        assertThatThrownBy(() -> orders.cancel(job, "x".repeat(501))).isInstanceOf(InvalidInputException.class);
        assertThat(orders.detail(job).orElseThrow().summary().status()).contains(WorkOrderStatus.DISPATCHED);
        orders.cancel(job, " Customer moved away ");
        String stored = database.<String>read(connection -> {
            try (var statement = connection.prepareStatement("select status, cancel_reason from work_orders where id = ?")) {
                statement.setString(1, job.value().toString());
                var rows = statement.executeQuery();
                rows.next();
                return rows.getString(1) + "/" + rows.getString(2);
            }
        });
        assertThat(stored).isEqualTo("canceled/Customer moved away");
        pulled(database, "work_order_status_history", row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", job.value(),
                "status_field", "status", "from_status", "dispatched", "to_status", "canceled", "changed_by", dispatcher,
                "changed_at", Instant.parse("2026-03-12T15:00:00Z"), "reason", "Customer moved away", "version", 1));
        assertThat(orders.history(job)).extracting(StatusChange::describe).as("the server kept the reason on the cancel")
                .containsExactly("Dispatched → Canceled: Customer moved away");
        assertThatThrownBy(() -> orders.move(job, WorkOrderStatus.UNSCHEDULED)).isInstanceOf(MoveNotAllowedException.class)
                .hasMessage("Only a supervisor or an admin can reopen a canceled job.");
        as(supervisor).move(job, WorkOrderStatus.UNSCHEDULED);
        assertThat(orders.detail(job).orElseThrow().summary().status()).contains(WorkOrderStatus.UNSCHEDULED);

        assertThatThrownBy(() -> orders.acceptQuote(quote)).as("a draft is sent before it is accepted")
                .isInstanceOf(MoveNotAllowedException.class).hasMessage("Only a sent quote can be accepted; this one is draft.");
        orders.moveQuote(quote, QuoteStatus.SENT);
        assertThatThrownBy(() -> orders.moveQuote(quote, QuoteStatus.fromCode("draft_v2"))).as("no move to a status it does not know")
                .isInstanceOf(MoveNotAllowedException.class);
        orders.acceptQuote(quote);
        WorkOrderSummary accepted = orders.detail(quote).orElseThrow().summary();
        assertThat(accepted.stage()).as("an accepted quote becomes a job").isEqualTo(WorkOrderStage.JOB);
        assertThat(accepted.status()).contains(WorkOrderStatus.UNSCHEDULED);
        assertThat(accepted.describe()).isEqualTo("New job");
        assertThat(cache.pendingIds(WORK_ORDERS)).containsExactlyInAnyOrder(job.value(), quote.value());
    }

    private static List<String> titles(WorkOrderRepository orders, WorkOrderFilter filter) {
        return orders.list(filter, WorkOrderSort.NUMBER, 100).stream().map(WorkOrderSummary::title).toList();
    }
}
