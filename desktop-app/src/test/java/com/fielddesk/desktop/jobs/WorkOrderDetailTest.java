package com.fielddesk.desktop.jobs;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.messages.MessagesRepository;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work order detail as a form, on a real SQLite cache shown by the real navigator: an edit is
 * checked before anything is queued (problems beside the fields), only the legal next moves are
 * buttons (a supervisor sees "Reopen"), a cancel asks for a reason, a new job started from a
 * customer has the customer filled in, and an accepted quote becomes a job.
 */
class WorkOrderDetailTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();
    private final UUID terry = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID home = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        if (section != null) {
            section.close();
        }
        cache.close();
    }

    private void open(UUID user) throws Exception {
        LocalCache local = seed();
        section = SectionUnderTest.show(jobsFeature(local, user), cache, folder);
    }

    private com.fielddesk.desktop.app.feature.Feature jobsFeature(LocalCache local, UUID user) {
        return JobsFeature.feature(new WorkOrderRepository(local, new UserId(user)), new CustomerRepository(local, new UserId(user)),
                new MessagesRepository(local, new UserId(user), Clock.systemUTC()));
    }

    private LocalCache seed() {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "companies", List.of(row("id", COMPANY, "name", "Acme Heating", "timezone", "America/New_York")));
        CacheRows.write(cache, "profiles", List.of(
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher"),
                row("id", supervisor, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam Super"),
                row("id", terry, "company_id", COMPANY, "role", "technician", "full_name", "Terry Tech", "active", true)));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "full_name", "Acme Bakery")));
        CacheRows.write(cache, "customer_addresses", List.of(row("id", home, "company_id", COMPANY, "customer_id", customer,
                "street", "12 Elm St", "city", "Springfield", "postal_code", "12345")));
        return new LocalCache(cache, new Outbox(), Clock.systemUTC());
    }

    @Test
    void anEditIsCheckedBeforeAnythingIsQueuedAndThenSaved() throws Exception {
        UUID boiler = UUID.randomUUID();
        open(dispatcher);
        workOrder(boiler, 1, "job", "Boiler service", "status", "unscheduled");
        show(boiler);
        Fx.waitUntil("the form has the job's values", DEADLINE, () -> textOf("#wo-title").equals("Boiler service")
                && textOf("#wo-customer").equals("Northwind Traders"));

        Fx.run(() -> {
            ((TextField) section.lookup("#wo-title")).setText("   ");
            ((DatePicker) section.lookup("#wo-day")).setValue(LocalDate.of(2026, 12, 8));
            ((TextField) section.lookup("#wo-startTime")).setText("11:00");
            ((TextField) section.lookup("#wo-endTime")).setText("9:30");
            ((Button) section.lookup("#job-save")).fire();
        });
        Fx.waitUntil("each problem beside its field", DEADLINE, () -> shownError("#wo-titleError").equals("A title is required.")
                && shownError("#wo-endTimeError").equals("The window must end after it starts."));
        Fx.run(() -> ((TextField) section.lookup("#wo-startTime")).setText("half past"));
        Fx.waitUntil("a time that does not parse says how to write it", DEADLINE,
                () -> shownError("#wo-startTimeError").equals("Write the time as 09:30."));
        assertThat(pendingWorkOrders()).as("nothing queued").isZero();

        Fx.run(() -> {
            ((TextField) section.lookup("#wo-title")).setText("Boiler service and flue check");
            ((TextField) section.lookup("#wo-startTime")).setText("8:00");
            @SuppressWarnings("unchecked")
            ComboBox<com.fielddesk.domain.jobs.Technician> technician = (ComboBox<com.fielddesk.domain.jobs.Technician>)
                    section.lookup("#wo-technician");
            assertThat(technician.getItems().get(0)).as("Nobody yet comes first").isNull();
            technician.setValue(technician.getItems().get(1));
            ((Button) section.lookup("#job-save")).fire();
        });
        Fx.waitUntil("saved and shown", DEADLINE, () -> section.text("#job-title").equals("Job #1 · Boiler service and flue check")
                && section.text("#job-when").equals("Scheduled 8 Dec 08:00–09:30 · Terry Tech"));
        assertThat(pendingWorkOrders()).isEqualTo(1);
        assertThat(section.text("#job-form-notice")).isEqualTo("Saved. It goes to the server with the next sync.");
    }

    @Test
    void onlyTheLegalMovesAreButtonsAndASupervisorSeesReopen() throws Exception {
        UUID fresh = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        open(supervisor);
        workOrder(fresh, 1, "job", "Boiler service", "status", "unscheduled");
        workOrder(done, 2, "job", "Leaking tap", "status", "completed");
        show(fresh);
        Fx.waitUntil("an unscheduled job may be scheduled or canceled", DEADLINE,
                () -> moveButtons().equals(List.of("→ Scheduled", "Cancel job…")));
        show(done);
        Fx.waitUntil("a supervisor reopens a completed job", DEADLINE,
                () -> moveButtons().equals(List.of("Reopen → Scheduled", "Reopen → Dispatched")));
    }

    @Test
    void aCompletedJobOffersADispatcherNoMove() throws Exception {
        UUID done = UUID.randomUUID();
        open(dispatcher);
        workOrder(done, 2, "job", "Leaking tap", "status", "completed");
        show(done);
        Fx.waitUntil("the job is shown", DEADLINE, () -> section.text("#job-title").equals("Job #2 · Leaking tap"));
        Fx.waitUntil("no reopen for a dispatcher", DEADLINE, () -> moveButtons().isEmpty());
    }

    /** Who made each move: a colleague by name; the server's own move (no one signed in) and an unnamed person say so. */
    @Test
    void theHistorySaysWhoMadeEachMove() throws Exception {
        UUID done = UUID.randomUUID();
        open(dispatcher);
        CacheRows.write(cache, "work_order_status_history", List.of(
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", done, "status_field", "status",
                        "to_status", "scheduled", "changed_at", "2026-12-05T14:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", done, "status_field", "status",
                        "from_status", "scheduled", "to_status", "dispatched", "changed_by", dispatcher, "changed_at", "2026-12-05T15:00:00Z"),
                row("id", UUID.randomUUID(), "company_id", COMPANY, "work_order_id", done, "status_field", "status",
                        "from_status", "dispatched", "to_status", "completed", "changed_by", UUID.randomUUID(),
                        "changed_at", "2026-12-05T16:00:00Z")));
        workOrder(done, 2, "job", "Leaking tap", "status", "completed");
        show(done);
        Fx.waitUntil("the job is shown", DEADLINE, () -> section.text("#job-title").equals("Job #2 · Leaking tap"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> history = (javafx.scene.control.ListView<String>) section.lookup("#job-history");
        Fx.waitUntil("its history in words", DEADLINE, () -> Fx.read(() -> List.copyOf(history.getItems())).equals(List.of(
                "5 Dec 09:00 · Scheduled · by the server",
                "5 Dec 10:00 · Scheduled → Dispatched · Dana Dispatcher",
                "5 Dec 11:00 · Dispatched → Completed · someone not in this computer's copy")));
    }

    @Test
    void cancelAsksForAReasonAndKeepsIt() throws Exception {
        UUID boiler = UUID.randomUUID();
        open(dispatcher);
        workOrder(boiler, 1, "job", "Boiler service", "status", "unscheduled");
        show(boiler);
        Fx.waitUntil("Cancel is offered", DEADLINE, () -> moveButtons().contains("Cancel job…"));
        Platform.runLater(() -> ((Button) section.lookup("#job-move-canceled")).fire());
        Fx.waitUntil("the reason dialog", DEADLINE, () -> dialog("cancel-job-dialog").isPresent());
        Fx.run(() -> mainButton(dialog("cancel-job-dialog").orElseThrow()).fire());
        Fx.waitUntil("a reason is required", DEADLINE, () -> Fx.read(() -> dialog("cancel-job-dialog")
                .map(pane -> pane.lookupAll(".fd-field-error").stream().anyMatch(node -> node.isVisible()
                        && ((Label) node).getText().equals("A reason is required."))).orElse(false)));
        assertThat(pendingWorkOrders()).as("nothing queued").isZero();
        Fx.run(() -> {
            DialogPane pane = dialog("cancel-job-dialog").orElseThrow();
            ((TextArea) pane.lookup("#cancel-job-dialog-reason")).setText("Customer sold the house");
            mainButton(pane).fire();
        });
        Fx.waitUntil("canceled and waiting to sync", DEADLINE, () -> section.text("#job-status").startsWith("Status: Canceled")
                && section.text("#job-status").contains("waiting to sync"));
        assertThat(dialog("cancel-job-dialog")).isEmpty();
        assertThat(cache.<String>read(connection -> {
            try (var statement = connection.prepareStatement("select cancel_reason from work_orders where id = ?")) {
                statement.setString(1, boiler.toString());
                var rows = statement.executeQuery();
                return rows.next() ? rows.getString(1) : null;
            }
        })).isEqualTo("Customer sold the house");
    }

    @Test
    void aNewJobFromACustomerHasTheCustomerFilledIn() throws Exception {
        open(dispatcher);
        assertThat(Fx.read(() -> section.navigator().newWorkOrder(WorkOrderRequest.forCustomer(false, customer)))).isEmpty();
        Fx.waitUntil("the new job form with the customer and their only address", DEADLINE,
                () -> section.text("#job-title").equals("New job") && textOf("#wo-customer").equals("Northwind Traders")
                        && Fx.read(() -> ((ComboBox<?>) section.lookup("#wo-address")).getValue() != null));
        Fx.run(() -> ((Button) section.lookup("#job-save")).fire());
        Fx.waitUntil("a title is asked for first", DEADLINE, () -> shownError("#wo-titleError").equals("A title is required."));
        assertThat(pendingWorkOrders()).isZero();
        Fx.run(() -> {
            ((TextField) section.lookup("#wo-title")).setText("Annual boiler service");
            ((Button) section.lookup("#job-save")).fire();
        });
        Fx.waitUntil("the created job is shown", DEADLINE, () -> section.text("#job-title").equals("New job · Annual boiler service")
                && section.text("#job-status").startsWith("Status: Unscheduled"));
        assertThat(pendingWorkOrders()).isEqualTo(1);
        assertThat(Fx.read(() -> ((javafx.scene.control.Hyperlink) section.lookup("#job-customer")).getText()))
                .isEqualTo("Northwind Traders — 12 Elm St, Springfield, 12345");
    }

    @Test
    void aNewQuoteForAClaimedLeadTakesTheCustomerAndAddressOfItsJobAndTheLeadsDescription() throws Exception {
        UUID claimJob = UUID.randomUUID();
        open(dispatcher);
        workOrder(claimJob, 3, "job", "Lead: furnace pilot", "status", "unscheduled");
        assertThat(Fx.read(() -> section.navigator().newWorkOrder(WorkOrderRequest.likeWorkOrder(true, claimJob,
                "Furnace pilot light keeps going out every few hours.")))).isEmpty();
        Fx.waitUntil("the new quote with the lead's customer, address and description", DEADLINE,
                () -> section.text("#job-title").equals("New quote") && textOf("#wo-customer").equals("Northwind Traders")
                        && textOf("#wo-description").equals("Furnace pilot light keeps going out every few hours.")
                        && Fx.read(() -> ((ComboBox<?>) section.lookup("#wo-address")).getValue() instanceof
                        WorkOrderFormViewModel.AddressChoice chosen && chosen.id().equals(home)
                        && chosen.line().equals("12 Elm St, Springfield, 12345")));
    }

    @Test
    void newJobOnACustomerInCustomersOpensJobsWithTheCustomerFilledIn() throws Exception {
        LocalCache local = seed();
        section = SectionUnderTest.show(com.fielddesk.desktop.customers.CustomersFeature.feature(
                new CustomerRepository(local, new UserId(dispatcher))), List.of(jobsFeature(local, dispatcher)), cache, folder);
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.CUSTOMER, customer.toString())))).isEmpty();
        Fx.waitUntil("the customer's New job", DEADLINE, () -> Fx.read(() -> section.lookup("#customer-new-job") != null));
        Fx.run(() -> ((Button) section.lookup("#customer-new-job")).fire());
        Fx.waitUntil("Jobs is shown", DEADLINE, () -> Fx.read(() -> "jobs".equals(section.navigator().currentProperty().get().id())));
        Fx.run(section::showCurrent);
        Fx.waitUntil("with the customer filled in", DEADLINE, () -> section.text("#job-title").equals("New job")
                && textOf("#wo-customer").equals("Northwind Traders"));
    }

    @Test
    void theCustomerIsSearchedAsOneTypesAndPickedWithTheKeyboard() throws Exception {
        open(dispatcher);
        Fx.run(() -> ((Button) section.lookup("#jobs-new-quote")).fire());
        Fx.waitUntil("the new quote form", DEADLINE, () -> section.text("#job-title").equals("New quote"));
        Fx.run(() -> ((TextField) section.lookup("#wo-customer")).setText("north"));
        Fx.waitUntil("the matches", DEADLINE, () -> Fx.read(() -> ((ListView<?>) section.lookup("#wo-customerMatches")).getItems()
                .stream().map(Object::toString).toList()).equals(List.of("Northwind Traders")));
        Fx.run(() -> {
            ListView<?> matches = (ListView<?>) section.lookup("#wo-customerMatches");
            matches.getSelectionModel().selectFirst();
            matches.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    javafx.scene.input.KeyCode.ENTER, false, false, false, false));
        });
        Fx.waitUntil("picked", DEADLINE, () -> textOf("#wo-customer").equals("Northwind Traders")
                && Fx.read(() -> !section.lookup("#wo-customerMatches").isVisible()));
        Fx.run(() -> {
            ((TextField) section.lookup("#wo-title")).setText("New boiler");
            ((TextField) section.lookup("#wo-total")).setText("4,250.5x");
            ((Button) section.lookup("#job-save")).fire();
        });
        Fx.waitUntil("the total must be an amount", DEADLINE,
                () -> shownError("#wo-totalError").equals("Write the total as an amount, e.g. 1250.00."));
        Fx.run(() -> {
            ((TextField) section.lookup("#wo-total")).setText("4250.50");
            ((Button) section.lookup("#job-save")).fire();
        });
        Fx.waitUntil("the quote is created with its total", DEADLINE, () -> section.text("#job-title").equals("New quote · New boiler")
                && section.text("#job-status").contains("Total $4,250.50"));
    }

    @Test
    void anAcceptedQuoteBecomesAJob() throws Exception {
        UUID quote = UUID.randomUUID();
        open(dispatcher);
        workOrder(quote, 7, "quote", "New boiler", "quote_status", "sent");
        show(quote);
        Fx.waitUntil("a sent quote's actions", DEADLINE, () -> moveButtons().equals(
                List.of("Back to draft", "Accept (becomes a job)", "Decline", "Expire")));
        Fx.run(() -> ((Button) section.lookup("#job-quote-accepted")).fire());
        Fx.waitUntil("it is a job now, with the job's moves", DEADLINE, () -> section.text("#job-title").equals("Job #7 · New boiler")
                && section.text("#job-status").startsWith("Status: Unscheduled")
                && moveButtons().equals(List.of("→ Scheduled", "Cancel job…")));
        assertThat(section.text("#job-notice")).isEqualTo("Accepted: the quote is a job now. It goes to the server with the next sync.");
    }

    private void workOrder(UUID id, long number, String stage, String title, String statusField, String status) {
        CacheRows.write(cache, "work_orders", List.of(row("id", id, "company_id", COMPANY, "stage", stage, "number", number,
                "title", title, statusField, status, "customer_id", customer, "customer_address_id", home,
                "priority", "normal", "total", "0", "created_at", "2026-12-01T10:00:00Z")));
    }

    private void show(UUID id) {
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.JOB, id.toString()))))
                .isEqualTo(Optional.empty());
    }

    private String textOf(String selector) {
        return Fx.read(() -> section.lookup(selector) instanceof javafx.scene.control.TextInputControl field
                ? field.getText() : "");
    }

    private String shownError(String selector) {
        return Fx.read(() -> section.lookup(selector) instanceof Label label && label.isVisible() ? label.getText() : "");
    }

    private long pendingWorkOrders() {
        return cache.<Long>read(connection -> {
            try (var statement = connection.prepareStatement("select count(*) from outbox where table_name = 'work_orders'")) {
                var rows = statement.executeQuery();
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private List<String> moveButtons() {
        return Fx.read(() -> {
            Node moves = section.lookup("#job-moves");
            return moves == null ? List.<String>of() : ((Parent) moves).getChildrenUnmodifiable().stream()
                    .map(node -> ((Button) node).getText()).toList();
        });
    }

    private static Optional<DialogPane> dialog(String id) {
        return Fx.read(() -> Window.getWindows().stream().filter(Window::isShowing)
                .map(window -> window.getScene() == null ? null : window.getScene().getRoot())
                .filter(root -> root instanceof DialogPane pane && id.equals(pane.getId()))
                .map(root -> (DialogPane) root).findFirst());
    }

    private static Button mainButton(DialogPane pane) {
        return (Button) pane.lookupButton(pane.getButtonTypes().get(0));
    }
}
