package com.fielddesk.desktop.dispatch;

import com.fielddesk.cache.query.CacheTables;
import com.fielddesk.cache.query.Table;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.RefusedChange;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.jobs.DispatchTray;
import com.fielddesk.domain.jobs.MoveNotAllowedException;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The dispatch day: the lanes (a technician each, their jobs placed on the day in the company's
 * zone), the tray (unscheduled, unassigned, late) and the changes a dispatcher makes there —
 * schedule, reschedule, reassign, unassign — each queued locally at once (offline too), with Ctrl+Z
 * undoing the last one as a new change. The day's plan is read in SQL and follows the cache live.
 * A change the server refuses snaps back: the card is shown where the server still has it (lane
 * and window), marked, and the day view says why in the server's words made a sentence; the card
 * then waits until the sync issue is dismissed or retried.
 */
final class DispatchViewModel implements AutoCloseable {

    /** A job put on the board without a window of its own gets this long a one. */
    static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
    /** Rows per tray group; its heading counts them all. */
    static final int TRAY_ROWS = 50;

    /** The columns a day-view change sets; a refused change to any of them snaps the card back. */
    static final Set<String> BOARD_COLUMNS = Set.of("technician_id", "scheduled_start", "scheduled_end");

    /**
     * A change the server refused: what the server still has for the columns it set (a column it
     * did not set keeps the local value), and why.
     */
    record Refusal(RefusedChange change) {
        WorkOrderSummary asOnTheServer(WorkOrderSummary job, List<Technician> technicians) {
            Optional<UUID> technician = change.sets("technician_id")
                    ? Optional.ofNullable(change.serverText("technician_id")).map(UUID::fromString) : job.technicianId();
            Optional<Instant> start = change.sets("scheduled_start")
                    ? Optional.ofNullable(change.serverText("scheduled_start")).map(Refusal::instant) : job.windowStart();
            Optional<Instant> end = change.sets("scheduled_end")
                    ? Optional.ofNullable(change.serverText("scheduled_end")).map(Refusal::instant) : job.windowEnd();
            Optional<String> name = technician.flatMap(id -> technicians.stream().filter(t -> t.id().equals(id))
                    .map(Technician::name).findFirst());
            WorkOrderSummary placed = job.withSchedule(technician, name, start, end);
            // A job scheduled from the tray was unscheduled on the server, and is so again there.
            return change.sets("status") && change.serverText("status") != null
                    ? placed.withStatus(WorkOrderStatus.fromCode(change.serverText("status"))) : placed;
        }

        private static Instant instant(String text) {
            return com.fielddesk.cache.store.Instants.parse(text);
        }
    }

    /** Where a job was before a board change, to undo it. */
    private record BoardChange(WorkOrderId job, String name, Optional<UUID> technician, Instant start, Instant end) {
    }

    private final WorkOrderRepository repository;
    private final BackgroundTasks tasks;
    private final SyncState sync;
    private final ChangeListener<SyncStatus> syncListener = (o, before, now) -> refusalsChanged(now);
    /** Refused changes by job, read by the day's query off the FX thread (replaced whole, never changed). */
    private volatile Map<WorkOrderId, Refusal> refused = Map.of();
    /** Refusals already told in the notice (each once). */
    private final Set<UUID> told = new HashSet<>();
    private final Navigator navigator;
    private final Formats formats;
    private final Clock clock;
    /** Minutes a drag or a key press moves a job by (Settings → Personal; 15 by default), read at each move. */
    private final java.util.function.IntSupplier snap;
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WorkOrderId> follow = new ReadOnlyObjectWrapper<>();
    private final LiveList<DayPlan> plan;
    /** The week of the shown day, Monday first, each day laid out like the day view (no tray). */
    private final LiveList<DayPlan> week;
    private final javafx.beans.property.BooleanProperty weekShown = new javafx.beans.property.SimpleBooleanProperty(false);
    private Optional<BoardChange> lastChange = Optional.empty();

    DispatchViewModel(WorkOrderRepository repository, BackgroundTasks tasks, ChangeSource changes, SyncState sync,
                      Navigator navigator, Formats formats, Clock clock, java.util.function.IntSupplier snapMinutes) {
        this.snap = snapMinutes;
        this.sync = sync;
        this.repository = repository;
        this.tasks = tasks;
        this.navigator = navigator;
        this.formats = formats;
        this.clock = clock;
        day.set(LocalDate.now(clock));
        String[] tables = WorkOrderRepository.READS.stream().map(Table::name).toArray(String[]::new);
        plan = LiveList.<DayPlan>of(tasks, DayPlan::day).describedAs("the dispatch day").query(query())
                .reloadOnChangesTo(changes, tables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        week = LiveList.<DayPlan>of(tasks, DayPlan::day).describedAs("the week").query(weekQuery())
                .reloadOnChangesTo(changes, tables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        day.addListener((o, before, now) -> {
            plan.requery(query());
            week.requery(weekQuery());
        });
        weekShown.addListener((o, before, now) -> week.requery(weekQuery()));
    }

    void start() {
        sync.statusProperty().addListener(syncListener);
        refusalsChanged(sync.statusProperty().get());
        plan.start();
        week.start();
    }

    /** Picks the refused board changes out of the sync status; tells each new one once and redraws the day. */
    private void refusalsChanged(SyncStatus status) {
        Map<WorkOrderId, Refusal> now = new LinkedHashMap<>();
        RefusedChange.oldestPerRow(status, CacheTables.WORK_ORDERS, BOARD_COLUMNS).values().forEach(change -> {
            WorkOrderId id = new WorkOrderId(change.rowId());
            Refusal refusal = new Refusal(change);
            now.put(id, refusal);
            if (told.add(change.mutationId())) {
                // Read from the cache, not from the lanes shown: the server's answer may come after a
                // pull that took the job's local lane away (e.g. the technician deactivated).
                tasks.run(() -> repository.summary(id).map(job -> refusal.asOnTheServer(job, repository.technicians())),
                        back -> notice.set(backSentence(back, refusal)),
                        failure -> notice.set(backSentence(Optional.empty(), refusal)));
            }
        });
        if (!now.equals(refused)) {
            refused = Map.copyOf(now);
            plan.requery(query());
        }
    }

    /** "Job #12 is back with Ann Archer, Sat 5 Dec 10:00: the server refused the move. <why>" */
    private String backSentence(Optional<WorkOrderSummary> back, Refusal refusal) {
        String name = back.map(WorkOrderSummary::describe).orElse("A job");
        String where = back.map(job -> job.technicianName().map(technician -> " with " + technician).orElse(" unassigned")
                        + job.windowStart().map(start -> ", " + formats.dayAndTime(start)).orElse(""))
                .orElse(" where the server has it");
        return name + " is back" + where + ": the server refused the move. " + refusal.change().sentence();
    }

    /** Why the server refused this job's last board change, if it did (the card then waits for the sync issue). */
    Optional<String> refusal(WorkOrderSummary job) {
        return Optional.ofNullable(refused.get(job.id())).map(refusal -> refusal.change().sentence());
    }
    /** Monday to Sunday of the shown day's week: per technician and day, the jobs and hours booked (none while hidden). */
    private Callable<List<DayPlan>> weekQuery() {
        if (!weekShown.get()) {
            // Seven days of fifty lanes are read and drawn only while the week is shown.
            return List::of;
        }
        LocalDate monday = day.get().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        DispatchTray none = new DispatchTray(new DispatchTray.Group(List.of(), 0), new DispatchTray.Group(List.of(), 0),
                new DispatchTray.Group(List.of(), 0));
        return () -> {
            java.time.ZoneId zone = repository.companyZone().zone();
            List<Technician> technicians = repository.technicians();
            List<DayPlan> days = new java.util.ArrayList<>(7);
            for (int i = 0; i < 7; i++) {
                LocalDate date = monday.plusDays(i);
                days.add(DayPlan.of(date, zone, technicians, repository.scheduledOn(date), none));
            }
            return days;
        };
    }

    private Callable<List<DayPlan>> query() {
        LocalDate shown = day.get();
        Map<WorkOrderId, Refusal> snapBack = refused;
        return () -> {
            List<Technician> technicians = repository.technicians();
            List<WorkOrderSummary> scheduled = repository.scheduledOn(shown);
            Instant now = clock.instant();
            DispatchTray tray = repository.tray(now, TRAY_ROWS);
            if (snapBack.isEmpty()) {
                return List.of(DayPlan.of(shown, repository.companyZone().zone(), technicians, scheduled, tray));
            }
            // Each refused job as this computer has it and as the server still has it.
            Map<WorkOrderId, WorkOrderSummary> local = new LinkedHashMap<>();
            Map<WorkOrderId, WorkOrderSummary> onTheServer = new LinkedHashMap<>();
            snapBack.forEach((id, refusal) -> repository.summary(id).ifPresent(job -> {
                local.put(id, job);
                onTheServer.put(id, refusal.asOnTheServer(job, technicians));
            }));
            for (Map.Entry<WorkOrderId, WorkOrderSummary> job : onTheServer.entrySet()) {
                tray = tray.replacing(local.get(job.getKey()), job.getValue(), now);
            }
            Map<WorkOrderId, String> reasons = new LinkedHashMap<>();
            snapBack.forEach((id, refusal) -> reasons.put(id, refusal.change().sentence()));
            return List.of(DayPlan.of(shown, repository.companyZone().zone(), technicians,
                    snappedBack(scheduled, snapBack.keySet(), onTheServer.values()), tray, reasons));
        };
    }

    /**
     * The day's jobs with each refused one where the server still has it: taken out where this
     * computer has it and put back with the server's technician and window (the day then places
     * it, or leaves it out when the server has it on another day or with nobody — the tray then
     * shows it, as {@link DispatchTray#replacing} puts it). Earliest first.
     */
    private static List<WorkOrderSummary> snappedBack(List<WorkOrderSummary> scheduled, Set<WorkOrderId> refusedJobs,
                                                      java.util.Collection<WorkOrderSummary> onTheServer) {
        List<WorkOrderSummary> jobs = new ArrayList<>(scheduled.stream().filter(job -> !refusedJobs.contains(job.id())).toList());
        jobs.addAll(onTheServer);
        jobs.sort(java.util.Comparator.comparing((WorkOrderSummary job) -> job.windowStart().orElse(Instant.MAX))
                .thenComparing(job -> job.id().value()));
        return jobs;
    }

    Optional<DayPlan> current() {
        return plan.items().isEmpty() ? Optional.empty() : Optional.of(plan.items().get(0));
    }

    void previousDay() {
        day.set(day.get().minusDays(1));
    }

    void nextDay() {
        day.set(day.get().plusDays(1));
    }

    void today() {
        day.set(LocalDate.now(clock));
    }

    /** Whether the board may move this job: on-site, completed and canceled jobs stay where they are. */
    static boolean movable(WorkOrderSummary job) {
        return job.status().map(status -> !status.equals(WorkOrderStatus.ON_SITE) && !status.equals(WorkOrderStatus.COMPLETED)
                && !status.equals(WorkOrderStatus.CANCELED)).orElse(false);
    }

    /**
     * Puts a job at a minute of the shown day in a technician's lane, keeping its window's length
     * (or {@link #DEFAULT_LENGTH} for a job without one): a drop from the tray, a drop in the lanes,
     * or a key press.
     */
    void place(WorkOrderSummary job, Technician technician, int startMinute) {
        DayPlan shown = current().orElse(null);
        if (shown == null) {
            return;
        }
        Duration length = job.windowStart().flatMap(start -> job.windowEnd().map(end -> Duration.between(start, end)))
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(DEFAULT_LENGTH);
        Instant start = shown.instantAt(DayPlan.snap(startMinute, snapMinutes()));
        change(job, Optional.of(technician.id()), start, start.plus(length),
                job.describe() + " is now with " + technician.name() + ", " + formats.dayAndTime(start) + ".");
    }

    /** The board snap in minutes now. */
    int snapMinutes() {
        return snap.getAsInt();
    }

    /** Moves a job in its lane by whole snaps (negative: earlier). */
    void shift(WorkOrderSummary job, int snaps) {
        if (job.windowStart().isEmpty() || job.windowEnd().isEmpty()) {
            return;
        }
        Duration by = Duration.ofMinutes((long) snaps * snapMinutes());
        Instant start = job.windowStart().get().plus(by);
        change(job, job.technicianId(), start, job.windowEnd().get().plus(by),
                job.describe() + " now starts " + formats.dayAndTime(start) + ".");
    }

    /** Makes a job's window longer or shorter by whole snaps, at its end (an edge drag from the keyboard). */
    void stretch(WorkOrderSummary job, int snaps) {
        if (job.windowStart().isEmpty() || job.windowEnd().isEmpty()) {
            return;
        }
        Instant end = job.windowEnd().get().plus(Duration.ofMinutes((long) snaps * snapMinutes()));
        change(job, job.technicianId(), job.windowStart().get(), end,
                job.describe() + " now ends " + formats.time(end) + ".");
    }

    /** Gives a job to the technician of the lane above (-1) or below (+1), same time. */
    void reassign(WorkOrderSummary job, int direction) {
        DayPlan shown = current().orElse(null);
        if (shown == null || job.windowStart().isEmpty() || job.windowEnd().isEmpty() || waitsForItsRefusal(job)) {
            return;
        }
        List<DayPlan.Lane> lanes = shown.lanes();
        int index = -1;
        for (int i = 0; i < lanes.size(); i++) {
            if (job.technicianId().filter(lanes.get(i).technician().id()::equals).isPresent()) {
                index = i;
            }
        }
        int target = index + direction;
        if (target < 0 || target >= lanes.size()) {
            notice.set("There is no technician " + (direction < 0 ? "above" : "below") + " " + job.technicianName().orElse("this lane") + ".");
            return;
        }
        Technician to = lanes.get(target).technician();
        change(job, Optional.of(to.id()), job.windowStart().get(), job.windowEnd().get(),
                job.describe() + " is now with " + to.name() + ".");
    }

    /** Takes a job off its technician, back to the tray's "Unassigned" (a drop on the tray). */
    void unassign(WorkOrderSummary job) {
        if (waitsForItsRefusal(job)) {
            return;
        }
        BoardChange before = before(job);
        tasks.run(() -> {
            repository.unassign(job.id());
            return job;
        }, done -> remember(job, before, job.describe() + " is unassigned; it waits in the tray."),
                failure -> notice.set(refusal(job.describe(), failure)));
    }

    /** Puts the job of the last board change back where it was — a new change, queued like any other. */
    void undo() {
        BoardChange last = lastChange.orElse(null);
        if (last == null) {
            notice.set("There is no board change to undo.");
            return;
        }
        tasks.run(() -> {
            repository.schedule(last.job(), last.technician(), last.start(), last.end());
            return last;
        }, undone -> {
            lastChange = Optional.empty();
            follow.set(undone.job());
            notice.set("Undone: " + undone.name() + " is back at " + formats.dayAndTime(undone.start())
                    + undone.technician().map(t -> "").orElse(", unassigned") + ".");
        }, failure -> notice.set(refusal(last.name(), failure)));
    }

    void open(WorkOrderSummary job) {
        navigator.open(new RecordRef(RecordKind.JOB, job.id().value().toString())).ifPresent(notice::set);
    }

    private void change(WorkOrderSummary job, Optional<UUID> technician, Instant start, Instant end, String done) {
        if (waitsForItsRefusal(job)) {
            return;
        }
        if (!movable(job)) {
            notice.set(job.describe() + " is " + job.status().map(s -> s.label().toLowerCase(java.util.Locale.ROOT))
                    .orElse("not a job") + " and stays where it is.");
            return;
        }
        BoardChange before = before(job);
        tasks.run(() -> {
            repository.schedule(job.id(), technician, start, end);
            return job;
        }, changed -> remember(job, before, done), failure -> notice.set(refusal(job.describe(), failure)));
    }

    /** A job whose last change the server refused stays where the server has it until the sync issue is settled. */
    private boolean waitsForItsRefusal(WorkOrderSummary job) {
        Optional<String> refusal = refusal(job);
        refusal.ifPresent(why -> notice.set(job.describe() + " waits: the server refused its last move. " + why
                + " Dismiss or retry it in the sync issues first."));
        return refusal.isPresent();
    }

    private static BoardChange before(WorkOrderSummary job) {
        return job.windowStart().isPresent() && job.windowEnd().isPresent()
                ? new BoardChange(job.id(), job.describe(), job.technicianId(), job.windowStart().get(), job.windowEnd().get())
                : null;
    }

    private void remember(WorkOrderSummary job, BoardChange before, String done) {
        // A job that had no window cannot be put back by another schedule: it is moved back to
        // Unscheduled in Jobs, so Ctrl+Z offers nothing for it.
        lastChange = Optional.ofNullable(before);
        follow.set(job.id());
        notice.set(before == null ? done : done + " Ctrl+Z undoes it.");
    }

    private static String refusal(String name, Throwable failure) {
        if (failure instanceof MoveNotAllowedException refused) {
            return refused.sentence();
        }
        if (failure instanceof InvalidInputException invalid) {
            return name + ": " + invalid.errors().get(0).message();
        }
        return Failures.sentence("Could not change " + name + ".", failure);
    }

    javafx.collections.ObservableList<DayPlan> week() {
        return week.items();
    }

    /** Whether the week overview is shown instead of the day's lanes. */
    javafx.beans.property.BooleanProperty weekShownProperty() {
        return weekShown;
    }

    /** Opens a day of the week overview in the day view. */
    void showDay(LocalDate date) {
        day.set(date);
        weekShown.set(false);
    }

    ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    javafx.collections.ObservableList<DayPlan> plan() {
        return plan.items();
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<WorkOrderId> followProperty() {
        return follow.getReadOnlyProperty();
    }

    Formats formats() {
        return formats;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        sync.statusProperty().removeListener(syncListener);
        plan.close();
        week.close();
    }
}
