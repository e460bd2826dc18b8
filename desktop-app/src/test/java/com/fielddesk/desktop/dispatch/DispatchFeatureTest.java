package com.fielddesk.desktop.dispatch;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatch day on a real SQLite cache, shown by the real navigator: a lane per technician with
 * jobs count and booked hours, an overlap flagged, the tray counted; the keyboard path (15 minutes
 * later, to the technician below, Ctrl+Z back) and the mouse (a card's end edge dragged, a tray job
 * dropped into a lane at a snapped time, a lane job dropped on the tray), each a queued change in
 * the cache; the week overview and a cell opening its day.
 */
class DispatchFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();
    private static final ZoneId ZONE = SectionUnderTest.COMPANY_ZONE;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();

    @AfterEach
    void close() throws Exception {
        section.close();
        cache.close();
    }

    /** The cache with the company (in its zone), the dispatcher, these technicians and a customer. */
    private void seed(List<com.fasterxml.jackson.databind.node.ObjectNode> technicians) {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "companies", List.of(row("id", COMPANY, "name", "Acme Heating", "timezone", ZONE.getId())));
        List<com.fasterxml.jackson.databind.node.ObjectNode> people = new java.util.ArrayList<>(technicians);
        people.add(0, row("id", dispatcher, "company_id", COMPANY, "role", "dispatcher", "full_name", "Dana Dispatcher"));
        CacheRows.write(cache, "profiles", people);
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
    }

    /** The Day section as the dispatcher sees it, over the cache seeded. */
    private void showTheDay() throws Exception {
        WorkOrderRepository jobs = new WorkOrderRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
        section = SectionUnderTest.show(DispatchFeature.feature(jobs), cache, folder);
    }

    @Test
    void theBoardSnapChosenInSettingsIsTheStepOfAMove() throws Exception {
        seed(List.of(row("id", ann, "company_id", COMPANY, "role", "technician", "full_name", "Ann Archer", "color", "#1f77b4")));
        UUID boiler = job(1, "scheduled", ann, 9, 0, 11, 0);
        com.fielddesk.desktop.ui.ViewSettings settings = new com.fielddesk.desktop.ui.ViewSettings(folder.resolve("console.properties"));
        settings.put(com.fielddesk.desktop.ui.ViewSettings.BOARD_SNAP_MINUTES, "30");
        settings.save();
        showTheDay();
        Fx.run(() -> ((DatePicker) section.lookup("#dispatch-date")).setValue(DAY));
        Fx.waitUntil("Ann's lane", DEADLINE, () -> "1 job · 2.0 h".equals(textOf("#dispatch-lane-summary-" + ann)));

        focusCard(boiler);
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        Fx.waitUntil("Alt+→ moves the job one 30-minute snap later", DEADLINE,
                () -> DAY.atTime(9, 30).atZone(ZONE).toInstant().equals(instant(boiler, "scheduled_start")));
    }

    /**
     * The day field writes the day as the console writes dates, whatever the computer's locale, takes
     * one typed that way or as 2026-12-08, and text that is not a day (or nothing) leaves the board
     * on the day it shows.
     */
    @Test
    void theDayIsTypedAsTheConsoleWritesDatesAndTextThatIsNotADayChangesNothing() throws Exception {
        seed(List.of(row("id", ann, "company_id", COMPANY, "role", "technician", "full_name", "Ann Archer", "color", "#1f77b4")));
        job(1, "scheduled", ann, 9, 0, 11, 0);
        showTheDay();
        DatePicker date = (DatePicker) section.lookup("#dispatch-date");
        Fx.run(() -> date.setValue(DAY));
        Fx.waitUntil("Ann's day", DEADLINE, () -> "1 job · 2.0 h".equals(textOf("#dispatch-lane-summary-" + ann)));
        assertThat(Fx.read(() -> date.getEditor().getText())).isEqualTo("7 Dec 2026");

        for (String notADay : new String[] {"next tuesday", "", "2026-13-40"}) {
            Fx.run(() -> {
                date.getEditor().requestFocus();
                date.getEditor().selectAll();
            });
            if (notADay.isEmpty()) {
                robot.type(KeyCode.BACK_SPACE);
            } else {
                robot.write(notADay);
            }
            robot.type(KeyCode.ENTER);
            Fx.waitUntil("after \"" + notADay + "\", the field shows the board's day again", DEADLINE,
                    () -> Fx.read(() -> date.getEditor().getText()).equals("7 Dec 2026"));
            assertThat(Fx.read(date::getValue)).as(notADay).isEqualTo(DAY);
            assertThat(textOf("#dispatch-lane-summary-" + ann)).isEqualTo("1 job · 2.0 h");
        }
        Fx.run(() -> {
            date.getEditor().requestFocus();
            date.getEditor().selectAll();
        });
        robot.write("8 Dec 2026").type(KeyCode.ENTER);
        Fx.waitUntil("the next day, typed", DEADLINE, () -> DAY.plusDays(1).equals(Fx.read(date::getValue))
                && "0 jobs · 0.0 h".equals(textOf("#dispatch-lane-summary-" + ann)));
    }

    @Test
    void aDispatcherRunsTheDayFromTheKeyboardAndTheMouse() throws Exception {
        seed(List.of(row("id", ann, "company_id", COMPANY, "role", "technician", "full_name", "Ann Archer", "color", "#1f77b4"),
                row("id", bob, "company_id", COMPANY, "role", "technician", "full_name", "Bob Baker", "color", "#ff7f0e")));
        UUID boiler = job(1, "scheduled", ann, 9, 0, 11, 0);
        job(2, "scheduled", ann, 10, 30, 12, 0);
        UUID waiting = job(3, "unscheduled", null, 0, 0, 0, 0);
        showTheDay();
        Fx.run(() -> ((DatePicker) section.lookup("#dispatch-date")).setValue(DAY));

        Fx.waitUntil("Ann's lane counts her jobs and hours", DEADLINE,
                () -> "2 jobs · 3.5 h".equals(textOf("#dispatch-lane-summary-" + ann)));
        assertThat(textOf("#dispatch-lane-summary-" + bob)).isEqualTo("0 jobs · 0.0 h");
        assertThat(section.text("#dispatch-tray-heading-unscheduled")).isEqualTo("Unscheduled · 1");
        assertThat(cardTexts(boiler)).as("what the job is, when, and whose").contains("⚠ Overlaps", "Service 1", "09:00–11:00");

        focusCard(boiler);
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        Fx.waitUntil("Alt+→ moves the job 15 minutes later", DEADLINE,
                () -> DAY.atTime(9, 15).atZone(ZONE).toInstant().equals(instant(boiler, "scheduled_start")));
        assertThat(instant(boiler, "scheduled_end")).isEqualTo(DAY.atTime(11, 15).atZone(ZONE).toInstant());

        Fx.waitUntil("the card keeps the focus after the board redraws", DEADLINE, () -> cardFocused(boiler));
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        Fx.waitUntil("Alt+↓ gives it to the technician below", DEADLINE, () -> bob.toString().equals(column(boiler, "technician_id")));
        Fx.waitUntil("Bob's lane has it", DEADLINE, () -> "1 job · 2.0 h".equals(textOf("#dispatch-lane-summary-" + bob)));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        Fx.waitUntil("Ctrl+Z gives it back to Ann", DEADLINE, () -> ann.toString().equals(column(boiler, "technician_id")));
        assertThat(queuedChanges(boiler)).as("three changes queued, the undo one of them").isEqualTo(3);
        assertThat(section.text("#dispatch-notice")).startsWith("Undone: Job #1 is back at");

        // The mouse: the card's right edge dragged an hour further (120 px) ends the window an hour later.
        Fx.waitUntil("the card is back in Ann's lane", DEADLINE, () -> {
            javafx.scene.Node card = card(boiler);
            return card != null && card.getParent() != null && card.getParent() == lane(ann);
        });
        javafx.scene.Node boilerEnd = Fx.read(() -> card(boiler).lookup(".fd-dispatch-card-edge"));
        robot.drag(boilerEnd, javafx.scene.input.MouseButton.PRIMARY).moveBy(120, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        Fx.waitUntil("dragging the edge makes the window longer", DEADLINE,
                () -> DAY.atTime(12, 15).atZone(ZONE).toInstant().equals(instant(boiler, "scheduled_end")));
        assertThat(instant(boiler, "scheduled_start")).as("the start stays").isEqualTo(DAY.atTime(9, 15).atZone(ZONE).toInstant());

        // The mouse: a tray job dropped in Bob's lane at 11:00 (snapped) is scheduled with him, two hours long.
        javafx.scene.Node trayJob = Fx.read(() -> section.lookup("#dispatch-tray-unscheduled").lookupAll(".list-cell").stream()
                .filter(cell -> ((javafx.scene.control.ListCell<?>) cell).getItem() != null).findFirst().orElseThrow());
        javafx.geometry.Point2D elevenInBobsLane = Fx.read(() -> {
            javafx.scene.Node lane = lane(bob);
            DayPlanProbe probe = new DayPlanProbe(lane);
            return probe.screenPointAt(DAY.atTime(11, 4).atZone(ZONE).toInstant(), DAY, ZONE);
        });
        robot.drag(trayJob, javafx.scene.input.MouseButton.PRIMARY).moveTo(elevenInBobsLane)
                .release(javafx.scene.input.MouseButton.PRIMARY);
        Fx.waitUntil("the tray job is now in Bob's lane at 11:00", DEADLINE,
                () -> bob.toString().equals(column(waiting, "technician_id"))
                        && DAY.atTime(11, 0).atZone(ZONE).toInstant().equals(instant(waiting, "scheduled_start")));
        assertThat(instant(waiting, "scheduled_end")).isEqualTo(DAY.atTime(13, 0).atZone(ZONE).toInstant());
        assertThat(column(waiting, "status")).isEqualTo("scheduled");

        // ... and a lane card dropped on the tray loses its technician.
        Fx.waitUntil("the card is drawn in Bob's lane", DEADLINE, () -> card(waiting) != null);
        robot.drag(Fx.read(() -> card(waiting)), javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(Fx.read(() -> section.lookup("#dispatch-tray-late"))).release(javafx.scene.input.MouseButton.PRIMARY);
        Fx.waitUntil("dropped on the tray, it is unassigned", DEADLINE, () -> column(waiting, "technician_id") == null);

        Fx.run(() -> ((javafx.scene.control.ToggleButton) section.lookup("#dispatch-show-week")).fire());
        String annOnTheDay = "#dispatch-week-" + ann + "-" + DAY;
        Fx.waitUntil("the week shows Ann's day with its overlap", DEADLINE, () -> section.lookup(annOnTheDay) != null
                && ((javafx.scene.control.Button) section.lookup(annOnTheDay)).getText().equals("2 jobs · 4.5 h  ⚠"));
        assertThat(Fx.read(() -> ((javafx.scene.control.Button) section.lookup("#dispatch-week-" + bob + "-" + DAY.plusDays(1)))
                .getText())).isEqualTo("—");
        assertThat(section.text("#dispatch-day")).as("the week is titled as a week").startsWith("7 Dec 2026 – 13 Dec 2026 · ");
        assertThat(Fx.read(() -> section.lookup("#dispatch-zoom-in").isDisabled())).as("a week has nothing to zoom").isTrue();
        Fx.run(() -> ((DatePicker) section.lookup("#dispatch-date")).setValue(DAY.plusDays(2)));
        Fx.waitUntil("the same week for another of its days", DEADLINE, () -> section.lookup(annOnTheDay) != null);
        Fx.run(() -> ((javafx.scene.control.Button) section.lookup(annOnTheDay)).fire());
        Fx.waitUntil("a cell opens its day", DEADLINE, () -> section.lookup("#dispatch-lanes").isVisible()
                && DAY.equals(Fx.read(() -> ((DatePicker) section.lookup("#dispatch-date")).getValue())));
        Fx.waitUntil("titled as the day again", DEADLINE, () -> section.text("#dispatch-day").startsWith("7 Dec 2026 · ")
                && !Fx.read(() -> section.lookup("#dispatch-zoom-in").isDisabled()));
    }

    @Test
    void farLanesAreDrawnWhenScrolledToAndAZoomResizesTheCards() throws Exception {
        List<com.fasterxml.jackson.databind.node.ObjectNode> people = new java.util.ArrayList<>();
        List<UUID> technicians = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID technician = UUID.randomUUID();
            technicians.add(technician);
            people.add(row("id", technician, "company_id", COMPANY, "role", "technician",
                    "full_name", String.format(java.util.Locale.ROOT, "Technician %02d", i)));
        }
        seed(people);
        UUID first = job(1, "scheduled", technicians.get(0), 9, 0, 11, 0);
        UUID last = job(2, "scheduled", technicians.get(39), 9, 0, 11, 0);
        showTheDay();
        Fx.run(() -> ((DatePicker) section.lookup("#dispatch-date")).setValue(DAY));
        Fx.waitUntil("the first lane's card is drawn", DEADLINE, () -> card(first) != null);
        assertThat(Fx.read(() -> lane(technicians.get(39)))).as("the last lane waits, blank, out of view").isNull();
        assertThat(Fx.read(() -> section.lookup("#dispatch-lanes").lookupAll(".fd-dispatch-row").size()))
                .as("every lane has its row").isEqualTo(40);

        Fx.run(() -> {
            javafx.scene.Node pane = section.lookup("#dispatch-lanes");
            while (!(pane instanceof javafx.scene.control.ScrollPane)) {
                pane = pane.getParent();
            }
            ((javafx.scene.control.ScrollPane) pane).setVvalue(1);
        });
        Fx.waitUntil("scrolled to the bottom, the last lane and its card are drawn", DEADLINE, () -> card(last) != null
                && lane(technicians.get(39)) != null);

        // A card has its width once a layout pass has been over it (the waits above may see it just made).
        double before = 120 * DispatchView.SCALE - 2;
        Fx.waitUntil("two hours at 2 px a minute", DEADLINE, () -> ((javafx.scene.layout.Region) card(first)).getWidth() == before);
        javafx.scene.Node firstCard = Fx.read(() -> card(first));
        javafx.scene.Node lastCard = Fx.read(() -> card(last));
        Fx.run(() -> section.lookup("#dispatch").fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.EQUALS, false, true, false, false)));
        Fx.waitUntil("Ctrl+Plus zooms in: the card in view is wider (3 px a minute), not drawn anew", DEADLINE,
                () -> card(last) == lastCard && ((javafx.scene.layout.Region) lastCard).getWidth() == 120 * 3.0 - 2
                        && lastCard.getLayoutX() == (9 * 60 - 7 * 60) * 3.0 + 1);
        assertThat(Fx.read(() -> card(first))).as("the first lane, out of view, keeps its card").isSameAs(firstCard);
        Fx.run(() -> {
            javafx.scene.Node pane = section.lookup("#dispatch-lanes");
            while (!(pane instanceof javafx.scene.control.ScrollPane)) {
                pane = pane.getParent();
            }
            ((javafx.scene.control.ScrollPane) pane).setVvalue(0);
        });
        Fx.waitUntil("scrolled back up, the first lane's card is at the new zoom too, not drawn anew", DEADLINE,
                () -> card(first) == firstCard && ((javafx.scene.layout.Region) firstCard).getWidth() == 120 * 3.0 - 2
                        && firstCard.getLayoutX() == (9 * 60 - 7 * 60) * 3.0 + 1);
        Fx.run(() -> section.lookup("#dispatch").fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.DIGIT0, false, true, false, false)));
        Fx.waitUntil("Ctrl+0 is back to the default zoom", DEADLINE,
                () -> ((javafx.scene.layout.Region) card(first)).getWidth() == before);
    }

    /** Where on screen a lane shows an instant of the day (the axis starts at 07:00 here). */
    private record DayPlanProbe(javafx.scene.Node lane) {
        javafx.geometry.Point2D screenPointAt(java.time.Instant at, LocalDate day, ZoneId zone) {
            int minute = DayPlan.minuteOf(day.atStartOfDay(zone).toInstant(), at);
            double x = (minute - 7 * 60) * DispatchView.SCALE;
            return lane.localToScreen(x, DispatchView.LANE_HEIGHT / 2);
        }
    }

    private UUID job(long number, String status, UUID technician, int startHour, int startMinute, int endHour, int endMinute) {
        UUID id = UUID.randomUUID();
        boolean scheduled = technician != null;
        CacheRows.write(cache, "work_orders", List.of(row("id", id, "company_id", COMPANY, "stage", "job", "number", number,
                "title", "Service " + number, "status", status, "customer_id", customer, "priority", "normal",
                "created_at", "2026-12-01T10:00:00Z",
                "scheduled_start", scheduled ? DAY.atTime(startHour, startMinute).atZone(ZONE).toInstant().toString() : null,
                "scheduled_end", scheduled ? DAY.atTime(endHour, endMinute).atZone(ZONE).toInstant().toString() : null,
                "technician_id", technician)));
        return id;
    }

    private String textOf(String selector) {
        return Fx.read(() -> {
            Node node = section.lookup(selector);
            return node instanceof Label label ? label.getText() : null;
        });
    }

    /** A job's card where the day view shows it, or null (call on the FX thread). */
    private Node card(UUID job) {
        return DispatchView.cardOf(section.lookup("#dispatch-lanes"), job).orElse(null);
    }

    private Node lane(UUID technician) {
        return DispatchView.laneOf(section.lookup("#dispatch-lanes"), technician).orElse(null);
    }

    private List<String> cardTexts(UUID job) {
        return Fx.read(() -> java.util.stream.Stream.concat(card(job).lookupAll("." + DispatchView.CARD_TEXT_CLASS).stream()
                        .map(node -> ((javafx.scene.text.Text) node).getText()),
                card(job).lookupAll(".label").stream().map(node -> ((Label) node).getText())).toList());
    }

    private void focusCard(UUID job) {
        Fx.run(() -> card(job).requestFocus());
        Fx.waitUntil("the card has focus", DEADLINE, () -> cardFocused(job));
    }

    private boolean cardFocused(UUID job) {
        Node card = card(job);
        return card != null && card.isFocused();
    }

    private java.time.Instant instant(UUID job, String column) {
        String stored = column(job, column);
        return stored == null ? null : java.time.Instant.parse(stored);
    }

    private String column(UUID job, String column) {
        return cache.read(connection -> {
            try (var query = connection.prepareStatement("select " + column + " from work_orders where id = ?")) {
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
