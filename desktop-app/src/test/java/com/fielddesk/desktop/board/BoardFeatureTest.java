package com.fielddesk.desktop.board;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board on a real SQLite cache, shown by the real navigator: a column per status with its
 * count, cards moved from the keyboard to the nearest column the rules allow (queued, marked as
 * waiting to sync, and followed by the selection), Ctrl+Z undoing the last move as a new change,
 * a move that needs a window saying so and leaving the card where it was, and the columns a
 * dispatcher may not drag a card to.
 */
class BoardFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID technician = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        section.close();
        cache.close();
    }

    @Test
    void cardsMoveFromTheKeyboardToLegalColumnsAndCtrlZUndoes() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(
                row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher"),
                row("id", technician, "company_id", COMPANY, "role", "technician", "full_name", "Tom Tech")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        job(1, "Boiler service", "unscheduled", false);
        UUID furnace = job(2, "Furnace check", "scheduled", true);
        job(3, "Leaking tap", "completed", true);
        WorkOrderRepository jobs = new WorkOrderRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
        section = SectionUnderTest.show(BoardFeature.feature(jobs), cache, folder);

        Fx.waitUntil("each status counted in its column", DEADLINE, () -> section.text("#board-heading-unscheduled")
                .equals("Unscheduled · 1") && section.text("#board-heading-scheduled").equals("Scheduled · 1")
                && section.text("#board-heading-dispatched").equals("Dispatched · 0")
                && section.text("#board-heading-completed").equals("Completed · 1"));
        assertThat(cards("scheduled")).extracting(WorkOrderSummary::title).containsExactly("Furnace check");
        // A card says what the job is, whose, who goes and when — and is as high as its wrapped lines.
        javafx.scene.control.ListCell<?> shown = Fx.read(() -> list("scheduled").lookupAll("." + BoardView.CARD).stream()
                .map(node -> (javafx.scene.control.ListCell<?>) node).filter(cell -> !cell.isEmpty()).findFirst().orElseThrow());
        assertThat(Fx.read(shown::getAccessibleText)).startsWith("Job #2, Furnace check, Northwind Traders, Tom Tech, ");
        assertThat(Fx.read(() -> shown.getGraphic().getBoundsInParent().getMaxY())).isLessThanOrEqualTo(Fx.read(shown::getHeight));

        select("scheduled", 0);
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        Fx.waitUntil("Ctrl+→ moves the card to Dispatched, the next column it may go to", DEADLINE,
                () -> section.text("#board-heading-dispatched").equals("Dispatched · 1")
                        && section.text("#board-heading-scheduled").equals("Scheduled · 0"));
        assertThat(cards("dispatched")).singleElement().satisfies(card -> {
            assertThat(card.id().value()).isEqualTo(furnace);
            assertThat(card.pending()).as("waiting to sync").isTrue();
        });
        assertThat(section.text("#board-notice"))
                .isEqualTo("Job #2 moved to Dispatched. Ctrl+Z undoes it; it goes to the server with the next sync.");
        Fx.waitUntil("the selection followed the card", DEADLINE, () -> selectedTitle("dispatched").equals("Furnace check"));
        assertThat(statusInCache(furnace)).isEqualTo("dispatched");
        assertThat(queuedChanges(furnace)).isEqualTo(1);

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        Fx.waitUntil("Ctrl+Z brings it back", DEADLINE, () -> section.text("#board-heading-scheduled").equals("Scheduled · 1")
                && section.text("#board-notice").equals("Undone: Job #2 is back in Scheduled."));
        assertThat(statusInCache(furnace)).isEqualTo("scheduled");
        assertThat(queuedChanges(furnace)).as("the undo is a change of its own").isEqualTo(2);

        select("unscheduled", 0);
        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        Fx.waitUntil("a move that needs a window says so", DEADLINE, () -> section.text("#board-notice")
                .equals("Job #1: A scheduled job needs a scheduled window."));
        assertThat(section.text("#board-heading-unscheduled")).isEqualTo("Unscheduled · 1");

        javafx.scene.Node furnaceCard = Fx.read(() -> list("scheduled").lookupAll(".fd-board-card").stream()
                .filter(node -> node.isVisible()).findFirst().orElseThrow());
        robot.drag(furnaceCard, javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(Fx.read(() -> section.lookup("#board-column-dispatched")));
        assertThat(Fx.read(() -> section.lookup("#board-column-completed").getStyleClass()))
                .as("a column the card may not go to is dimmed while it is dragged").contains(BoardView.DIMMED);
        assertThat(Fx.read(() -> section.lookup("#board-column-dispatched").getStyleClass())).doesNotContain(BoardView.DIMMED);
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        Fx.waitUntil("a card dragged to Dispatched is moved there", DEADLINE,
                () -> section.text("#board-heading-dispatched").equals("Dispatched · 1"));
        Fx.waitUntil("and nothing is dimmed after the drop", DEADLINE,
                () -> !section.lookup("#board-column-completed").getStyleClass().contains(BoardView.DIMMED));

        select("completed", 0);
        robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);
        Fx.waitUntil("a dispatcher cannot reopen a completed job", DEADLINE, () -> section.text("#board-notice")
                .equals("Job #3 cannot move left from Completed."));
    }

    /** A supervisor may reopen a completed job: Ctrl+← takes it to Dispatched, the nearest column allowed. */
    @Test
    void aSupervisorReopensACompletedJob() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(
                row("id", dispatcher, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam Supervisor"),
                row("id", technician, "company_id", COMPANY, "role", "technician", "full_name", "Tom Tech")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        UUID tap = job(3, "Leaking tap", "completed", true);
        WorkOrderRepository jobs = new WorkOrderRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
        section = SectionUnderTest.show(BoardFeature.feature(jobs), cache, folder);
        Fx.waitUntil("the completed job is shown", DEADLINE, () -> section.text("#board-heading-completed").equals("Completed · 1"));

        select("completed", 0);
        robot.press(KeyCode.CONTROL, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.CONTROL);

        Fx.waitUntil("reopened to Dispatched", DEADLINE, () -> section.text("#board-heading-dispatched").equals("Dispatched · 1"));
        assertThat(statusInCache(tap)).isEqualTo("dispatched");
    }

    private UUID job(long number, String title, String status, boolean scheduled) {
        UUID id = UUID.randomUUID();
        CacheRows.write(cache, "work_orders", List.of(row("id", id, "company_id", COMPANY, "stage", "job", "number", number,
                "title", title, "status", status, "customer_id", customer, "priority", "normal",
                "created_at", "2026-12-01T10:00:00Z",
                "scheduled_start", scheduled ? "2026-12-07T14:00:00Z" : null,
                "scheduled_end", scheduled ? "2026-12-07T16:00:00Z" : null,
                "technician_id", scheduled ? technician : null)));
        return id;
    }

    @SuppressWarnings("unchecked")
    private ListView<WorkOrderSummary> list(String status) {
        return (ListView<WorkOrderSummary>) section.lookup("#board-list-" + status);
    }

    private List<WorkOrderSummary> cards(String status) {
        return Fx.read(() -> List.copyOf(list(status).getItems()));
    }

    private String selectedTitle(String status) {
        return Fx.read(() -> {
            WorkOrderSummary selected = list(status).getSelectionModel().getSelectedItem();
            return selected == null ? "" : selected.title();
        });
    }

    private void select(String status, int index) {
        Fx.run(() -> {
            list(status).requestFocus();
            list(status).getSelectionModel().select(index);
        });
        Fx.waitUntil("the " + status + " list has focus", DEADLINE, () -> list(status).isFocused());
    }

    private String statusInCache(UUID job) {
        return cache.read(connection -> {
            try (var query = connection.prepareStatement("select status from work_orders where id = ?")) {
                query.setString(1, job.toString());
                try (var rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
    }

    private long queuedChanges(UUID job) {
        return cache.read(connection -> {
            try (var query = connection.prepareStatement("select count(*) from outbox where row_id = ?")) {
                query.setString(1, job.toString());
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
