package com.fielddesk.desktop.dispatch;

import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Lines;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.jobs.DispatchTray;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.paint.Color;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatch day: a toolbar (previous / today / next day, a date), the tray on the left
 * (unscheduled, unassigned, late — each counted) and a lane per technician on a time axis in the
 * company's zone, with a "now" line on today. Jobs are cards sized by their window. Mouse: drag a
 * card from the tray or a lane to a place in a lane (schedule, reschedule, reassign; the
 * board snap), or onto the tray (unassign). Keyboard, on a focused card: Alt+←/→ one snap earlier or
 * later, Alt+Shift+←/→ shorter or longer, Alt+↑/↓ the technician above or below, Enter opens the
 * job, the context menu (Shift+F10) schedules it with a picker; Ctrl+Z undoes the last change.
 */
final class DispatchView {

    /** Pixels per minute on the time axis: an hour is 120 px. */
    /** Pixels per minute at the default zoom. */
    static final double SCALE = 2.0;
    /** The zoom steps, pixels per minute (Ctrl+− and Ctrl++ walk them; Ctrl+0 is back to {@link #SCALE}). */
    static final double[] ZOOMS = {0.75, 1.0, 1.5, SCALE, 3.0, 4.0};
    /** A card's placement in its lane, kept on the card so a zoom moves it instead of drawing it again. */
    static final String PLACED_KEY = "fielddesk.placed";
    /** On a lane's row not drawn yet (off screen): the lane it stands for. */
    static final String BLANK_KEY = "fielddesk.blank-lane";
    /** On a drawn lane's row: the zoom (pixels per minute) its cards are placed at; see {@link #zoomTo}. */
    static final String SCALE_KEY = "fielddesk.lane-scale";
    /** On a lane's hour line: its minute, for a zoom. */
    static final String HOUR_KEY = "fielddesk.hour";
    /** An hour tick's or the now line's minute, kept on the node for a zoom. */
    static final String MINUTE_KEY = "fielddesk.minute";
    static final double LANE_HEADER_WIDTH = 170;
    static final double LANE_HEIGHT = 74;
    /** Style class of a job's card; the card's {@link Node#getProperties() property} {@link #JOB_KEY} is the job's id. */
    static final String CARD_CLASS = "fd-dispatch-card";
    /** Cards and lanes carry no id (a unique id per node keeps JavaFX from sharing styles between 400 cards). */
    static final String JOB_KEY = "fielddesk.job";
    /** A card's lines (text nodes, styled in fielddesk.css for both themes). */
    static final String CARD_TEXT_CLASS = "fd-dispatch-card-text";
    static final String CARD_NUMBER_CLASS = "fd-dispatch-card-number";
    static final String CARD_HINT_CLASS = "fd-dispatch-card-hint";
    static final String TECHNICIAN_KEY = "fielddesk.technician";
    /** The mark on a card whose last change the server refused (it is shown where the server has it). */
    static final String REFUSED_CLASS = "fd-dispatch-card-refused";
    /**
     * The tray-and-lanes split pane and the lanes' scroll pane: fielddesk.css takes their (transparent)
     * background fills away — the software pipeline blends a transparent fill into every pixel it
     * repaints, and a zoom repaints the whole lanes area through three of them.
     */
    static final String SPLIT_CLASS = "fd-dispatch-split";
    static final String LANES_PANE_CLASS = "fd-dispatch-lanes-pane";

    private final DispatchViewModel model;
    private final Formats formats;
    private final VBox root = new VBox(8);
    private final DatePicker datePicker = new DatePicker();
    private final Label dayTitle = new Label();
    private final VBox lanesBox = new VBox(4);
    private final javafx.scene.layout.GridPane weekGrid = new javafx.scene.layout.GridPane();
    private final Map<String, ListView<WorkOrderSummary>> trayLists = new HashMap<>();
    private final Map<String, Label> trayHeadings = new HashMap<>();
    private final Map<WorkOrderId, Node> cards = new HashMap<>();
    private WorkOrderSummary dragged;
    private double grabOffsetMinutes;
    private WorkOrderId focusedJob;
    /** What the lanes show now, to redraw only what changed. */
    private DayPlan shownPlan;
    /** The refusals of the plan the tray shows (its rows are drawn while the plan is being shown). */
    private Map<WorkOrderId, String> trayRefusals = Map.of();
    private int shownNowMinute;
    /** Pixels per minute now (one of {@link #ZOOMS}). */
    private double scale = SCALE;
    /** The lanes' scroll pane: only the lanes in (or near) its viewport are drawn, the others wait as blanks. */
    private ScrollPane lanesPane;

    DispatchView(DispatchViewModel model) {
        this.model = model;
        this.formats = model.formats();
        root.setId("dispatch");
        root.setPadding(new Insets(12));

        Button previous = new Button("◀");
        previous.setId("dispatch-previous");
        previous.setAccessibleText("Previous day");
        previous.setOnAction(e -> model.previousDay());
        Button today = new Button("_Today");
        today.setId("dispatch-today");
        today.setOnAction(e -> model.today());
        Button next = new Button("▶");
        next.setId("dispatch-next");
        next.setAccessibleText("Next day");
        next.setOnAction(e -> model.nextDay());
        datePicker.setId("dispatch-date");
        datePicker.setConverter(DayConverter.of());
        // Not a bidirectional binding: text that is not a day (or nothing) gives the picker no value,
        // and the picker must show the board's day again, which a binding does not send back to it.
        datePicker.setValue(model.dayProperty().get());
        model.dayProperty().addListener((o, before, now) -> datePicker.setValue(now));
        datePicker.valueProperty().addListener((o, before, now) -> {
            if (now == null) {
                datePicker.setValue(model.dayProperty().get());
            } else {
                model.dayProperty().set(now);
            }
        });
        dayTitle.setId("dispatch-day");
        dayTitle.getStyleClass().add(Styles.SECTION_TITLE);
        javafx.scene.control.ToggleButton dayToggle = new javafx.scene.control.ToggleButton("_Day");
        dayToggle.setId("dispatch-show-day");
        javafx.scene.control.ToggleButton weekToggle = new javafx.scene.control.ToggleButton("_Week");
        weekToggle.setId("dispatch-show-week");
        org.controlsfx.control.SegmentedButton view = new org.controlsfx.control.SegmentedButton(dayToggle, weekToggle);
        dayToggle.setSelected(true);
        view.getToggleGroup().selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                before.setSelected(true);
            } else {
                model.weekShownProperty().set(now == weekToggle);
            }
        });
        model.weekShownProperty().addListener((o, before, now) -> (now ? weekToggle : dayToggle).setSelected(true));
        Button zoomOut = new Button("−");
        zoomOut.setId("dispatch-zoom-out");
        zoomOut.setAccessibleText("Zoom out (Ctrl+Minus)");
        zoomOut.setTooltip(new javafx.scene.control.Tooltip("Zoom out (Ctrl+Minus)"));
        zoomOut.setOnAction(e -> zoom(-1));
        Button zoomIn = new Button("+");
        zoomIn.setId("dispatch-zoom-in");
        zoomIn.setAccessibleText("Zoom in (Ctrl+Plus)");
        zoomIn.setTooltip(new javafx.scene.control.Tooltip("Zoom in (Ctrl+Plus)"));
        zoomIn.setOnAction(e -> zoom(1));
        HBox toolbar = new HBox(8, previous, today, next, datePicker, view, zoomOut, zoomIn, dayTitle);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label();
        // The week is a summary of the days (no lanes, no tray, nothing to zoom): its hint says what a cell does.
        hint.textProperty().bind(javafx.beans.binding.Bindings.when(model.weekShownProperty())
                .then("Each cell is a technician's day: click it, or Tab to it and press Enter, to open that day")
                .otherwise("Drag a job to a lane or onto the tray · on a focused job: Alt+←/→ one snap, Alt+Shift+←/→ "
                        + "shorter/longer, Alt+↑/↓ other technician, Enter opens, Shift+F10 schedules · Ctrl+Z undoes · Ctrl+−/+ zoom"));
        zoomOut.disableProperty().bind(model.weekShownProperty());
        zoomIn.disableProperty().bind(model.weekShownProperty());
        model.weekShownProperty().addListener((o, before, now) -> showTitle());
        hint.getStyleClass().add(Styles.FORM_HINT);
        hint.setWrapText(true);
        Label notice = new Label();
        notice.setId("dispatch-notice");
        notice.getStyleClass().add(Styles.NOTICE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        lanesBox.setId("dispatch-lanes");
        ScrollPane lanes = new ScrollPane(lanesBox);
        lanes.getStyleClass().add(LANES_PANE_CLASS);
        lanes.setFitToHeight(false);
        lanesPane = lanes;
        lanes.vvalueProperty().addListener((o, before, now) -> {
            drawVisibleLanes();
            cacheDrawnLanes(true);
        });
        lanes.viewportBoundsProperty().addListener((o, before, now) -> drawVisibleLanes());
        SplitPane split = new SplitPane(tray(), lanes);
        split.getStyleClass().add(SPLIT_CLASS);
        split.setDividerPositions(0.22);
        VBox.setVgrow(split, javafx.scene.layout.Priority.ALWAYS);
        weekGrid.setId("dispatch-week");
        weekGrid.setHgap(6);
        weekGrid.setVgap(6);
        ScrollPane weekPane = new ScrollPane(weekGrid);
        VBox.setVgrow(weekPane, javafx.scene.layout.Priority.ALWAYS);
        split.visibleProperty().bind(model.weekShownProperty().not());
        split.managedProperty().bind(split.visibleProperty());
        weekPane.visibleProperty().bind(model.weekShownProperty());
        weekPane.managedProperty().bind(weekPane.visibleProperty());
        root.getChildren().addAll(toolbar, hint, notice, split, weekPane);
        model.week().addListener((ListChangeListener<DayPlan>) change -> {
            if (model.weekShownProperty().get()) {
                showWeek();
            }
        });

        model.plan().addListener((ListChangeListener<DayPlan>) change -> show());
        model.followProperty().addListener((o, before, now) -> {
            focusedJob = now;
            refocus();
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.Z && e.isShortcutDown() && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                model.undo();
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS
                    || e.getCode() == KeyCode.ADD)) {
                zoom(1);
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
                zoom(-1);
                e.consume();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0)) {
                zoomTo(SCALE);
                e.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    void focusDate() {
        datePicker.requestFocus();
    }

    /** One zoom step in (+1) or out (-1), within {@link #ZOOMS}. */
    void zoom(int steps) {
        int at = 0;
        for (int i = 0; i < ZOOMS.length; i++) {
            if (ZOOMS[i] <= scale) {
                at = i;
            }
        }
        zoomTo(ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, at + steps))]);
    }

    /**
     * Shows the day at {@code pixelsPerMinute}: every node already drawn is moved and sized again
     * (cards, hour lines, ticks, the now line) — nothing is drawn anew, so a zoom costs a layout,
     * not the 400 cards' creation and styling. Every lane takes its new width at once (the scroll
     * bars stay right), but only the lanes in view (and a quarter of a viewport around it) move
     * their cards now; a drawn lane out of view keeps its cards where they were until it is
     * scrolled to ({@link #drawVisibleLanes}), so a zoom lays out the lanes on screen, not every
     * lane drawn since the day opened.
     */
    private void zoomTo(double pixelsPerMinute) {
        if (pixelsPerMinute == scale) {
            return;
        }
        cacheDrawnLanes(false);
        scale = pixelsPerMinute;
        DayPlan plan = shownPlan;
        if (plan == null || lanesBox.getChildren().isEmpty()) {
            return;
        }
        double width = (plan.axisEnd() - plan.axisStart()) * scale;
        for (Node row : lanesBox.getChildren()) {
            if (row.getProperties().get(BLANK_KEY) instanceof DayPlan.Lane && row instanceof HBox box
                    && box.getChildren().get(0) instanceof Region space) {
                space.setMinWidth(LANE_HEADER_WIDTH + width);
                space.setPrefWidth(LANE_HEADER_WIDTH + width);
                continue;
            }
            if (!(row instanceof HBox box) || box.getChildren().size() < 2 || !(box.getChildren().get(1) instanceof Pane strip)) {
                continue;
            }
            strip.setPrefWidth(width);
            strip.setMinWidth(width);
            if (!row.getProperties().containsKey(SCALE_KEY)) {
                placeAtScale(row, strip, plan);   // the axis
            }
        }
        drawVisibleLanes();
    }

    /** Moves and sizes a drawn row's cards, hour lines, ticks and now line to the current zoom. */
    private void placeAtScale(Node row, Pane strip, DayPlan plan) {
        for (Node child : strip.getChildren()) {
            if (child.getProperties().get(PLACED_KEY) instanceof DayPlan.Placed placed && child instanceof Region card) {
                place(card, plan, placed);
            } else if (child.getProperties().get(HOUR_KEY) instanceof Integer minute) {
                placeHourLine(child, plan, minute);
            } else if (child.getProperties().get(MINUTE_KEY) instanceof Integer minute) {
                double x = (minute - plan.axisStart()) * scale;
                if (child instanceof Line now) {
                    now.setStartX(x);
                    now.setEndX(x);
                } else {
                    child.setLayoutX(x + 2);
                }
            }
        }
        if (row.getProperties().containsKey(SCALE_KEY)) {
            row.getProperties().put(SCALE_KEY, scale);
        }
    }

    // ---- the week ----

    /** The day shown, or in the week view the week ("30 Nov – 6 Dec 2026"), in the company's zone. */
    private void showTitle() {
        List<DayPlan> days = model.week();
        if (model.weekShownProperty().get() && !days.isEmpty()) {
            dayTitle.setText(formats.date(days.get(0).day()) + " – " + formats.date(days.get(days.size() - 1).day())
                    + " · " + formats.zoneName());
        } else {
            model.current().ifPresent(plan -> dayTitle.setText(formats.date(plan.day()) + " · " + formats.zoneName()));
        }
    }

    /**
     * Technicians × the seven days: each cell says how many jobs and hours are booked (and whether
     * any overlap); a cell is a button — Enter or a click opens that day.
     */
    private void showWeek() {
        weekGrid.getChildren().clear();
        List<DayPlan> days = model.week();
        showTitle();
        if (days.isEmpty()) {
            return;
        }
        weekGrid.add(new Label(""), 0, 0);
        for (int d = 0; d < days.size(); d++) {
            DayPlan day = days.get(d);
            Label heading = new Label(day.day().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Formats.DISPLAY)
                    + " " + formats.date(day.day()));
            heading.getStyleClass().add("fd-board-heading");
            weekGrid.add(heading, d + 1, 0);
        }
        List<DayPlan.Lane> first = days.get(0).lanes();
        for (int t = 0; t < first.size(); t++) {
            Technician technician = first.get(t).technician();
            Label name = new Label(technician.name(), new Rectangle(10, 10, color(technician)));
            name.getStyleClass().add("fd-board-heading");
            weekGrid.add(name, 0, t + 1);
            for (int d = 0; d < days.size(); d++) {
                DayPlan day = days.get(d);
                DayPlan.Lane lane = day.lanes().get(t);
                boolean overlaps = lane.jobs().stream().anyMatch(DayPlan.Placed::overlaps);
                Button cell = new Button(lane.jobs().isEmpty() ? "—" : lane.summary() + (overlaps ? "  ⚠" : ""));
                cell.setId("dispatch-week-" + technician.id() + "-" + day.day());
                cell.getStyleClass().add("fd-dispatch-week-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setAccessibleText(technician.name() + ", " + formats.date(day.day()) + ": "
                        + (lane.jobs().isEmpty() ? "nothing booked" : lane.summary()) + (overlaps ? ", jobs overlap" : ""));
                LocalDate date = day.day();
                cell.setOnAction(e -> model.showDay(date));
                weekGrid.add(cell, d + 1, t + 1);
            }
        }
    }

    // ---- the tray ----

    private Node tray() {
        VBox tray = new VBox(6);
        tray.setId("dispatch-tray");
        tray.setPadding(new Insets(0, 8, 0, 0));
        for (String group : List.of("unscheduled", "unassigned", "late")) {
            Label heading = new Label();
            heading.setId("dispatch-tray-heading-" + group);
            heading.getStyleClass().add("fd-board-heading");
            ListView<WorkOrderSummary> list = new ListView<>();
            list.setId("dispatch-tray-" + group);
            list.setPlaceholder(new Label("None"));
            list.setPrefHeight(160);
            list.setCellFactory(view -> new TrayCell());
            list.setOnKeyPressed(e -> {
                WorkOrderSummary job = list.getSelectionModel().getSelectedItem();
                if (job != null && e.getCode() == KeyCode.ENTER) {
                    model.open(job);
                    e.consume();
                } else if (job != null && (e.getCode() == KeyCode.F10 && e.isShiftDown() || e.getCode() == KeyCode.CONTEXT_MENU)) {
                    javafx.geometry.Bounds bounds = list.localToScreen(list.getBoundsInLocal());
                    menu(job).show(list, bounds.getMinX() + 20, bounds.getMinY() + 20);
                    e.consume();
                }
            });
            VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
            trayLists.put(group, list);
            trayHeadings.put(group, heading);
            tray.getChildren().addAll(heading, list);
        }
        // A job dropped on the tray loses its technician.
        tray.setOnDragOver(e -> {
            if (dragged != null && dragged.technicianId().isPresent() && DispatchViewModel.movable(dragged)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        tray.setOnDragDropped(e -> {
            WorkOrderSummary job = dragged;
            boolean accepted = job != null && job.technicianId().isPresent();
            if (accepted) {
                model.unassign(job);
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
        return tray;
    }

    private void showTray(DayPlan plan) {
        trayRefusals = plan.refusals();
        DispatchTray tray = plan.tray();
        fillTray("unscheduled", "Unscheduled", tray.unscheduled());
        fillTray("unassigned", "Unassigned", tray.unassigned());
        fillTray("late", "Late", tray.late());
    }

    private void fillTray(String group, String title, DispatchTray.Group rows) {
        trayHeadings.get(group).setText(title + " · " + formats.number(rows.count()));
        trayLists.get(group).getItems().setAll(rows.first());
    }

    // ---- the lanes ----

    /**
     * Shows the plan. When only jobs changed (same day, axis, technicians and minute), only the
     * lanes whose jobs changed are drawn again: a move touches one or two of fifty lanes.
     */
    private void show() {
        Optional<DayPlan> current = model.current();
        if (current.isEmpty()) {
            cards.clear();
            lanesBox.getChildren().clear();
            shownPlan = null;
            return;
        }
        DayPlan plan = current.get();
        showTitle();
        showTray(plan);
        int nowMinute = plan.day().equals(LocalDate.now(model.clock()))
                ? DayPlan.minuteOf(plan.dayStart(), model.clock().instant()) : -1;
        double width = (plan.axisEnd() - plan.axisStart()) * scale;
        if (sameFrame(plan, nowMinute)) {
            for (int i = 0; i < plan.lanes().size(); i++) {
                DayPlan.Lane before = shownPlan.lanes().get(i);
                DayPlan.Lane now = plan.lanes().get(i);
                if (!now.equals(before)) {
                    before.jobs().forEach(placed -> cards.remove(placed.job().id()));
                    boolean drawn = !lanesBox.getChildren().get(i + 1).getProperties().containsKey(BLANK_KEY);
                    lanesBox.getChildren().set(i + 1, drawn ? lane(plan, now, width, nowMinute) : blank(now, width));
                }
            }
        } else {
            cards.clear();
            lanesBox.getChildren().clear();
            lanesBox.getChildren().add(axis(plan, width));
            if (plan.lanes().isEmpty()) {
                lanesBox.getChildren().add(new Label("No active technicians: add one in the company's people to dispatch jobs."));
            }
            for (DayPlan.Lane lane : plan.lanes()) {
                lanesBox.getChildren().add(blank(lane, width));
            }
        }
        shownPlan = plan;
        shownNowMinute = nowMinute;
        drawVisibleLanes();
        refocus();
    }

    /**
     * A lane not drawn yet: a blank row exactly as tall and wide as the lane will be (so the scroll
     * bar is right from the start). Fifty lanes of cards are more than a screen shows; drawing only
     * the ones in view made the day open in a fraction of the time, and a lane scrolled to is
     * drawn then (a few cards, within the frame).
     */
    private Node blank(DayPlan.Lane lane, double width) {
        Region space = new Region();
        double height = laneHeight(lane);
        space.setMinSize(LANE_HEADER_WIDTH + width, height);
        space.setPrefSize(LANE_HEADER_WIDTH + width, height);
        HBox row = new HBox(space);
        row.getStyleClass().add("fd-dispatch-row");
        row.getProperties().put(BLANK_KEY, lane);
        return row;
    }

    private static double laneHeight(DayPlan.Lane lane) {
        return lane.rows() * (LANE_HEIGHT - 8) + 8;
    }

    /**
     * Draws the blank lanes in the viewport and a quarter of a viewport above and below it, and
     * places the drawn ones there that a zoom left at an earlier zoom.
     */
    private void drawVisibleLanes() {
        DayPlan plan = shownPlan;
        if (plan == null || lanesPane == null || lanesBox.getChildren().size() < 2) {
            return;
        }
        double viewport = lanesPane.getViewportBounds().getHeight() > 0 ? lanesPane.getViewportBounds().getHeight() : 700;
        double content = 22;
        for (DayPlan.Lane lane : plan.lanes()) {
            content += lanesBox.getSpacing() + laneHeight(lane) + 2;
        }
        double top = Math.max(0, content - viewport) * lanesPane.getVvalue();
        double from = top - viewport / 4;
        double to = top + viewport * 5 / 4;
        double y = 22;
        for (int i = 0; i < plan.lanes().size() && y <= to; i++) {
            DayPlan.Lane lane = plan.lanes().get(i);
            double bottom = y + lanesBox.getSpacing() + laneHeight(lane) + 2;
            Node row = lanesBox.getChildren().get(i + 1);
            if (bottom >= from && row.getProperties().containsKey(BLANK_KEY)) {
                drawLane(plan, i);
            } else if (bottom >= from && row.getProperties().get(SCALE_KEY) instanceof Double placedAt && placedAt != scale
                    && row instanceof HBox box && box.getChildren().get(1) instanceof Pane strip) {
                placeAtScale(row, strip, plan);
            }
            y = bottom;
        }
    }

    private void drawLane(DayPlan plan, int index) {
        int nowMinute = shownNowMinute;
        lanesBox.getChildren().set(index + 1, lane(plan, plan.lanes().get(index),
                (plan.axisEnd() - plan.axisStart()) * scale, nowMinute));
    }

    /**
     * While the lanes scroll, each drawn lane is kept as a picture and moved (the software pipeline
     * then copies it instead of drawing its cards again); a zoom changes every lane, so they are drawn
     * as nodes again until the next scroll (a picture per zoom step made each step 5× slower).
     */
    private void cacheDrawnLanes(boolean cached) {
        for (Node row : lanesBox.getChildren()) {
            if (!row.getProperties().containsKey(BLANK_KEY) && row.isCache() != cached) {
                row.setCache(cached);
            }
        }
    }

    private boolean sameFrame(DayPlan plan, int nowMinute) {
        return shownPlan != null && shownPlan.day().equals(plan.day()) && shownPlan.axisStart() == plan.axisStart()
                && shownPlan.axisEnd() == plan.axisEnd() && shownNowMinute == nowMinute && !plan.lanes().isEmpty()
                && shownPlan.lanes().stream().map(DayPlan.Lane::technician).toList()
                .equals(plan.lanes().stream().map(DayPlan.Lane::technician).toList());
    }

    private Node axis(DayPlan plan, double width) {
        Pane axis = new Pane();
        axis.setId("dispatch-axis");
        axis.setPrefSize(width, 22);
        axis.setMinWidth(width);
        for (Map.Entry<Integer, java.time.LocalTime> tick : plan.hourTicks()) {
            Label label = new Label(tick.getValue().toString());
            label.getStyleClass().add(Styles.FORM_HINT);
            label.setLayoutX((tick.getKey() - plan.axisStart()) * scale + 2);
            label.getProperties().put(MINUTE_KEY, tick.getKey());
            axis.getChildren().add(label);
        }
        Region corner = new Region();
        corner.setMinWidth(LANE_HEADER_WIDTH);
        return new HBox(corner, axis);
    }

    private Node lane(DayPlan plan, DayPlan.Lane lane, double width, int nowMinute) {
        Technician technician = lane.technician();
        Rectangle swatch = new Rectangle(10, 10, color(technician));
        Label name = new Label(technician.name(), swatch);
        name.getStyleClass().add("fd-board-heading");
        Label summary = new Label(lane.summary());
        summary.setId("dispatch-lane-summary-" + technician.id());
        summary.getStyleClass().add(Styles.FORM_HINT);
        VBox header = new VBox(2, name, summary);
        header.setMinWidth(LANE_HEADER_WIDTH);
        header.setPrefWidth(LANE_HEADER_WIDTH);
        header.setPadding(new Insets(6));

        Pane timeline = new Pane();
        timeline.getProperties().put(TECHNICIAN_KEY, technician.id());
        timeline.getStyleClass().add("fd-dispatch-lane");
        double height = lane.rows() * (LANE_HEIGHT - 8) + 8;
        timeline.setPrefSize(width, height);
        timeline.setMinSize(width, height);
        // An hour line is a 1 px wide region, not a stroke: the software pipeline fills a region's
        // rectangle directly, where one path of all the lane's hour lines was rasterized across the
        // lane's whole width on every row (a quarter of a zoom frame's drawing).
        for (int minute = plan.axisStart(); minute <= plan.axisEnd(); minute += 60) {
            Region hour = new Region();
            hour.getStyleClass().add("fd-dispatch-hour");
            hour.getProperties().put(HOUR_KEY, minute);
            hour.setManaged(false);
            hour.setMouseTransparent(true);
            hour.resize(1, height);
            placeHourLine(hour, plan, minute);
            timeline.getChildren().add(hour);
        }
        for (DayPlan.Placed placed : lane.jobs()) {
            timeline.getChildren().add(card(plan, placed, technician));
        }
        if (nowMinute >= plan.axisStart() && nowMinute <= plan.axisEnd()) {
            Line now = new Line((nowMinute - plan.axisStart()) * scale, 0, (nowMinute - plan.axisStart()) * scale, height);
            now.getProperties().put(MINUTE_KEY, nowMinute);
            now.getStyleClass().add("fd-dispatch-now");
            now.setMouseTransparent(true);
            timeline.getChildren().add(now);
        }
        timeline.setOnDragOver(e -> {
            if (dragged != null && DispatchViewModel.movable(dragged)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        timeline.setOnDragDropped(e -> {
            WorkOrderSummary job = dragged;
            boolean accepted = job != null && DispatchViewModel.movable(job);
            if (accepted) {
                int minute = plan.axisStart() + (int) Math.round(e.getX() / scale - grabOffsetMinutes);
                model.place(job, technician, minute);
            }
            e.setDropCompleted(accepted);
            e.consume();
        });
        HBox row = new HBox(header, timeline);
        row.getStyleClass().add("fd-dispatch-row");
        row.getProperties().put(SCALE_KEY, scale);
        return row;
    }

    private Node card(DayPlan plan, DayPlan.Placed placed, Technician technician) {
        WorkOrderSummary job = placed.job();
        // The number and the status icon in one label; a row for badges only when the card has any
        // (400 cards are drawn at once: every node fewer per card is 400 fewer to style and lay out).
        // Plain text nodes, not labels: a label is a control with a skin and a text node of its own,
        // and 400 cards × 3 lines of them were most of the day's opening time. The card clips them.
        Text number = cardText((placed.startsBefore() ? "◂ " : "") + job.describe() + (placed.endsAfter() ? " ▸" : "")
                + "  " + statusMark(job), CARD_NUMBER_CLASS);
        List<Node> badges = new java.util.ArrayList<>(3);
        if (job.priority().equals(Priority.EMERGENCY) || job.priority().equals(Priority.HIGH)) {
            Label priority = new Label(job.priority().label());
            priority.getStyleClass().addAll(Styles.BADGE, job.priority().equals(Priority.EMERGENCY) ? "fd-badge-danger" : "fd-badge-warning");
            badges.add(priority);
        }
        if (placed.overlaps()) {
            Label overlap = new Label("⚠ Overlaps");
            overlap.getStyleClass().addAll(Styles.BADGE, "fd-badge-warning");
            badges.add(overlap);
        }
        Optional<String> refusal = placed.refusal();
        if (refusal.isPresent()) {
            // Refused, not waiting to sync: the one mark says so (its reason in the tooltip and the notice).
            Label refused = new Label("✕");
            refused.getStyleClass().addAll(Styles.BADGE, "fd-badge-danger", REFUSED_CLASS);
            refused.setTooltip(new javafx.scene.control.Tooltip("The server refused the last change: " + refusal.get()));
            badges.add(refused);
        } else if (job.pending()) {
            Label pending = new Label("⟳");
            pending.getStyleClass().addAll(Styles.BADGE, "fd-badge-neutral");
            badges.add(pending);
        }
        Node top = number;
        if (!badges.isEmpty()) {
            HBox row = new HBox(4, number);
            row.getChildren().addAll(badges);
            top = row;
        }
        // What the job is, then when and whose: the time first, so a short card still shows it.
        String what = Lines.oneLine(job.title());
        Text title = cardText(what, CARD_TEXT_CLASS);
        Text window = cardText(job.windowStart().map(formats::time).orElse("") + "–"
                + job.windowEnd().map(formats::time).orElse(""), CARD_HINT_CLASS);
        String whose = Lines.oneLine(job.customerName() + job.city().map(city -> " · " + city).orElse(""));
        Text customer = cardText(whose, CARD_HINT_CLASS);
        VBox content = new VBox(1, top, title, new HBox(6, window, customer));
        javafx.scene.layout.StackPane card = new javafx.scene.layout.StackPane(content);
        javafx.scene.layout.StackPane.setAlignment(content, Pos.TOP_LEFT);
        card.getProperties().put(JOB_KEY, job.id().value());
        card.getStyleClass().add(CARD_CLASS);
        if (!DispatchViewModel.movable(job)) {
            card.getStyleClass().add("fd-dispatch-card-fixed");
        }
        card.setStyle("-fd-technician: " + web(color(technician)) + ";");
        card.getProperties().put(PLACED_KEY, placed);
        card.setLayoutY(4 + placed.row() * (LANE_HEIGHT - 8));
        card.setClip(new Rectangle(0, LANE_HEIGHT - 8));
        place(card, plan, placed);
        card.setFocusTraversable(true);
        card.setAccessibleText(job.describe() + ", " + what + ", " + whose + ", " + window.getText() + ", "
                + job.status().map(s -> s.label()).orElse("") + (placed.overlaps() ? ", overlaps another job" : "")
                + refusal.map(why -> ", change refused by the server: " + why)
                        .orElse(job.pending() ? ", waiting to sync" : ""));
        card.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                focusedJob = job.id();
            }
        });
        card.setOnMouseClicked(e -> card.requestFocus());
        card.setOnKeyPressed(e -> keyOnCard(job, e));
        card.setOnContextMenuRequested(e -> menu(job).show(card, e.getScreenX(), e.getScreenY()));
        dragSource(card, job, e -> e.getX() / scale);
        if (DispatchViewModel.movable(job) && !placed.endsAfter()) {
            card.getChildren().add(endEdge(card, job));
        }
        cards.put(job.id(), card);
        return card;
    }

    /** A card's place and width in its lane at the current zoom. */
    private void place(Region card, DayPlan plan, DayPlan.Placed placed) {
        double w = Math.max(24, (placed.endMinute() - placed.startMinute()) * scale - 2);
        card.setLayoutX((placed.startMinute() - plan.axisStart()) * scale + 1);
        card.setPrefSize(w, LANE_HEIGHT - 8);
        card.setMaxSize(w, LANE_HEIGHT - 8);
        card.setMinSize(w, LANE_HEIGHT - 8);
        ((Rectangle) card.getClip()).setWidth(w);
    }

    /** An hour line's place at the current zoom (the last one inside the lane's right edge). */
    private void placeHourLine(Node hour, DayPlan plan, int minute) {
        hour.setLayoutX(Math.min(Math.round((minute - plan.axisStart()) * scale), (plan.axisEnd() - plan.axisStart()) * scale - 1));
    }

    /**
     * The card's right edge: dragged with the mouse, the window ends earlier or later (in whole
     * snaps); the card follows the pointer while it is dragged. A plain mouse drag, not a
     * drag-and-drop: the card itself stays where it is.
     */
    private Node endEdge(Region card, WorkOrderSummary job) {
        Region edge = new Region();
        edge.getStyleClass().add("fd-dispatch-card-edge");
        edge.setPrefWidth(8);
        edge.setMaxWidth(8);
        edge.setMaxHeight(Double.MAX_VALUE);
        javafx.scene.layout.StackPane.setAlignment(edge, Pos.CENTER_RIGHT);
        double[] pressedAt = new double[2];
        edge.setOnMousePressed(e -> {
            pressedAt[0] = e.getScreenX();
            pressedAt[1] = card.getWidth();
            e.consume();
        });
        edge.setOnDragDetected(javafx.event.Event::consume);
        edge.setOnMouseDragged(e -> {
            double width = Math.max(24, pressedAt[1] + e.getScreenX() - pressedAt[0]);
            card.setMinWidth(width);
            card.setPrefWidth(width);
            card.setMaxWidth(width);
            e.consume();
        });
        edge.setOnMouseReleased(e -> {
            int snaps = Math.round((float) ((e.getScreenX() - pressedAt[0]) / scale / model.snapMinutes()));
            if (snaps == 0) {
                card.setMinWidth(pressedAt[1]);
                card.setPrefWidth(pressedAt[1]);
                card.setMaxWidth(pressedAt[1]);
            } else {
                model.stretch(job, snaps);
            }
            e.consume();
        });
        return edge;
    }

    private void keyOnCard(WorkOrderSummary job, KeyEvent e) {
        int horizontal = e.getCode() == KeyCode.RIGHT ? 1 : e.getCode() == KeyCode.LEFT ? -1 : 0;
        int vertical = e.getCode() == KeyCode.DOWN ? 1 : e.getCode() == KeyCode.UP ? -1 : 0;
        if (e.isAltDown() && horizontal != 0) {
            if (e.isShiftDown()) {
                model.stretch(job, horizontal);
            } else {
                model.shift(job, horizontal);
            }
            e.consume();
        } else if (e.isAltDown() && vertical != 0) {
            model.reassign(job, vertical);
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER) {
            model.open(job);
            e.consume();
        } else if (e.getCode() == KeyCode.F10 && e.isShiftDown() || e.getCode() == KeyCode.CONTEXT_MENU) {
            Node card = cards.get(job.id());
            javafx.geometry.Bounds bounds = card.localToScreen(card.getBoundsInLocal());
            menu(job).show(card, bounds.getMinX(), bounds.getMaxY());
            e.consume();
        }
    }

    /** "Schedule…" (the picker), "Unassign", "Open job". */
    private ContextMenu menu(WorkOrderSummary job) {
        MenuItem schedule = new MenuItem("Schedule…");
        schedule.setOnAction(e -> ScheduleDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), job,
                        model.current().map(plan -> plan.lanes().stream().map(DayPlan.Lane::technician).toList()).orElse(List.of()),
                        formats)
                .ifPresent(choice -> model.place(job, choice.technician(), choice.minuteOf(model.current().orElseThrow()))));
        schedule.setDisable(!DispatchViewModel.movable(job));
        MenuItem unassign = new MenuItem("Unassign (to the tray)");
        unassign.setDisable(job.technicianId().isEmpty() || !DispatchViewModel.movable(job));
        unassign.setOnAction(e -> model.unassign(job));
        MenuItem open = new MenuItem("Open job");
        open.setOnAction(e -> model.open(job));
        return new ContextMenu(schedule, unassign, open);
    }

    private void dragSource(Node node, WorkOrderSummary job, java.util.function.ToDoubleFunction<javafx.scene.input.MouseEvent> grab) {
        node.setOnDragDetected(e -> {
            if (!DispatchViewModel.movable(job)) {
                return;
            }
            Dragboard board = node.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.putString(job.id().value().toString());
            board.setContent(content);
            dragged = job;
            grabOffsetMinutes = grab.applyAsDouble(e);
            e.consume();
        });
        node.setOnDragDone(e -> dragged = null);
    }

    private void refocus() {
        if (focusedJob != null && !cards.containsKey(focusedJob) && shownPlan != null) {
            // The job's lane may be a blank still (off screen): draw it so its card can take the focus.
            List<DayPlan.Lane> lanes = shownPlan.lanes();
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).jobs().stream().anyMatch(placed -> placed.job().id().equals(focusedJob))
                        && lanesBox.getChildren().get(i + 1).getProperties().containsKey(BLANK_KEY)) {
                    drawLane(shownPlan, i);
                }
            }
        }
        Node card = focusedJob == null ? null : cards.get(focusedJob);
        if (card != null && root.getScene() != null) {
            card.requestFocus();
        }
    }

    private static String statusMark(WorkOrderSummary job) {
        return job.status().map(status -> switch (status.code()) {
            case "scheduled" -> "◷ Scheduled";
            case "dispatched" -> "➜ Dispatched";
            case "en_route" -> "» En route";
            case "on_site" -> "⚒ On site";
            case "completed" -> "✔ Completed";
            case "canceled" -> "✖ Canceled";
            default -> status.label();
        }).orElse("");
    }

    private static Color color(Technician technician) {
        try {
            return technician.color().map(Color::web).orElse(Color.GRAY);
        } catch (IllegalArgumentException notAColour) {
            return Color.GRAY;
        }
    }

    private static String web(Color color) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", (int) Math.round(color.getRed() * 255),
                (int) Math.round(color.getGreen() * 255), (int) Math.round(color.getBlue() * 255));
    }

    /**
     * A job in the tray (number, title, customer and area, window and technician), dragged into a
     * lane or scheduled with the picker: its lines are made once per cell and only their texts change as the
     * list scrolls; the context menu is made when asked for (a menu per shown row was a third of
     * the tray's drawing time).
     */
    private final class TrayCell extends ListCell<WorkOrderSummary> {
        private final Label number = new Label();
        /** Shown on a job whose last move the server refused: the tray then shows it where the server has it. */
        private final Label refused = new Label("✕");
        private final Label title = new Label();
        private final Label customer = new Label();
        private final Label when = new Label();
        private final VBox lines = new VBox(1, new HBox(4, number, refused), title, customer, when);

        TrayCell() {
            setPrefWidth(0);
            number.getStyleClass().add("fd-board-card-number");
            refused.getStyleClass().addAll(Styles.BADGE, "fd-badge-danger", REFUSED_CLASS);
            refused.setVisible(false);
            refused.setManaged(false);
            when.getStyleClass().add(Styles.FORM_HINT);
            setOnContextMenuRequested(e -> {
                if (getItem() != null) {
                    menu(getItem()).show(this, e.getScreenX(), e.getScreenY());
                    e.consume();
                }
            });
            setOnDragDetected(e -> {
                WorkOrderSummary job = getItem();
                if (job == null || !DispatchViewModel.movable(job)) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(job.id().value().toString());
                board.setContent(content);
                dragged = job;
                grabOffsetMinutes = 0;
                e.consume();
            });
            setOnDragDone(e -> dragged = null);
        }

        @Override
        protected void updateItem(WorkOrderSummary job, boolean empty) {
            super.updateItem(job, empty);
            if (empty || job == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Optional<String> refusal = Optional.ofNullable(trayRefusals.get(job.id()));
            // Refused, not waiting to sync: the one mark says so (its reason in the tooltip and the notice), as on a card.
            number.setText(job.describe() + (job.pending() && refusal.isEmpty() ? " ⟳" : ""));
            refused.setVisible(refusal.isPresent());
            refused.setManaged(refusal.isPresent());
            refused.setTooltip(refusal.map(why -> new javafx.scene.control.Tooltip("The server refused the last change: " + why))
                    .orElse(null));
            title.setText(Lines.oneLine(job.title()));
            customer.setText(Lines.oneLine(job.customerName() + job.city().map(city -> " · " + city).orElse("")));
            when.setText(job.windowStart().map(formats::dayAndTime).orElse("No window")
                    + job.technicianName().map(name -> " · " + name).orElse(""));
            setText(null);
            setGraphic(lines);
            setAccessibleText(job.describe() + ", " + title.getText() + ", " + customer.getText() + ", " + when.getText()
                    + refusal.map(why -> ", change refused by the server: " + why).orElse(job.pending() ? ", waiting to sync" : ""));
        }
    }

    private static Text cardText(String content, String styleClass) {
        Text text = new Text(content);
        text.getStyleClass().addAll(CARD_TEXT_CLASS, styleClass);
        text.setTextOrigin(javafx.geometry.VPos.TOP);
        return text;
    }

    /** The card of a job where the view shows it (for tests: cards have no id). */
    static Optional<Node> cardOf(Node root, java.util.UUID job) {
        return root.lookupAll("." + CARD_CLASS).stream().filter(node -> job.equals(node.getProperties().get(JOB_KEY)))
                .findFirst();
    }

    /** A technician's lane, where cards are dropped (for tests: lanes have no id). */
    static Optional<Node> laneOf(Node root, java.util.UUID technician) {
        return root.lookupAll(".fd-dispatch-lane").stream()
                .filter(node -> technician.equals(node.getProperties().get(TECHNICIAN_KEY))).findFirst();
    }
}
