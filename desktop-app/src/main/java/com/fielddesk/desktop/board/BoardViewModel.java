package com.fielddesk.desktop.board;

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
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.jobs.MoveNotAllowedException;
import com.fielddesk.domain.jobs.WorkOrderFilter;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderMoves;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderSort;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The jobs board: a column per job status with its count and first cards (read in SQL, live), the
 * statuses a card may go to for this person (the same rules as the server, so illegal columns can
 * be dimmed while dragging), moves queued locally at once (offline too), and an undo of the last
 * move — itself a new move, queued like any other. A move the server refuses snaps back: the card
 * is shown in the column the server still has it in, marked, and the board says why in the
 * server's words made a sentence (the change stays in the sync issues, where it can be dismissed).
 */
final class BoardViewModel implements AutoCloseable {

    /** Cards a column shows; its heading says how many there are in all. */
    static final int CARDS_PER_COLUMN = 50;

    /** The columns, in dispatch order. */
    static final List<WorkOrderStatus> COLUMNS = List.of(WorkOrderStatus.UNSCHEDULED, WorkOrderStatus.SCHEDULED,
            WorkOrderStatus.DISPATCHED, WorkOrderStatus.EN_ROUTE, WorkOrderStatus.ON_SITE, WorkOrderStatus.COMPLETED,
            WorkOrderStatus.CANCELED);

    /** A move made on this board, for Ctrl+Z. */
    private record BoardMove(WorkOrderId job, String name, WorkOrderStatus from, WorkOrderStatus to) {
    }

    /** A move the server refused: the column the server still has the card in, and why. */
    record Refusal(WorkOrderStatus serverStatus, String sentence) {
    }

    private final WorkOrderRepository repository;
    private final BackgroundTasks tasks;
    private final SyncState sync;
    private final ChangeListener<SyncStatus> syncListener = (o, before, now) -> refusalsChanged(now);
    /** Refused moves by card, read by the board's query off the FX thread (replaced whole, never changed). */
    private volatile Map<WorkOrderId, Refusal> refused = Map.of();
    /** Refusals already told in the notice (each once). */
    private final Set<java.util.UUID> told = new HashSet<>();
    private final Navigator navigator;
    private final Formats formats;
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The card to select and focus once the board shows it (the one just moved). */
    private final ReadOnlyObjectWrapper<WorkOrderId> follow = new ReadOnlyObjectWrapper<>();
    private final LiveList<BoardColumn> columns;
    /** This person's role, read again with every reload (a supervisor's rights come and go with the profile). */
    private volatile Role role;
    private Optional<BoardMove> lastMove = Optional.empty();

    BoardViewModel(WorkOrderRepository repository, BackgroundTasks tasks, ChangeSource changes, SyncState sync,
                   Navigator navigator, Formats formats) {
        this.repository = repository;
        this.tasks = tasks;
        this.sync = sync;
        this.navigator = navigator;
        this.formats = formats;
        String[] tables = WorkOrderRepository.READS.stream().map(Table::name).toArray(String[]::new);
        columns = LiveList.<BoardColumn>of(tasks, BoardColumn::status).describedAs("the board").query(query())
                .reloadOnChangesTo(changes, tables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        search.addListener((o, before, now) -> columns.requery(query()));
    }

    void start() {
        tasks.run(repository::currentRole, found -> role = found.orElse(null), failure -> role = null);
        sync.statusProperty().addListener(syncListener);
        refusalsChanged(sync.statusProperty().get());
        columns.start();
    }

    /** Picks the refused job moves out of the sync status; tells each new one once and redraws the board. */
    private void refusalsChanged(SyncStatus status) {
        Map<WorkOrderId, Refusal> now = new LinkedHashMap<>();
        RefusedChange.oldestPerRow(status, com.fielddesk.cache.query.CacheTables.WORK_ORDERS, Set.of("status")).values()
                .stream().filter(change -> change.serverText("status") != null).forEach(change -> {
                    WorkOrderId id = new WorkOrderId(change.rowId());
                    WorkOrderStatus back = WorkOrderStatus.fromCode(change.serverText("status"));
                    now.put(id, new Refusal(back, change.sentence()));
                    if (told.add(change.mutationId())) {
                        notice.set(nameOf(id) + " is back in " + back.label() + ": the server refused the move. "
                                + change.sentence());
                    }
                });
        if (!now.equals(refused)) {
            refused = Map.copyOf(now);
            columns.requery(query());
        }
    }

    private String nameOf(WorkOrderId id) {
        return columns.items().stream().flatMap(column -> column.cards().stream()).filter(card -> card.id().equals(id))
                .findFirst().map(WorkOrderSummary::describe).orElse("A job");
    }

    /** Why the server refused this card's last move, if it did (the card then waits for the sync issue to be settled). */
    private Optional<String> refusal(WorkOrderSummary card) {
        return Optional.ofNullable(refused.get(card.id())).map(Refusal::sentence);
    }

    /** Every column's count in one grouped query, then each column's first cards. */
    private Callable<List<BoardColumn>> query() {
        WorkOrderFilter filter = WorkOrderFilter.all().withStage(WorkOrderStage.JOB).withText(search.get());
        Map<WorkOrderId, Refusal> snapBack = refused;
        return () -> {
            role = repository.currentRole().orElse(null);
            Map<WorkOrderStatus, Long> counts = repository.countsByStatus(filter);
            List<BoardColumn> board = new ArrayList<>(COLUMNS.size());
            for (WorkOrderStatus status : COLUMNS) {
                long total = counts.getOrDefault(status, 0L);
                // Finished work shows the most recent first; open work by when it is due.
                WorkOrderSort sort = status.equals(WorkOrderStatus.COMPLETED) || status.equals(WorkOrderStatus.CANCELED)
                        ? WorkOrderSort.NEWEST : WorkOrderSort.SCHEDULED_START;
                List<WorkOrderSummary> cards = total == 0 ? List.of()
                        : repository.list(filter.withStatuses(Set.of(status)), sort, CARDS_PER_COLUMN);
                board.add(new BoardColumn(status, cards, total));
            }
            return snapBack.isEmpty() ? board : snappedBack(board, snapBack);
        };
    }

    /** The board with each refused card taken out of its local column and put back where the server has it. */
    private static List<BoardColumn> snappedBack(List<BoardColumn> board, Map<WorkOrderId, Refusal> snapBack) {
        Map<WorkOrderStatus, List<WorkOrderSummary>> cards = new LinkedHashMap<>();
        Map<WorkOrderStatus, Long> totals = new LinkedHashMap<>();
        board.forEach(column -> {
            cards.put(column.status(), new ArrayList<>(column.cards()));
            totals.put(column.status(), column.total());
        });
        for (BoardColumn column : board) {
            for (WorkOrderSummary card : column.cards()) {
                Refusal refusal = snapBack.get(card.id());
                if (refusal == null || refusal.serverStatus().equals(column.status())
                        || !cards.containsKey(refusal.serverStatus())) {
                    continue;
                }
                cards.get(column.status()).remove(card);
                totals.merge(column.status(), -1L, Long::sum);
                cards.get(refusal.serverStatus()).add(0, card.withStatus(refusal.serverStatus()));
                totals.merge(refusal.serverStatus(), 1L, Long::sum);
            }
        }
        return board.stream().map(column -> {
            List<WorkOrderSummary> shown = List.copyOf(cards.get(column.status()));
            Map<WorkOrderId, String> refusals = new LinkedHashMap<>();
            shown.stream().filter(card -> snapBack.containsKey(card.id()))
                    .forEach(card -> refusals.put(card.id(), snapBack.get(card.id()).sentence()));
            return new BoardColumn(column.status(), shown, totals.get(column.status()), Map.copyOf(refusals));
        }).toList();
    }

    /** The columns this person may move the card to now (the others are dimmed while it is dragged). */
    Set<WorkOrderStatus> targets(WorkOrderSummary card) {
        if (refused.containsKey(card.id())) {
            return Set.of();
        }
        return card.status().map(from -> WorkOrderMoves.nextJobStatuses(from, role)).orElse(Set.of());
    }

    /**
     * Ctrl+→ / Ctrl+←: hands {@code moveTo} the nearest column that way the card may go to, judged
     * by this person's role as the cache has it now (a supervisor's rights may have come since the
     * board last read it), or says why there is none.
     */
    void towardNearest(WorkOrderSummary card, int direction, java.util.function.Consumer<WorkOrderStatus> moveTo) {
        tasks.run(repository::currentRole, current -> {
            role = current.orElse(null);
            nearestTarget(card, direction).ifPresentOrElse(moveTo, () -> noMoveThatWay(card, direction));
        }, failure -> notice.set(Failures.sentence("Could not move " + card.describe() + ".", failure)));
    }

    /** The nearest column right (+1) or left (-1) of the card's own that it may go to. */
    private Optional<WorkOrderStatus> nearestTarget(WorkOrderSummary card, int direction) {
        Set<WorkOrderStatus> targets = targets(card);
        int from = card.status().map(COLUMNS::indexOf).orElse(-1);
        for (int i = from + direction; from >= 0 && i >= 0 && i < COLUMNS.size(); i += direction) {
            if (targets.contains(COLUMNS.get(i))) {
                return Optional.of(COLUMNS.get(i));
            }
        }
        return Optional.empty();
    }

    /** Moves a card; a move the rules refuse, or one missing a window or technician, says why. */
    void move(WorkOrderSummary card, WorkOrderStatus to) {
        write(card, to, () -> repository.move(card.id(), to));
    }

    /** Cancels a card's job with the reason the user gave (a cancel always says why). */
    void cancel(WorkOrderSummary card, String reason) {
        write(card, WorkOrderStatus.CANCELED, () -> repository.cancel(card.id(), reason));
    }

    private void write(WorkOrderSummary card, WorkOrderStatus to, Runnable change) {
        WorkOrderStatus from = card.status().orElse(null);
        if (from == null || from.equals(to)) {
            return;
        }
        String name = card.describe();
        tasks.run(() -> {
            change.run();
            return to;
        }, moved -> {
            lastMove = Optional.of(new BoardMove(card.id(), name, from, moved));
            follow.set(card.id());
            notice.set(name + " moved to " + moved.label() + ". Ctrl+Z undoes it; it goes to the server with the next sync.");
        }, failure -> notice.set(refusal(name, failure)));
    }

    /** Moves the card of the last move back where it was: a new change, queued like any other. */
    void undo() {
        BoardMove last = lastMove.orElse(null);
        if (last == null) {
            notice.set("There is no board move to undo.");
            return;
        }
        tasks.run(() -> {
            repository.move(last.job(), last.from());
            return last;
        }, undone -> {
            lastMove = Optional.empty();
            follow.set(undone.job());
            notice.set("Undone: " + undone.name() + " is back in " + undone.from().label() + ".");
        }, failure -> notice.set(refusal(last.name(), failure)));
    }

    private static String refusal(String name, Throwable failure) {
        if (failure instanceof MoveNotAllowedException refused) {
            return refused.sentence();
        }
        if (failure instanceof InvalidInputException invalid) {
            return name + ": " + invalid.errors().get(0).message();
        }
        return Failures.sentence("Could not move " + name + ".", failure);
    }

    /** The job in the Jobs section (details, history, every field). */
    void open(WorkOrderSummary card) {
        navigator.open(new RecordRef(RecordKind.JOB, card.id().value().toString())).ifPresent(notice::set);
    }

    /** A new job, in the Jobs section's form (it lands in Unscheduled, or Scheduled with a window). */
    void newJob() {
        navigator.newWorkOrder(com.fielddesk.desktop.app.feature.WorkOrderRequest.blank(false)).ifPresent(notice::set);
    }

    /** Says why a key did nothing (no legal column that way). */
    private void noMoveThatWay(WorkOrderSummary card, int direction) {
        Optional<String> refusal = refusal(card);
        if (refusal.isPresent()) {
            notice.set(card.describe() + " waits: the server refused its last move. " + refusal.get()
                    + " Dismiss or retry it in the sync issues first.");
            return;
        }
        notice.set(card.describe() + " cannot move " + (direction > 0 ? "right" : "left") + " from "
                + card.status().map(WorkOrderStatus::label).orElse("here") + ".");
    }

    StringProperty searchProperty() {
        return search;
    }

    ObservableList<BoardColumn> columns() {
        return columns.items();
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

    @Override
    public void close() {
        sync.statusProperty().removeListener(syncListener);
        columns.close();
    }
}
