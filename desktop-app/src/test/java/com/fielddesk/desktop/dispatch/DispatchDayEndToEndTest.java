package com.fielddesk.desktop.dispatch;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatch → Day of the real console against a running local-backend reached through a relay that
 * can cut the network: a job given (Alt+↓) to the technician of the next lane while this console is
 * offline — meanwhile the office deactivated that technician, so the server refuses the assignment
 * when the network is back — snaps back to the lane and window the server has, marked, with the
 * server's reason as a sentence; a further move of that card waits for the sync issue. A job dragged
 * from the tray to such a technician's lane goes back to the tray as the server has it, marked too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchDayEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(90);

    private ConsoleBackend backend;
    private HangingRelay relay;
    private ConsoleUnderTest console;
    private UUID ann;
    private UUID job;
    private LocalDate day;
    private ZoneId zone;
    private UUID customer;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void openTheDay() {
        backend = new ConsoleBackend();
        relay = new HangingRelay(backend.url());
        ann = technician("Ann Archer");
        technician("Bob Baker");
        zone = ZoneId.of((String) backend.queryValue("select timezone from public.companies where id = ?",
                backend.acme.id()));
        day = LocalDate.now(zone).plusDays(1);
        Instant start = day.atTime(10, 0).atZone(zone).toInstant();
        customer = backend.tenants().customer(backend.acme, "Robin Day");
        job = (UUID) backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id,"
                + " technician_id, scheduled_start, scheduled_end) values (?, 'job', 'scheduled', 'Refused reassign', ?, ?,"
                + " ?::timestamptz, ?::timestamptz) returning id", backend.acme.id(), customer, ann, start.toString(),
                start.plus(Duration.ofHours(2)).toString());
        console = ConsoleUnderTest.open(backend, backend.asLocalDemoAt(relay.url()),
                new LiveUpdateTimings(Duration.ofSeconds(2), Duration.ofSeconds(1)), false);
        console.signInWithTheDemoLogin();
        String nav = "#" + ShellView.NAV_PREFIX + DispatchFeature.ID;
        Fx.waitUntil("Day is in the navigation", UI_DEADLINE, () -> console.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("the day view is shown", UI_DEADLINE, () -> console.find("#dispatch-date").isPresent());
        Fx.run(() -> ((DatePicker) console.find("#dispatch-date").orElseThrow()).setValue(day));
        Fx.waitUntil("the job is in Ann's lane", SYNC_DEADLINE, () -> laneOf(job).equals(Optional.of(ann)));
        Fx.waitUntil("the console is online", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
    }

    @AfterAll
    void close() throws Exception {
        console.close();
        relay.close();
    }

    @Test
    void anAssignmentTheServerRefusesSnapsBackWithItsReason() {
        UUID next = Fx.read(() -> {
            List<UUID> lanes = lanes();
            return lanes.get(lanes.indexOf(ann) + 1);
        });
        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE,
                () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        // Meanwhile the office deactivates the technician of the next lane: this console does not know yet.
        backend.queryValue("update public.profiles set active = false where id = ? returning id", next);
        long number = ((Number) backend.queryValue("select number from public.work_orders where id = ?", job)).longValue();

        pressOnCard(KeyCode.DOWN);
        Fx.waitUntil("given to the next lane here, waiting to sync", UI_DEADLINE,
                () -> laneOf(job).equals(Optional.of(next)) && accessibleText().contains("waiting to sync"));

        relay.pass();
        String why = ": the server refused the move. Work can only be assigned to an active technician of your company.";
        Fx.waitUntil("the card snaps back to Ann's lane and the day view says why", SYNC_DEADLINE,
                () -> laneOf(job).equals(Optional.of(ann)) && text("#dispatch-notice").startsWith("Job #" + number
                        + " is back with Ann Archer, ") && text("#dispatch-notice").endsWith(why));
        assertThat(Fx.read(() -> card().orElseThrow().lookupAll("." + DispatchView.REFUSED_CLASS).size()))
                .as("the card is marked as refused").isEqualTo(1);
        assertThat(accessibleText()).contains("change refused by the server: Work can only be assigned");
        assertThat(backend.queryValue("select technician_id from public.work_orders where id = ?", job)).isEqualTo(ann);

        pressOnCard(KeyCode.DOWN);
        Fx.waitUntil("a refused card waits for its sync issue", UI_DEADLINE, () -> text("#dispatch-notice")
                .startsWith("Job #" + number + " waits: the server refused its last move."));
        assertThat(Fx.read(() -> laneOf(job))).contains(ann);
    }

    @Test
    void aTrayJobTheServerRefusesToAssignIsBackInTheTrayAsTheServerHasItMarkedWithItsReason() {
        UUID cy = technician("Cy Carter");
        Instant start = day.atTime(13, 0).atZone(zone).toInstant();
        UUID waiting = (UUID) backend.queryValue("insert into public.work_orders (company_id, stage, status, title, customer_id,"
                + " scheduled_start, scheduled_end) values (?, 'job', 'scheduled', 'Refused from the tray', ?, ?::timestamptz,"
                + " ?::timestamptz) returning id", backend.acme.id(), customer, start.toString(),
                start.plus(Duration.ofHours(2)).toString());
        long number = ((Number) backend.queryValue("select number from public.work_orders where id = ?", waiting)).longValue();
        Fx.waitUntil("the job waits in the tray's Unassigned and Cy has a lane", SYNC_DEADLINE,
                () -> trayJobs("unassigned").contains(waiting) && Fx.read(() -> lanes().contains(cy)));
        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE,
                () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        // Meanwhile the office deactivates Cy: this console does not know yet.
        backend.queryValue("update public.profiles set active = false where id = ? returning id", cy);

        Node trayCell = Fx.read(() -> trayCell("unassigned", waiting).orElseThrow());
        // Early in the day: the lanes of a 1280-pixel window show 07:00 to about noon.
        javafx.geometry.Point2D eightInCysLane = Fx.read(() -> {
            Node lane = DispatchView.laneOf(lanesRoot(), cy).orElseThrow();
            int minute = DayPlan.minuteOf(day.atStartOfDay(zone).toInstant(), day.atTime(8, 4).atZone(zone).toInstant())
                    - DayPlan.minuteOf(day.atStartOfDay(zone).toInstant(), day.atTime(7, 0).atZone(zone).toInstant());
            return lane.localToScreen(minute * DispatchView.SCALE, DispatchView.LANE_HEIGHT / 2.0);
        });
        robot.drag(trayCell, javafx.scene.input.MouseButton.PRIMARY).moveTo(eightInCysLane)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        Fx.waitUntil("given to Cy here, out of the tray, waiting to sync", UI_DEADLINE,
                () -> laneOf(waiting).equals(Optional.of(cy)) && !trayJobs("unassigned").contains(waiting));

        relay.pass();
        String why = ": the server refused the move. Work can only be assigned to an active technician of your company.";
        Fx.waitUntil("the job is back in the tray's Unassigned and the day view says why", SYNC_DEADLINE,
                () -> trayJobs("unassigned").contains(waiting) && text("#dispatch-notice").startsWith("Job #" + number
                        + " is back unassigned, ") && text("#dispatch-notice").endsWith(why));
        assertThat(laneOf(waiting)).as("in no lane: the server has nobody on it").isEmpty();
        Node shown = Fx.read(() -> trayCell("unassigned", waiting).orElseThrow());
        assertThat(Fx.read(() -> shown.lookupAll("." + DispatchView.REFUSED_CLASS).stream().filter(Node::isVisible).count()))
                .as("the tray row is marked as refused").isEqualTo(1L);
        assertThat(Fx.read(shown::getAccessibleText)).contains("change refused by the server: Work can only be assigned")
                .doesNotContain("Cy Carter");
        assertThat(backend.queryValue("select technician_id from public.work_orders where id = ?", waiting)).isNull();
    }

    // ---- helpers ----

    /** The jobs a tray group lists (its first rows). */
    private List<UUID> trayJobs(String group) {
        return Fx.read(() -> console.find("#dispatch-tray-" + group)
                .map(list -> ((javafx.scene.control.ListView<?>) list).getItems().stream()
                        .map(item -> ((com.fielddesk.domain.jobs.WorkOrderSummary) item).id().value()).toList())
                .orElse(List.of()));
    }

    /** The shown cell of a job in a tray group (call on the FX thread). */
    private Optional<Node> trayCell(String group, UUID id) {
        return console.find("#dispatch-tray-" + group).flatMap(list -> list.lookupAll(".list-cell").stream()
                .filter(cell -> ((javafx.scene.control.ListCell<?>) cell).getItem()
                        instanceof com.fielddesk.domain.jobs.WorkOrderSummary summary && summary.id().value().equals(id))
                .findFirst());
    }

    private UUID technician(String name) {
        return (UUID) backend.queryValue("select id from public.profiles where email = ?",
                backend.staffWithPassword(backend.acme, "technician", name).email());
    }

    private Node lanesRoot() {
        return console.find("#dispatch-lanes").orElseThrow();
    }

    /** The technicians of the lanes, top to bottom (call on the FX thread). */
    private List<UUID> lanes() {
        return lanesRoot().lookupAll(".fd-dispatch-lane").stream()
                .map(node -> (UUID) node.getProperties().get(DispatchView.TECHNICIAN_KEY)).toList();
    }

    private Optional<Node> card() {
        return console.find("#dispatch-lanes").flatMap(root -> DispatchView.cardOf(root, job));
    }

    /** The technician whose lane shows the job's card, if it is shown. */
    private Optional<UUID> laneOf(UUID id) {
        return Fx.read(() -> console.find("#dispatch-lanes").flatMap(root -> DispatchView.cardOf(root, id)).flatMap(card -> {
            for (Node node = card; node != null; node = node.getParent()) {
                if (node.getProperties().get(DispatchView.TECHNICIAN_KEY) instanceof UUID technician) {
                    return Optional.of(technician);
                }
            }
            return Optional.empty();
        }));
    }

    private String accessibleText() {
        return Fx.read(() -> card().map(Node::getAccessibleText).orElse(""));
    }

    /** Focuses the job's card and presses Alt+{@code arrow} on it, as a dispatcher would. */
    private void pressOnCard(KeyCode arrow) {
        Fx.run(() -> {
            Node card = card().orElseThrow();
            card.requestFocus();
            card.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", arrow, false, false, true, false));
        });
    }

    private String text(String selector) {
        return Fx.read(() -> console.find(selector).map(node -> node instanceof Label label ? label.getText()
                : node instanceof javafx.scene.control.Labeled labeled ? labeled.getText() : "").orElse(""));
    }
}
