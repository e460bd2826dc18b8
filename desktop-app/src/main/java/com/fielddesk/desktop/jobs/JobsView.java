package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.jobs.StatusChange;
import com.fielddesk.domain.jobs.WorkOrderDetail;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Jobs and quotes: the list on the left (Jobs / Quotes, a status, type to search, Enter opens) and
 * the selected work order on the right — what it is, where, who and when, its status history, and
 * one button per move this person may make now.
 */
final class JobsView {

    private final JobsViewModel model;
    private final Formats formats;
    private final SplitPane root = new SplitPane();
    private final TextField search = new TextField();
    private final TableView<WorkOrderSummary> table = new TableView<>();
    private final VBox detail = new VBox(8);
    private final FlowPane moves = new FlowPane(6, 6);
    private final ListView<String> history = new ListView<>();

    JobsView(JobsViewModel model) {
        this.model = model;
        this.formats = model.formats();
        root.setId("jobs");
        root.getItems().addAll(listPane(), detailPane());
        root.setDividerPositions(0.7);
    }

    Node node() {
        return root;
    }

    void focusSearch() {
        search.requestFocus();
    }

    private Node listPane() {
        ToggleButton jobs = new ToggleButton("Jobs");
        jobs.setId("jobs-stage-jobs");
        ToggleButton quotes = new ToggleButton("Quotes");
        quotes.setId("jobs-stage-quotes");
        SegmentedButton stage = new SegmentedButton(jobs, quotes);
        ToggleGroup group = stage.getToggleGroup();
        jobs.setSelected(true);
        group.selectedToggleProperty().addListener((o, before, now) -> {
            if (now == null) {
                before.setSelected(true);       // one of the two is always chosen
            } else {
                model.stageProperty().set(now == quotes ? WorkOrderStage.QUOTE : WorkOrderStage.JOB);
            }
        });

        ComboBox<WorkOrderStatus> status = new ComboBox<>();
        status.setId("jobs-status");
        status.getItems().add(null);
        status.getItems().addAll(WorkOrderStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkOrderStatus value) {
                return value == null ? "Every status" : value.label();
            }

            @Override
            public WorkOrderStatus fromString(String text) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusProperty());
        status.disableProperty().bind(model.stageProperty().isEqualTo(WorkOrderStage.QUOTE));

        search.setId("jobs-search");
        search.setPromptText("Number, title or customer…");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
        HBox toolbar = new HBox(8, stage, status, search);

        table.setId("jobs-table");
        table.setItems(model.items());
        table.setPlaceholder(new Label("No work orders match."));
        // Nine columns share the pane's width in these proportions; none scrolls out of sight.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Columns.text("number", "No.", row -> row.number().map(String::valueOf).orElse("New")));
        table.getColumns().add(Columns.text("customer", "Customer", WorkOrderSummary::customerName));
        table.getColumns().add(Columns.text("title", "Title", WorkOrderSummary::title));
        table.getColumns().add(Columns.text("area", "Area", row -> row.city().orElse("")));
        table.getColumns().add(Columns.text("window", "Window", row -> row.windowStart().map(formats::dayAndTime).orElse("")));
        table.getColumns().add(Columns.text("technician", "Technician", row -> row.technicianName().orElse("")));
        table.getColumns().add(Columns.text("status", "Status", JobsView::statusText));
        table.getColumns().add(Columns.text("priority", "Priority", row -> row.priority().label()));
        table.getColumns().add(Columns.text("age", "Age", row -> row.createdAt().map(JobsView::age).orElse("new")));
        double[] widths = {48, 130, 170, 90, 120, 100, 96, 70, 56};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            table.getColumns().get(i).setMinWidth(Math.min(widths[i], 48));
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.show(now.id());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label count = new Label();
        count.setId("jobs-count");
        count.getStyleClass().add(Styles.FORM_HINT);
        count.textProperty().bind(model.countTextProperty());
        count.setWrapText(true);
        VBox pane = new VBox(8, toolbar, table, count);
        pane.setPadding(new Insets(12));
        return pane;
    }

    private Node detailPane() {
        detail.setId("job-detail");
        detail.getStyleClass().add(Styles.DETAIL_PANE);
        detail.setPadding(new Insets(12));
        moves.setId("job-moves");
        history.setId("job-history");
        history.setPrefHeight(160);
        Label empty = new Label("Select a job or quote to see it here.");
        detail.getChildren().setAll(empty);
        model.selectedProperty().addListener((o, before, now) -> showDetail(now));
        model.nextStatuses().addListener((ListChangeListener<WorkOrderStatus>) change -> showMoves());
        return detail;
    }

    private void showDetail(WorkOrderDetail shown) {
        if (shown == null) {
            detail.getChildren().setAll(new Label("Select a job or quote to see it here."));
            return;
        }
        WorkOrderSummary summary = shown.summary();
        Label title = new Label(summary.describe() + " · " + summary.title());
        title.setId("job-title");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setWrapText(true);
        Hyperlink customer = new Hyperlink(summary.customerName() + shown.addressLine().map(line -> " — " + line).orElse(""));
        customer.setId("job-customer");
        customer.setOnAction(e -> model.openCustomer());
        Label status = new Label("Status: " + statusText(summary) + "  ·  Priority: " + summary.priority().label()
                + (summary.pending() ? "  ·  waiting to sync" : ""));
        status.setWrapText(true);
        status.setId("job-status");
        Label when = new Label(summary.windowStart().map(start -> "Scheduled " + formats.dayAndTime(start)
                + summary.windowEnd().map(end -> "–" + formats.time(end)).orElse("")).orElse("Not scheduled")
                + summary.technicianName().map(name -> " · " + name).orElse(" · nobody assigned"));
        when.setId("job-when");
        Label description = new Label(shown.description().orElse(""));
        description.setWrapText(true);
        description.setManaged(shown.description().isPresent());
        boolean quote = WorkOrderStage.QUOTE.equals(summary.stage());
        Label total = new Label(quote ? "Quote total " + formats.money(shown.total()) : "");
        total.setManaged(quote);
        Label notice = new Label();
        notice.setId("job-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        history.getItems().setAll(shown.history().stream().map(this::historyLine).toList());
        Label historyTitle = new Label("Status history");
        historyTitle.getStyleClass().add(Styles.FORM_HINT);
        detail.getChildren().setAll(title, customer, status, when, description, total, moves, notice, messagesPane(),
                historyTitle, history);
        showMoves();
    }

    /** The job's threads (each opens in Messages) and the two ways to write about it, kept apart by who reads them. */
    private Node messagesPane() {
        Label heading = new Label("Messages");
        heading.getStyleClass().add(Styles.FORM_HINT);
        VBox links = new VBox(2);
        links.setId("job-threads");
        Runnable showLinks = () -> links.getChildren().setAll(model.threads().isEmpty()
                ? List.of(new Label("No messages about this job yet."))
                : model.threads().stream().map(thread -> {
                    Hyperlink link = new Hyperlink(thread.line());
                    link.setOnAction(e -> model.openThread(thread));
                    return (Node) link;
                }).toList());
        showLinks.run();
        model.threads().addListener((ListChangeListener<JobThread>) change -> showLinks.run());
        Button toCustomer = new Button("_Message customer");
        toCustomer.setId("job-message-customer");
        toCustomer.setOnAction(e -> model.messageCustomer());
        Button note = new Button("_Internal note");
        note.setId("job-internal-note");
        note.setOnAction(e -> model.internalNote());
        Label audience = new Label();
        audience.setId("job-compose-audience");
        audience.getStyleClass().add(Styles.FORM_HINT);
        TextArea first = new TextArea();
        first.setId("job-first-message");
        first.setPrefRowCount(3);
        first.setWrapText(true);
        first.textProperty().bindBidirectional(model.firstMessageProperty());
        Button start = new Button("Send");
        start.setId("job-start-thread");
        start.setOnAction(e -> model.startThread());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.cancelCompose());
        // Ctrl+Enter sends, Escape drops the draft (only while writing it: no scene-wide cancel button).
        first.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                model.startThread();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.cancelCompose();
                e.consume();
            }
        });
        VBox compose = new VBox(6, audience, first, new HBox(6, start, cancel));
        compose.setId("job-compose");
        Runnable showCompose = () -> {
            Boolean internal = model.composingInternalProperty().get();
            compose.setVisible(internal != null);
            compose.setManaged(internal != null);
            if (internal != null) {
                audience.setText(internal ? "Staff only — customers never see this" : "The customer will see this");
                first.setPromptText(internal ? "The first note for staff (Ctrl+Enter sends)"
                        : "The first message to the customer (Ctrl+Enter sends)");
                first.requestFocus();
            }
        };
        showCompose.run();
        model.composingInternalProperty().addListener((o, before, now) -> showCompose.run());
        return new VBox(6, heading, links, new HBox(6, toCustomer, note), compose);
    }

    private void showMoves() {
        moves.getChildren().clear();
        for (WorkOrderStatus next : model.nextStatuses()) {
            Button move = new Button("→ " + next.label());
            move.setId("job-move-" + next.code());
            move.setOnAction(e -> model.move(next));
            moves.getChildren().add(move);
        }
    }

    private String historyLine(StatusChange change) {
        return formats.dateTime(change.changedAt()) + " · " + change.describe() + change.changedBy().map(name -> " · " + name)
                .orElse("");
    }

    private static String statusText(WorkOrderSummary row) {
        return row.status().map(WorkOrderStatus::label)
                .or(() -> row.quoteStatus().map(quote -> "Quote: " + quote.label())).orElse("");
    }

    /** "3 d", "5 h", "12 min" since it was created. */
    private static String age(Instant created) {
        Duration age = Duration.between(created, Instant.now());
        if (age.toDays() > 0) {
            return age.toDays() + " d";
        }
        return age.toHours() > 0 ? age.toHours() + " h" : Math.max(0, age.toMinutes()) + " min";
    }
}
