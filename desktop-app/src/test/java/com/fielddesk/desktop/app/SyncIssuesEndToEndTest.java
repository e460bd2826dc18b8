package com.fielddesk.desktop.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.SyncIssue;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import com.fielddesk.supabase.realtime.RealtimeListener;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status bar's sync-issues list against a running local-backend: a real conflict (the server
 * changed a job's title while this console's change of the same title was on its way) and a real
 * rejected write (an empty title, refused by the server's check), re-applied and dismissed from
 * the list, with the outcome checked in the console's SQLite cache and on the server. The rejection
 * reads as a plain sentence, with the server's text behind its "Details" toggle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIssuesEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);

    private ConsoleBackend backend;
    private ConsoleUnderTest console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void startConsole() {
        backend = new ConsoleBackend();
        console = ConsoleUnderTest.open(backend, LiveUpdateTimings.DEFAULT, false);
    }

    @AfterAll
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    @Order(1)
    void aConflictIsReappliedAndARejectedWriteDismissedFromTheBadgesList() throws Exception {
        UUID contested = backend.tenants().job(backend.acme);
        UUID refused = backend.tenants().job(backend.acme);
        console.signInWithTheDemoLogin(robot);
        Fx.waitUntil("both jobs are in the cache", UI_DEADLINE, () -> session() != null
                && jobs().get(contested.toString()).isPresent() && jobs().get(refused.toString()).isPresent());

        // The server changes the title and holds the row until this console's change of the same
        // title is queued: the push then meets a newer version, a conflict.
        backend.changeJobTitleWhile(contested, "Title from the office PC", () -> {
            jobs().update(contested.toString(), Map.of("title", "Title from this console"));
            jobs().update(refused.toString(), Map.of("title", ""));
        });

        Fx.waitUntil("the badge counts both issues", UI_DEADLINE, () -> {
            Button badge = robot.lookup("#" + ShellView.ISSUES_BUTTON_ID).query();
            return badge.isVisible() && badge.getText().equals("2 sync issues");
        });
        robot.clickOn("#" + ShellView.ISSUES_BUTTON_ID);
        Fx.waitUntil("the list is open", UI_DEADLINE, () -> robot.lookup("#" + ShellView.ISSUES_PANEL_ID).query().isVisible());
        assertThat(Fx.read(() -> issueList().getItems().stream().map(SyncIssue::title).toList()))
                .containsExactlyInAnyOrder("Conflict on a job: title", "Change to a job refused");
        assertThat(Fx.read(() -> issueList().getItems().stream().filter(SyncIssue.Conflict.class::isInstance)
                .findFirst().orElseThrow().detail()))
                .isEqualTo("Yours: Title from this console · Server kept: Title from the office PC");
        // The refusal reads as a sentence; the server's own words are behind "Details", not the headline.
        assertThat(Fx.read(() -> visibleTexts(issueCell(SyncIssue.Rejected.class))))
                .contains("The title is missing or too long.")
                .noneMatch(text -> text.contains("violates check constraint"));
        robot.clickOn(Fx.read(() -> (Node) issueCell(SyncIssue.Rejected.class)
                .lookup("." + ShellView.ISSUE_DETAILS_TOGGLE_CLASS)));
        Fx.waitUntil("Details shows what the server said", UI_DEADLINE, () -> visibleTexts(issueCell(SyncIssue.Rejected.class))
                .stream().anyMatch(text -> text.contains("violates check constraint \"work_order_title_required\"")));

        clickInIssue(SyncIssue.Conflict.class, "Re-apply mine");
        Fx.waitUntil("the cache holds this console's title, pushed, with no conflict left", UI_DEADLINE, () -> {
            SyncStatus status = session().status();
            return status.conflicts().isEmpty() && status.pendingCount() == 0
                    && title(contested).equals("Title from this console");
        });
        assertThat(backend.jobTitle(contested)).isEqualTo("Title from this console");

        clickInIssue(SyncIssue.Rejected.class, "Dismiss");
        Fx.waitUntil("the rejected change is gone and the cache shows the server's title again", UI_DEADLINE, () -> {
            SyncStatus status = session().status();
            return status.quarantined().isEmpty() && title(refused).equals("Fix the furnace");
        });
        Fx.waitUntil("the badge is gone", UI_DEADLINE, () -> !robot.lookup("#" + ShellView.ISSUES_BUTTON_ID).query().isVisible());
        assertThat(Fx.read(() -> issueList().getItems())).isEmpty();
    }

    @Test
    @Order(2)
    void signingOutLeavesTheRealtimeChannelAndDisconnects() {
        ConsoleSession signedIn = session();
        Fx.waitUntil("the realtime channel is joined", UI_DEADLINE, signedIn::liveUpdatesConnected);
        robot.clickOn("#" + ShellView.SIGN_OUT_ID);
        Fx.waitUntil("the sign-in form is back", UI_DEADLINE,
                () -> robot.lookup("#" + SignInView.SIGN_IN_BUTTON_ID).tryQuery().isPresent());
        Fx.waitUntil("realtime is disconnected and the channel left", UI_DEADLINE,
                () -> signedIn.supabase().realtime().state() == RealtimeListener.ConnectionState.DISCONNECTED
                        && !signedIn.liveUpdatesConnected());
        assertThat(session()).isNull();
    }

    // ---- helpers ----

    private ConsoleSession session() {
        return console.window().currentSession();
    }

    private com.fielddesk.cache.repository.TableRepository jobs() {
        return session().repositories().table("work_orders");
    }

    private String title(UUID job) {
        return jobs().get(job.toString()).map((ObjectNode row) -> row.path("title").asText()).orElse("");
    }

    private ListView<SyncIssue> issueList() {
        return robot.lookup("#" + ShellView.ISSUES_PANEL_ID + " .list-view").query();
    }

    /** Clicks the button labelled {@code text} in the list cell of the issue of that kind. */
    private void clickInIssue(Class<? extends SyncIssue> kind, String text) {
        Fx.waitUntil("a " + kind.getSimpleName() + " row offers " + text, UI_DEADLINE, () -> issueButton(kind, text) != null);
        robot.clickOn(Fx.read(() -> issueButton(kind, text)));
    }

    private javafx.scene.control.ListCell<?> issueCell(Class<? extends SyncIssue> kind) {
        for (Node cell : robot.lookup("#" + ShellView.ISSUES_PANEL_ID + " .list-cell").queryAll()) {
            javafx.scene.control.ListCell<?> listCell = (javafx.scene.control.ListCell<?>) cell;
            if (kind.isInstance(listCell.getItem())) {
                return listCell;
            }
        }
        throw new AssertionError("No " + kind.getSimpleName() + " in the issue list");
    }

    /** The texts of the labels a user can see in the cell. */
    private static java.util.List<String> visibleTexts(javafx.scene.control.ListCell<?> cell) {
        return cell.lookupAll(".label").stream().filter(Node::isVisible)
                .map(node -> ((javafx.scene.control.Label) node).getText()).toList();
    }

    private Button issueButton(Class<? extends SyncIssue> kind, String text) {
        for (Node cell : robot.lookup("#" + ShellView.ISSUES_PANEL_ID + " .list-cell").queryAll()) {
            javafx.scene.control.ListCell<?> listCell = (javafx.scene.control.ListCell<?>) cell;
            if (kind.isInstance(listCell.getItem())) {
                for (Node button : listCell.lookupAll(".button")) {
                    if (button instanceof Button b && b.getText().equals(text)) {
                        return b;
                    }
                }
            }
        }
        return null;
    }
}
