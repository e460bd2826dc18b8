package com.fielddesk.desktop.board;

import com.fielddesk.desktop.app.ConsoleSession;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.SyncIssue;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Board of the real console against a running local-backend reached through a relay that can
 * cut the network, in a dispatcher's order: a move made offline is pending, then on the server
 * exactly once (one status-history line) when the network is back; two dispatchers moving the same
 * job leave a conflict with both values in the sync issues; a supervisor reopens a completed job on
 * the server; and a reopen the server refuses (the person was made a dispatcher again while this
 * console was offline, so its own rules still allowed it) snaps back to Completed with the server's
 * reason as a sentence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(90);

    private ConsoleBackend backend;
    private HangingRelay relay;
    private ConsoleUnderTest console;
    private UUID dispatcher;
    private UUID offlineJob;
    private UUID contestedJob;
    private UUID reopenedJob;
    private UUID refusedJob;

    @BeforeAll
    void openTheBoard() {
        backend = new ConsoleBackend();
        relay = new HangingRelay(backend.url());
        dispatcher = (UUID) backend.queryValue("select id from public.profiles where email = ?", backend.acmeDispatcher.email());
        UUID technician = (UUID) backend.queryValue("select id from public.profiles where email = ?",
                backend.staffWithPassword(backend.acme, "technician", "Ann Archer").email());
        UUID customer = backend.tenants().customer(backend.acme, "Robin Board");
        offlineJob = job("Offline move", "scheduled", customer, technician);
        contestedJob = job("Contested move", "scheduled", customer, technician);
        reopenedJob = job("Reopen me", "completed", customer, technician);
        refusedJob = job("Reopen refused", "completed", customer, technician);
        console = ConsoleUnderTest.open(backend, backend.asLocalDemoAt(relay.url()),
                new LiveUpdateTimings(Duration.ofSeconds(2), Duration.ofSeconds(1)), false);
        console.signInWithTheDemoLogin();
        show(BoardFeature.ID);
        Fx.waitUntil("the jobs are on the board", SYNC_DEADLINE, () -> card("scheduled", "Contested move").isPresent()
                && card("completed", "Reopen refused").isPresent());
        Fx.waitUntil("the console is online", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
    }

    @AfterAll
    void close() throws Exception {
        console.close();
        relay.close();
    }

    @Test
    @Order(1)
    void aMoveMadeOfflineIsPendingThenOnTheServerExactlyOnce() {
        relay.refuse();
        try {
            Fx.waitUntil("the status bar says offline", SYNC_DEADLINE,
                    () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));

            press("scheduled", "Offline move", KeyCode.RIGHT);
            Fx.waitUntil("the card is in Dispatched, waiting to sync", UI_DEADLINE,
                    () -> card("dispatched", "Offline move").map(WorkOrderSummary::pending).orElse(false));
            // The column's cells show the new item on a later pulse than the list holding it.
            Fx.waitUntil("the card shows its pending mark", UI_DEADLINE, () -> console.find("#board-list-dispatched")
                    .orElseThrow().lookupAll(".fd-board-card").stream()
                    .map(Node::getAccessibleText).anyMatch(text -> text != null && text.contains("waiting to sync")));
            assertThat(serverStatus(offlineJob)).isEqualTo("scheduled");
        } finally {
            // Back online whatever happened, so one failure here does not fail every later test.
            relay.pass();
        }
        Fx.waitUntil("the server has the move", SYNC_DEADLINE, () -> "dispatched".equals(serverStatus(offlineJob)));
        Fx.waitUntil("the pending mark is gone", SYNC_DEADLINE,
                () -> card("dispatched", "Offline move").map(card -> !card.pending()).orElse(false));
        assertThat(backend.queryValue("select count(*) from public.work_order_status_history where work_order_id = ?"
                + " and from_status = 'scheduled' and to_status = 'dispatched'", offlineJob))
                .as("exactly once, though the console retried while offline").isEqualTo(1L);
        Fx.waitUntil("the status bar says online again", SYNC_DEADLINE,
                () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
    }

    @Test
    @Order(2)
    void twoDispatchersMovingTheSameJobLeaveAConflictWithBothValues() {
        // The other dispatcher's move holds the row until this console's move of the same job is
        // queued: the push then meets a newer version of the status, a conflict.
        backend.changeWhile("work_orders", "status", contestedJob, "dispatched", () -> {
            press("scheduled", "Contested move", KeyCode.LEFT);
            Fx.waitUntil("moved to Unscheduled here, waiting to sync", UI_DEADLINE,
                    () -> card("unscheduled", "Contested move").map(WorkOrderSummary::pending).orElse(false));
        });

        Fx.waitUntil("the status bar counts the conflict", SYNC_DEADLINE, () -> Fx.read(() -> console
                .find("#" + ShellView.ISSUES_BUTTON_ID).map(node -> node.isVisible()
                        && ((Button) node).getText().equals("1 sync issue")).orElse(false)));
        Fx.run(() -> ((Button) console.find("#" + ShellView.ISSUES_BUTTON_ID).orElseThrow()).fire());
        Fx.waitUntil("the sync issues show the job's status with both values", UI_DEADLINE, () -> issues().stream()
                .anyMatch(issue -> issue.title().equals("Conflict on a job: status")
                        && issue.detail().equals("Yours: unscheduled · Server kept: dispatched")));
        Fx.waitUntil("the board shows what the server kept", SYNC_DEADLINE,
                () -> card("dispatched", "Contested move").isPresent() && card("unscheduled", "Contested move").isEmpty());
        assertThat(serverStatus(contestedJob)).isEqualTo("dispatched");
        Fx.run(() -> console.find("#" + ShellView.ISSUES_PANEL_ID).orElseThrow().setVisible(false));
    }

    @Test
    @Order(3)
    void aSupervisorReopensACompletedJobOnTheServer() {
        backend.queryValue("update public.profiles set role = 'supervisor' where id = ? returning id", dispatcher);
        Fx.waitUntil("this console knows it is a supervisor's", SYNC_DEADLINE, () -> "supervisor".equals(cachedRole()));

        // Open the board again: it reads the role with its first cards.
        show(com.fielddesk.desktop.jobs.JobsFeature.ID);
        show(BoardFeature.ID);
        Fx.waitUntil("the board is back", UI_DEADLINE, () -> card("completed", "Reopen me").isPresent());
        press("completed", "Reopen me", KeyCode.LEFT);
        Fx.waitUntil("Ctrl+← reopens the job to Dispatched", UI_DEADLINE, () -> card("dispatched", "Reopen me").isPresent());
        Fx.waitUntil("the server has it reopened", SYNC_DEADLINE, () -> "dispatched".equals(serverStatus(reopenedJob)));
        assertThat(backend.queryValue("select changed_by from public.work_order_status_history where work_order_id = ?"
                + " and from_status = 'completed' and to_status = 'dispatched'", reopenedJob)).isEqualTo(dispatcher);
        Fx.waitUntil("no longer pending", SYNC_DEADLINE,
                () -> card("dispatched", "Reopen me").map(card -> !card.pending()).orElse(false));
    }

    @Test
    @Order(4)
    void aReopenTheServerRefusesSnapsBackWithItsReason() {
        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE,
                () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        // Meanwhile the office makes this person a dispatcher again: this console does not know yet.
        backend.queryValue("update public.profiles set role = 'dispatcher' where id = ? returning id", dispatcher);
        long number = ((Number) backend.queryValue("select number from public.work_orders where id = ?", refusedJob)).longValue();

        press("completed", "Reopen refused", KeyCode.LEFT);
        Fx.waitUntil("reopened here, waiting to sync", UI_DEADLINE,
                () -> card("dispatched", "Reopen refused").map(WorkOrderSummary::pending).orElse(false));

        relay.pass();
        String sentence = "Job #" + number + " is back in Completed: the server refused the move. The job's status cannot"
                + " go from Completed back to Dispatched. A supervisor must reopen the job first.";
        Fx.waitUntil("the card snaps back to Completed and the board says why", SYNC_DEADLINE,
                () -> card("completed", "Reopen refused").isPresent() && card("dispatched", "Reopen refused").isEmpty()
                        && text("#board-notice").equals(sentence));
        assertThat(Fx.read(() -> console.find("#board-list-completed").orElseThrow().lookupAll("." + BoardView.REFUSED).size()))
                .as("the card is marked as refused").isEqualTo(1);
        assertThat(serverStatus(refusedJob)).isEqualTo("completed");
        assertThat(text("#board-heading-completed")).isEqualTo("Completed · 1");

        press("completed", "Reopen refused", KeyCode.LEFT);
        Fx.waitUntil("a refused card waits for its sync issue", UI_DEADLINE, () -> text("#board-notice")
                .startsWith("Job #" + number + " waits: the server refused its last move."));
    }

    // ---- helpers ----

    private UUID job(String title, String status, UUID customer, UUID technician) {
        Instant start = Instant.now().plus(Duration.ofHours(3));
        return (UUID) backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id,"
                + " technician_id, scheduled_start, scheduled_end) values (?, 'job', ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)"
                + " returning id", backend.acme.id(), status, title, customer, technician, start.toString(),
                start.plus(Duration.ofHours(2)).toString());
    }

    private void show(String section) {
        String nav = "#" + ShellView.NAV_PREFIX + section;
        Fx.waitUntil(section + " is in the navigation", UI_DEADLINE, () -> console.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
    }

    private String serverStatus(UUID job) {
        return (String) backend.queryValue("select status from public.work_orders where id = ?", job);
    }

    private String cachedRole() {
        ConsoleSession session = console.window().currentSession();
        return session == null ? null : session.repositories().table("profiles").get(dispatcher.toString())
                .map(row -> row.path("role").asText()).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private ListView<WorkOrderSummary> list(String status) {
        return (ListView<WorkOrderSummary>) console.find("#board-list-" + status).orElseThrow();
    }

    private Optional<WorkOrderSummary> card(String status, String title) {
        return Fx.read(() -> console.find("#board-list-" + status).flatMap(node -> list(status).getItems().stream()
                .filter(card -> card.title().equals(title)).findFirst()));
    }

    /** Selects the card and presses Ctrl+{@code arrow} on its list, as a dispatcher would. */
    private void press(String status, String title, KeyCode arrow) {
        Fx.run(() -> {
            ListView<WorkOrderSummary> list = list(status);
            list.requestFocus();
            list.getItems().stream().filter(card -> card.title().equals(title)).findFirst()
                    .ifPresent(card -> list.getSelectionModel().select(card));
            list.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", arrow, false, true, false, false));
        });
    }

    private String text(String selector) {
        return Fx.read(() -> console.find(selector).map(node -> node instanceof Label label ? label.getText()
                : node instanceof javafx.scene.control.Labeled labeled ? labeled.getText() : "").orElse(""));
    }

    @SuppressWarnings("unchecked")
    private List<SyncIssue> issues() {
        return Fx.read(() -> console.find("#" + ShellView.ISSUES_PANEL_ID + " .list-view")
                .map(node -> List.copyOf(((ListView<SyncIssue>) node).getItems())).orElse(List.of()));
    }
}
