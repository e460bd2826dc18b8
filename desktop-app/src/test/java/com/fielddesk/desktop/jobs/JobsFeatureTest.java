package com.fielddesk.desktop.jobs;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import com.fielddesk.domain.messages.MessagesRepository;
import com.fielddesk.domain.messages.ThreadFilter;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Jobs section on a real SQLite cache, shown by the real navigator: the list filters and counts,
 * Ctrl+K's way in opens a job, the detail offers only the legal moves, a move that needs a window
 * says so, and a legal move is queued and shows at once.
 */
class JobsFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        section.close();
        cache.close();
    }

    /** A cache with this person (the signed-in user) and the customer Northwind Traders. */
    private void signedIn(String role, String name) {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", role, "full_name", name)));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
    }

    private WorkOrderRepository jobs() {
        return new WorkOrderRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()), new UserId(dispatcher));
    }

    @Test
    void theListFiltersACardOpensAndOnlyLegalMovesAreOffered() throws Exception {
        signedIn("dispatcher", "Dana Dispatcher");
        UUID boiler = job(1, "Boiler service", "unscheduled");
        job(2, "Leaking tap", "completed");
        quote(3, "New boiler", "sent", "4250");
        WorkOrderRepository jobs = jobs();
        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages(cache)), cache, folder);

        Fx.waitUntil("both jobs are listed, not the quote", DEADLINE, () -> titles().size() == 2);
        Fx.waitUntil("counted per status", DEADLINE, () -> section.text("#jobs-count").equals("2 jobs — Unscheduled 1 · Completed 1"));
        Fx.run(() -> ((javafx.scene.control.ComboBox<com.fielddesk.domain.jobs.WorkOrderStatus>) section.lookup("#jobs-status"))
                .setValue(com.fielddesk.domain.jobs.WorkOrderStatus.COMPLETED));
        Fx.waitUntil("a status narrows the list", DEADLINE, () -> titles().equals(List.of("Leaking tap")));
        Fx.run(() -> ((javafx.scene.control.ComboBox<com.fielddesk.domain.jobs.WorkOrderStatus>) section.lookup("#jobs-status"))
                .setValue(null));
        Fx.waitUntil("every status again", DEADLINE, () -> titles().size() == 2);
        Fx.run(() -> ((TextField) section.lookup("#jobs-search")).setText("boiler"));
        Fx.waitUntil("the search narrows the list", DEADLINE, () -> titles().equals(List.of("Boiler service")));

        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.JOB, boiler.toString())))).isEmpty();
        Fx.waitUntil("the job is shown", DEADLINE, () -> section.text("#job-title").equals("Job #1 · Boiler service"));
        Fx.waitUntil("its legal moves only", DEADLINE, () -> moveButtons().equals(List.of("→ Scheduled", "Cancel job…")));

        Fx.run(() -> ((Button) section.lookup("#job-move-scheduled")).fire());
        Fx.waitUntil("a move that needs a window says so", DEADLINE,
                () -> section.text("#job-notice").equals("A scheduled job needs a scheduled window."));
    }

    @Test
    void technicianPriorityCustomerDaysAndSortNarrowAndOrderTheList() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        UUID terry = UUID.randomUUID();
        UUID acme = UUID.randomUUID();
        CacheRows.write(cache, "companies", List.of(row("id", COMPANY, "name", "Acme Heating", "timezone", "America/New_York")));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher",
                "full_name", "Dana Dispatcher"), row("id", terry, "company_id", COMPANY, "role", "technician",
                "full_name", "Terry Tech", "active", true)));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders"),
                row("id", acme, "company_id", COMPANY, "full_name", "Acme Bakery")));
        scheduled(1, "Boiler service", customer, terry, "high", "2026-12-08T14:00:00Z");
        scheduled(2, "Leaking tap", customer, null, "normal", "2026-12-09T14:00:00Z");
        scheduled(3, "Oven check", acme, terry, "normal", "2026-12-10T04:30:00Z");
        WorkOrderRepository jobs = jobs();
        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages(cache)), cache, folder);
        Fx.waitUntil("all three", DEADLINE, () -> titles().equals(List.of("Oven check", "Leaking tap", "Boiler service")));

        Fx.run(() -> choose("#jobs-technician", "Terry Tech"));
        Fx.waitUntil("Terry's jobs", DEADLINE, () -> titles().equals(List.of("Oven check", "Boiler service")));
        Fx.run(() -> choose("#jobs-technician", "Nobody assigned"));
        Fx.waitUntil("unassigned ones", DEADLINE, () -> titles().equals(List.of("Leaking tap")));
        Fx.run(() -> choose("#jobs-technician", "Any technician"));
        Fx.run(() -> choose("#jobs-priority", "High"));
        Fx.waitUntil("high priority", DEADLINE, () -> titles().equals(List.of("Boiler service"))
                && section.text("#jobs-count").startsWith("1 job"));
        Fx.run(() -> choose("#jobs-priority", "Any priority"));
        // 2026-12-10T04:30Z is still Dec 9 in New York: days are the company's days.
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#jobs-first-day")).setValue(java.time.LocalDate.of(2026, 12, 9)));
        Fx.waitUntil("one company day (04:30Z on Dec 10 is Dec 9 in New York)", DEADLINE,
                () -> titles().equals(List.of("Oven check", "Leaking tap")));
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#jobs-last-day")).setValue(java.time.LocalDate.of(2026, 12, 8)));
        Fx.waitUntil("a range the wrong way round says so", DEADLINE, () -> titles().isEmpty()
                && section.text("#jobs-count").equals("The last day is before the first; no work order matches."));
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#jobs-last-day")).setValue(java.time.LocalDate.of(2026, 12, 10)));
        Fx.waitUntil("a range of company days", DEADLINE, () -> titles().equals(List.of("Oven check", "Leaking tap")));
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#jobs-first-day")).setValue(java.time.LocalDate.of(2026, 12, 8)));
        Fx.waitUntil("a wider range", DEADLINE, () -> titles().size() == 3);
        Fx.run(() -> ((javafx.scene.control.DatePicker) section.lookup("#jobs-first-day")).setValue(java.time.LocalDate.of(2026, 12, 9)));
        Fx.run(() -> choose("#jobs-sort", "Earliest window first"));
        Fx.waitUntil("earliest first", DEADLINE, () -> titles().equals(List.of("Leaking tap", "Oven check")));
        Fx.run(() -> ((javafx.scene.control.ComboBox<?>) section.lookup("#jobs-customer")).getEditor().setText("acme"));
        Fx.waitUntil("the customer matches", DEADLINE, () -> Fx.read(() ->
                ((javafx.scene.control.ComboBox<?>) section.lookup("#jobs-customer")).getItems().size() == 1));
        Fx.run(() -> choose("#jobs-customer", "Acme Bakery"));
        Fx.waitUntil("one customer's jobs", DEADLINE, () -> titles().equals(List.of("Oven check")));
        Fx.run(() -> ((Button) section.lookup("#jobs-clear-filters")).fire());
        Fx.waitUntil("every job again", DEADLINE, () -> titles().size() == 3 && section.text("#jobs-count").startsWith("3 jobs"));
    }

    @SuppressWarnings("unchecked")
    private static void choose(String selector, String label) {
        javafx.scene.control.ComboBox<Object> box = (javafx.scene.control.ComboBox<Object>) javafx.stage.Window.getWindows().stream()
                .map(window -> window.getScene().getRoot().lookup(selector)).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow();
        for (Object item : box.getItems()) {
            if (label.equals(box.getConverter() != null ? box.getConverter().toString(item) : String.valueOf(item))) {
                box.setValue(item);
                return;
            }
        }
        throw new AssertionError("No " + label + " in " + selector);
    }

    private void scheduled(long number, String title, UUID owner, UUID technician, String priority, String start) {
        java.time.Instant begins = java.time.Instant.parse(start);
        CacheRows.write(cache, "work_orders", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY, "stage", "job",
                "number", number, "title", title, "status", "scheduled", "customer_id", owner, "priority", priority,
                "technician_id", technician == null ? null : technician.toString(), "scheduled_start", begins.toString(),
                "scheduled_end", begins.plusSeconds(3600).toString(), "created_at", "2026-12-01T10:00:00Z")));
    }

    /**
     * Nine job columns do not fit beside the detail at 1280 pixels: area and age start hidden, the
     * header's menu button is there to show them, and what the person shows or hides is kept for the
     * next session.
     */
    @Test
    void theJobsListStartsWithTheColumnsThatFitAndKeepsThePersonsChoice() throws Exception {
        signedIn("dispatcher", "Dana Dispatcher");
        job(1, "Boiler service", "unscheduled");
        WorkOrderRepository jobs = jobs();
        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages(cache)), cache, folder);
        Fx.waitUntil("the job is listed", DEADLINE, () -> titles().size() == 1);
        assertThat(Fx.read(this::visibleColumns))
                .containsExactly("No.", "Customer", "Title", "Window", "Technician", "Status", "Priority");
        assertThat(Fx.read(() -> table().isTableMenuButtonVisible())).as("hidden columns can be shown again").isTrue();

        Fx.run(() -> table().getColumns().stream().filter(column -> column.getText().equals("Age"))
                .forEach(column -> column.setVisible(true)));
        Fx.run(() -> table().getColumns().stream().filter(column -> column.getText().equals("Priority"))
                .forEach(column -> column.setVisible(false)));
        Fx.run(() -> split().setDividerPositions(0.5));
        section.close();

        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages(cache)), cache, folder);
        Fx.waitUntil("the job is listed again", DEADLINE, () -> titles().size() == 1);
        assertThat(Fx.read(this::visibleColumns)).as("the choice outlives the session")
                .containsExactly("No.", "Customer", "Title", "Window", "Technician", "Status", "Age");
        assertThat(Fx.read(() -> split().getDividerPositions()[0])).as("and so does the divider").isCloseTo(0.5, within(0.01));
    }

    private SplitPane split() {
        return (SplitPane) section.lookup("#jobs");
    }

    private List<String> visibleColumns() {
        return table().getColumns().stream().filter(column -> column.isVisible()).map(column -> column.getText()).toList();
    }

    /** Sales → Quotes: the same list and detail given the stage, with a quote's columns and filters. */
    @Test
    void quotesAreASectionOfTheirOwnWithQuoteStatusTotalAndAge() throws Exception {
        signedIn("dispatcher", "Dana Dispatcher");
        job(1, "Boiler service", "unscheduled");
        quote(2, "New boiler", "sent", "4250");
        UUID draft = quote(3, "Heat pump", "draft", "12000.5");
        WorkOrderRepository jobs = jobs();
        section = SectionUnderTest.show(JobsFeature.quotes(jobs, customers(cache), messages(cache)), cache, folder);

        Fx.waitUntil("only the quotes, newest number first", DEADLINE, () -> titles().equals(List.of("Heat pump", "New boiler")));
        assertThat(Fx.read(() -> table().getColumns().stream().map(column -> column.getText()).toList()))
                .containsExactly("No.", "Customer", "Title", "Status", "Total", "Age");
        assertThat(Fx.read(() -> List.of(table().getColumns().get(3).getCellData(0), table().getColumns().get(4).getCellData(0))))
                .containsExactly("Draft", "$12,000.50");
        assertThat(Fx.read(() -> section.lookup("#jobs-technician"))).as("a quote has no technician to filter on").isNull();
        Fx.waitUntil("counted as quotes", DEADLINE, () -> section.text("#jobs-count").equals("2 quotes"));

        Fx.run(() -> choose("#jobs-quote-status", "Sent"));
        Fx.waitUntil("a quote status narrows the list", DEADLINE, () -> titles().equals(List.of("New boiler"))
                && section.text("#jobs-count").equals("1 quote"));
        Fx.run(() -> ((Button) section.lookup("#jobs-clear-filters")).fire());
        Fx.waitUntil("Clear shows every quote again", DEADLINE, () -> titles().size() == 2);

        Fx.run(() -> table().getSelectionModel().select(0));
        Fx.waitUntil("the same work order detail, with the quote's actions", DEADLINE,
                () -> section.text("#job-title").equals("Quote #3 · Heat pump") && section.lookup("#job-quote-sent") != null);
        assertThat(draft).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private TableView<WorkOrderSummary> table() {
        return (TableView<WorkOrderSummary>) section.lookup("#jobs-table");
    }

    private UUID quote(long number, String title, String quoteStatus, String total) {
        UUID id = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(row("id", id, "company_id", COMPANY, "stage", "quote", "number", number,
                "title", title, "quote_status", quoteStatus, "customer_id", customer, "priority", "normal", "total", total,
                "created_at", "2026-12-01T10:00:00Z")));
        return id;
    }

    private UUID job(long number, String title, String status) {
        UUID id = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(row("id", id, "company_id", COMPANY, "stage", "job", "number", number,
                "title", title, "status", status, "customer_id", customer, "priority", "normal",
                "created_at", "2026-12-01T10:00:00Z")));
        return id;
    }


    @SuppressWarnings("unchecked")
    private List<String> titles() {
        return Fx.read(() -> ((TableView<WorkOrderSummary>) section.lookup("#jobs-table")).getItems().stream()
                .map(WorkOrderSummary::title).toList());
    }

    private List<String> moveButtons() {
        return Fx.read(() -> {
            Node moves = section.lookup("#job-moves");
            return moves == null ? List.<String>of() : ((javafx.scene.Parent) moves).getChildrenUnmodifiable().stream()
                    .map(node -> ((Button) node).getText()).toList();
        });
    }

    private com.fielddesk.domain.customers.CustomerRepository customers(CacheDatabase database) {
        return new com.fielddesk.domain.customers.CustomerRepository(new LocalCache(database, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
    }

    private MessagesRepository messages(CacheDatabase database) {
        return new MessagesRepository(new LocalCache(database, new Outbox(), Clock.systemUTC()), new UserId(dispatcher),
                Clock.systemUTC());
    }

    @Test
    void theJobsAuditHistoryIsOfferedWhereTheAuditLogIsAndOpensItForThisJob() throws Exception {
        signedIn("supervisor", "Sam Supervisor");
        UUID boiler = job(1, "Boiler service", "unscheduled");
        WorkOrderRepository jobs = jobs();
        // Stands for the audit log (its filtering by record is AuditFeatureTest's).
        com.fielddesk.desktop.testing.RecordingSection histories = new com.fielddesk.desktop.testing.RecordingSection(
                "histories", RecordKind.JOB_HISTORY);
        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages(cache)),
                List.of(histories.feature()), cache, folder);
        Fx.run(() -> section.navigator().open(new RecordRef(RecordKind.JOB, boiler.toString())));
        Fx.waitUntil("the job's link to its audit history", DEADLINE, () -> section.lookup("#job-audit-history") != null
                && section.lookup("#job-audit-history").isVisible());
        Fx.run(() -> ((javafx.scene.control.Hyperlink) section.lookup("#job-audit-history")).fire());
        assertThat(histories.asked()).isNotEmpty().containsOnly(new RecordRef(RecordKind.JOB_HISTORY, boiler.toString()));
        assertThat(Fx.read(() -> section.navigator().currentProperty().get().id())).isEqualTo("histories");
    }

    @Test
    void aJobsDetailStartsACustomerThreadAndAnInternalNoteAndOpensThemInMessages() throws Exception {
        signedIn("dispatcher", "Dana Dispatcher");
        UUID boiler = job(1, "Boiler service", "unscheduled");
        WorkOrderRepository jobs = jobs();
        MessagesRepository messages = messages(cache);
        section = SectionUnderTest.show(JobsFeature.feature(jobs, customers(cache), messages),
                List.of(com.fielddesk.desktop.messages.MessagesFeature.feature(messages, new com.fielddesk.desktop.testing.NoRefusedMessages())), cache, folder);
        Fx.run(() -> section.navigator().open(new RecordRef(
                RecordKind.JOB, boiler.toString())));
        Fx.waitUntil("the job's detail says it has no messages", DEADLINE, () -> Fx.read(() ->
                section.lookup("#job-threads") instanceof javafx.scene.layout.VBox links && links.getChildren().size() == 1
                        && links.getChildren().get(0) instanceof Label none && none.getText().equals("No messages about this job yet.")));

        Fx.run(() -> ((Button) section.lookup("#job-message-customer")).fire());
        Fx.waitUntil("a first message to the customer", DEADLINE, () -> section.text("#job-compose-audience")
                .equals("The customer will see this"));
        Fx.run(() -> {
            ((TextArea) section.lookup("#job-first-message")).setText("We'll come on Tuesday at 9.");
            ((Button) section.lookup("#job-start-thread")).fire();
        });
        Fx.waitUntil("Messages shows the new customer thread", DEADLINE, () -> Fx.read(() ->
                "messages".equals(section.navigator().currentProperty().get().id())));
        assertThat(messages.customerThreads(ThreadFilter.all().aboutWorkOrder(boiler), 10))
                .singleElement().satisfies(thread -> assertThat(thread.subject()).isEqualTo("Job #1 · Boiler service"));
        Fx.waitUntil("the customer thread is open in Messages", DEADLINE, () -> messagesShown("#customer-messages")
                .contains("We'll come on Tuesday at 9."));

        Fx.run(() -> {
            section.navigator().open(new RecordRef(RecordKind.JOB, boiler.toString()));
            section.showCurrent();
        });
        Fx.waitUntil("the job lists its customer thread", DEADLINE, () -> Fx.read(() ->
                section.lookup("#job-threads") instanceof javafx.scene.layout.VBox links
                        && links.getChildren().stream().anyMatch(link -> link instanceof Hyperlink h
                        && h.getText().equals("Customer · Job #1 · Boiler service"))));
        Fx.run(() -> ((Button) section.lookup("#job-internal-note")).fire());
        Fx.waitUntil("a first note for staff", DEADLINE, () -> section.text("#job-compose-audience")
                .equals("Staff only — customers never see this"));
        Fx.run(() -> {
            ((TextArea) section.lookup("#job-first-message")).setText("Bring the long ladder.");
            ((Button) section.lookup("#job-start-thread")).fire();
        });
        Fx.waitUntil("Messages again", DEADLINE, () -> Fx.read(() ->
                "messages".equals(section.navigator().currentProperty().get().id())));
        Fx.waitUntil("the internal thread is open in Messages", DEADLINE, () -> messagesShown("#internal-messages")
                .contains("Bring the long ladder."));
        assertThat(messages.internalThreads(ThreadFilter.all().aboutWorkOrder(boiler), 10))
                .singleElement().satisfies(thread -> assertThat(thread.lastMessage()).contains("Bring the long ladder."));
        assertThat(messages.customerThreads(ThreadFilter.all(), 10)).hasSize(1);
    }

    /** The message bodies a list of the Messages screen shows. */
    private List<String> messagesShown(String listId) {
        return Fx.read(() -> {
            section.showCurrent();
            Node list = section.lookup(listId);
            return list instanceof javafx.scene.control.ListView<?> view ? view.getItems().stream().map(item ->
                    item instanceof com.fielddesk.domain.messages.CustomerMessage customerMessage ? customerMessage.body()
                            : ((com.fielddesk.domain.messages.InternalMessage) item).body()).toList() : List.<String>of();
        });
    }
}
