package com.fielddesk.desktop.board;

import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Lines;
import com.fielddesk.desktop.ui.ReasonDialog;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The board: a search field, then one column per job status (heading with the count, the cards in
 * a virtualized list). A card is dragged to another column — the columns it may not go to are
 * dimmed while it is dragged — or moved from the keyboard: Left/Right go to the next column,
 * Ctrl+Right/Ctrl+Left move the selected card to the nearest column it may go to, Enter opens the
 * job, Ctrl+Z undoes the last move. Canceling asks first.
 */
final class BoardView {

    static final String DIMMED = "fd-board-column-dimmed";
    static final String DROP_TARGET = "fd-board-column-drop";
    static final String CARD = "fd-board-card";
    /** The mark on a card whose last move the server refused. */
    static final String REFUSED = "fd-board-card-refused";

    private final BoardViewModel model;
    private final Formats formats;
    private final VBox root = new VBox(8);
    private final TextField search = new TextField();
    private final Map<WorkOrderStatus, VBox> columnBoxes = new LinkedHashMap<>();
    private final Map<WorkOrderStatus, Label> headings = new LinkedHashMap<>();
    private final Map<WorkOrderStatus, ListView<WorkOrderSummary>> lists = new LinkedHashMap<>();
    /** Why the server refused a shown card's last move, by column: what the columns shown say, drawn by their cards. */
    private final Map<WorkOrderStatus, Map<WorkOrderId, String>> shownRefusals = new LinkedHashMap<>();
    /** The card being dragged, while a drag from this board is under way. */
    private WorkOrderSummary dragged;

    BoardView(BoardViewModel model) {
        this.model = model;
        this.formats = model.formats();
        root.setId("board");
        root.setPadding(new Insets(12));

        search.setId("board-search");
        search.setPromptText("Filter the board: number, title or customer…");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                firstCardList().ifPresent(list -> focus(list, 0));
            }
        });
        Label hint = new Label("Drag a card to another column, or select it and press Ctrl+→ / Ctrl+← · "
                + "←/→ change column · Enter opens · Ctrl+Z undoes the last move");
        hint.getStyleClass().add(Styles.FORM_HINT);
        hint.setWrapText(true);
        Label notice = new Label();
        notice.setId("board-notice");
        notice.getStyleClass().add(Styles.NOTICE);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        HBox board = new HBox(10);
        board.setId("board-columns");
        for (WorkOrderStatus status : BoardViewModel.COLUMNS) {
            board.getChildren().add(column(status));
        }
        ScrollPane scroll = new ScrollPane(board);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Button newJob = new Button("New _job…");
        newJob.setId("board-new-job");
        newJob.setOnAction(e -> model.newJob());
        HBox.setHgrow(search, javafx.scene.layout.Priority.ALWAYS);
        root.getChildren().addAll(new HBox(8, search, newJob), hint, notice, scroll);

        model.columns().addListener((ListChangeListener<BoardColumn>) change -> show());
        model.followProperty().addListener((o, before, now) -> follow(now));
        // Ctrl+Z anywhere on the board but in the search field (which has its own undo).
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.Z && e.isShortcutDown() && !(e.getTarget() instanceof TextInputControl)) {
                model.undo();
                e.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    void focusSearch() {
        search.requestFocus();
    }

    private Node column(WorkOrderStatus status) {
        Label heading = new Label(status.label());
        heading.setId("board-heading-" + status.code());
        heading.getStyleClass().add("fd-board-heading");
        heading.setWrapText(true);
        ListView<WorkOrderSummary> list = new ListView<>();
        list.setId("board-list-" + status.code());
        list.setPlaceholder(new Label("No jobs"));
        list.setCellFactory(view -> new CardCell(status));
        list.setAccessibleText(status.label() + " column");
        list.setOnKeyPressed(e -> keyOnCard(status, list, e));
        VBox.setVgrow(list, javafx.scene.layout.Priority.ALWAYS);
        VBox box = new VBox(6, heading, list);
        box.setId("board-column-" + status.code());
        box.getStyleClass().add("fd-board-column");
        box.setPrefWidth(220);
        box.setMinWidth(140);
        HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);

        box.setOnDragOver(e -> {
            if (dragged != null && model.targets(dragged).contains(status)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        box.setOnDragEntered(e -> {
            if (dragged != null && model.targets(dragged).contains(status)) {
                box.getStyleClass().add(DROP_TARGET);
            }
        });
        box.setOnDragExited(e -> box.getStyleClass().remove(DROP_TARGET));
        box.setOnDragDropped(e -> {
            WorkOrderSummary card = dragged;
            boolean legal = card != null && model.targets(card).contains(status);
            if (legal) {
                // After the drop has finished: a confirmation must not run inside the drag's event.
                Platform.runLater(() -> moveTo(card, status));
            }
            e.setDropCompleted(legal);
            e.consume();
        });
        columnBoxes.put(status, box);
        headings.put(status, heading);
        lists.put(status, list);
        return box;
    }

    /** Fills each column, keeping the selected card selected when it is still there. */
    private void show() {
        for (BoardColumn column : model.columns()) {
            ListView<WorkOrderSummary> list = lists.get(column.status());
            if (list == null) {
                continue;
            }
            WorkOrderSummary selected = list.getSelectionModel().getSelectedItem();
            shownRefusals.put(column.status(), column.refusals());
            list.getItems().setAll(column.cards());
            headings.get(column.status()).setText(column.heading(formats::number));
            if (selected != null) {
                indexOf(list, selected.id()).ifPresent(i -> list.getSelectionModel().select(i));
            }
        }
        follow(model.followProperty().get());
    }

    /** Selects and focuses a card wherever it now is (after a move or an undo). */
    private void follow(WorkOrderId id) {
        if (id == null) {
            return;
        }
        for (ListView<WorkOrderSummary> list : lists.values()) {
            Optional<Integer> index = indexOf(list, id);
            if (index.isPresent()) {
                focus(list, index.get());
                return;
            }
        }
    }

    private static Optional<Integer> indexOf(ListView<WorkOrderSummary> list, WorkOrderId id) {
        List<WorkOrderSummary> items = list.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void focus(ListView<WorkOrderSummary> list, int index) {
        list.requestFocus();
        list.getSelectionModel().select(index);
        list.getFocusModel().focus(index);
        list.scrollTo(index);
    }

    private Optional<ListView<WorkOrderSummary>> firstCardList() {
        return lists.values().stream().filter(list -> !list.getItems().isEmpty()).findFirst();
    }

    private void keyOnCard(WorkOrderStatus status, ListView<WorkOrderSummary> list, KeyEvent e) {
        WorkOrderSummary card = list.getSelectionModel().getSelectedItem();
        int direction = e.getCode() == KeyCode.RIGHT ? 1 : e.getCode() == KeyCode.LEFT ? -1 : 0;
        if (direction != 0 && e.isShortcutDown()) {
            if (card != null) {
                model.towardNearest(card, direction, to -> moveTo(card, to));
            }
            e.consume();
        } else if (direction != 0) {
            neighbour(status, direction).ifPresent(next -> focus(next,
                    Math.min(Math.max(list.getSelectionModel().getSelectedIndex(), 0), Math.max(next.getItems().size() - 1, 0))));
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && card != null) {
            model.open(card);
            e.consume();
        }
    }

    /** The next column that way with cards in it. */
    private Optional<ListView<WorkOrderSummary>> neighbour(WorkOrderStatus status, int direction) {
        List<WorkOrderStatus> order = BoardViewModel.COLUMNS;
        for (int i = order.indexOf(status) + direction; i >= 0 && i < order.size(); i += direction) {
            ListView<WorkOrderSummary> list = lists.get(order.get(i));
            if (!list.getItems().isEmpty()) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    /** Canceling asks why first (required, kept in the job's history): only a supervisor can bring a canceled job back. */
    private void moveTo(WorkOrderSummary card, WorkOrderStatus to) {
        if (to.equals(WorkOrderStatus.CANCELED)) {
            ReasonDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), "cancel-job-dialog", "Cancel job",
                    "Cancel " + card.describe() + " for " + card.customerName() + "? Only a supervisor or an admin can bring "
                            + "a canceled job back. The reason is kept in its history.", "Cancel the job",
                    reason -> WorkOrderRepository.cancelReasonProblems(reason).stream().findFirst().map(FieldError::message))
                    .ifPresent(reason -> model.cancel(card, reason));
            return;
        }
        model.move(card, to);
    }

    private void dim(Set<WorkOrderStatus> allowed, WorkOrderStatus own) {
        columnBoxes.forEach((status, box) -> {
            if (!status.equals(own) && !allowed.contains(status)) {
                box.getStyleClass().add(DIMMED);
            }
        });
    }

    private void undim() {
        columnBoxes.values().forEach(box -> box.getStyleClass().removeAll(DIMMED, DROP_TARGET));
    }

    /** A card: number, priority and sync state; title; customer and area; technician; window. */
    private final class CardCell extends ListCell<WorkOrderSummary> {
        private final WorkOrderStatus column;

        CardCell(WorkOrderStatus column) {
            this.column = column;
            // The list's width decides the card's, never the card's text: long names end in "…".
            setPrefWidth(0);
            setOnDragDetected(e -> {
                WorkOrderSummary card = getItem();
                if (card == null || model.targets(card).isEmpty()) {
                    return;
                }
                Dragboard board = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.putString(card.id().value().toString());
                board.setContent(content);
                dragged = card;
                dim(model.targets(card), card.status().orElse(null));
                e.consume();
            });
            setOnDragDone(e -> {
                dragged = null;
                undim();
            });
        }

        /** As high as the card's lines wrapped at the list's width (a label's own measure would not wrap them). */
        @Override
        protected double computePrefHeight(double width) {
            javafx.scene.Node card = getGraphic();
            double cellWidth = width > 0 ? width : getWidth();
            if (card == null || cellWidth <= 0) {
                return super.computePrefHeight(width);
            }
            return snappedTopInset() + card.prefHeight(cellWidth - snappedLeftInset() - snappedRightInset()) + snappedBottomInset();
        }

        @Override
        protected void updateItem(WorkOrderSummary card, boolean empty) {
            super.updateItem(card, empty);
            getStyleClass().remove(CARD);
            if (empty || card == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            getStyleClass().add(CARD);
            Label number = new Label(card.describe());
            number.getStyleClass().add("fd-board-card-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            // The badges go under the number when the column is too narrow for both.
            javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(6, 2, number);
            if (card.priority().equals(Priority.EMERGENCY) || card.priority().equals(Priority.HIGH)) {
                Label priority = new Label(card.priority().label());
                priority.getStyleClass().addAll(Styles.BADGE, card.priority().equals(Priority.EMERGENCY)
                        ? "fd-badge-danger" : "fd-badge-warning");
                top.getChildren().add(priority);
            }
            Optional<String> refusal = Optional.ofNullable(shownRefusals.getOrDefault(column, Map.of()).get(card.id()));
            if (refusal.isPresent()) {
                Label refused = new Label("✕ Refused");
                refused.getStyleClass().addAll(Styles.BADGE, "fd-badge-danger", REFUSED);
                refused.setTooltip(new javafx.scene.control.Tooltip(refusal.get()));
                top.getChildren().add(refused);
            } else if (card.pending()) {
                // Short enough for a narrow column; the tooltip and the screen reader say it in full.
                Label pending = new Label("⟳ Pending");
                pending.getStyleClass().addAll(Styles.BADGE, "fd-badge-neutral");
                pending.setTooltip(new javafx.scene.control.Tooltip("Waiting to sync: the server has not confirmed this move yet."));
                top.getChildren().add(pending);
            }
            // What the job is comes first, then whose, who goes and when, each on its own line; they wrap
            // in a narrow column, the title after two lines ends in "…" (the detail, opened with Enter, has it all).
            String what = Lines.oneLine(card.title());
            Label title = new Label(what);
            title.getStyleClass().add("fd-board-card-title");
            title.setWrapText(true);
            String whose = Lines.oneLine(card.customerName() + card.city().map(city -> " · " + city).orElse(""));
            Label customer = new Label(whose);
            customer.getStyleClass().add(Styles.FORM_HINT);
            String who = card.technicianName().map(Lines::oneLine).orElse("Unassigned");
            Label technician = new Label(who);
            technician.getStyleClass().add(Styles.FORM_HINT);
            String when = card.windowStart().map(start -> formats.dayAndTime(start)
                    + card.windowEnd().map(end -> "–" + formats.time(end)).orElse("")).orElse("No window");
            Label window = new Label(when);
            window.getStyleClass().add(Styles.FORM_HINT);
            window.setWrapText(true);
            VBox graphic = new VBox(2, top, title, customer, technician, window);
            setText(null);
            setGraphic(graphic);
            setAccessibleText(card.describe() + ", " + what + ", " + whose + ", " + who + ", " + when
                    + refusal.map(why -> ", move refused by the server: " + why)
                    .orElse(card.pending() ? ", waiting to sync" : ""));
        }
    }
}
