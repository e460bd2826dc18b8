package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.Dividers;
import com.fielddesk.desktop.ui.ReasonDialog;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.TableLayouts;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.jobs.QuoteStatus;
import com.fielddesk.domain.jobs.StatusChange;
import com.fielddesk.domain.jobs.WorkOrderRepository;
import com.fielddesk.domain.jobs.WorkOrderSort;
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
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Jobs or quotes (one view for both sections, its columns and filters chosen by the model's stage):
 * the list on the left (filters, type to search, Enter opens) and the selected work order on the right — what it is, where, who and when, its status history, and
 * one button per move this person may make now.
 */
final class JobsView {

    /** The list's share of the width: its default columns fit beside the detail at 1280 pixels. */
    private static final double DEFAULT_SPLIT = 0.62;

    private final JobsViewModel model;
    private final Formats formats;
    private final SplitPane root = new SplitPane();
    private final TextField search = new TextField();
    private final TableView<WorkOrderSummary> table = new TableView<>();
    private final VBox detail = new VBox(8);
    private final FlowPane moves = new FlowPane(6, 6);
    private final ListView<String> history = new ListView<>();
    private final Label notice = new Label();
    private final TabPane tabs = new TabPane();
    private final Tab detailsTab = new Tab("Details");
    private final Tab historyTab = new Tab("History");
    private final Tab messagesTab = new Tab("Messages");
    private final WorkOrderForm form;
    private final VBox formBox;
    private final ViewSettings settings;

    JobsView(JobsViewModel model, ViewSettings settings) {
        this.model = model;
        this.settings = settings;
        this.formats = model.formats();
        WorkOrderFormViewModel formModel = model.form();
        this.form = new ControllerFactory().with(WorkOrderForm.class, () -> new WorkOrderForm(formModel))
                .<WorkOrderForm>load(JobsView.class, "WorkOrderForm.fxml").controller();
        this.formBox = formBox();
        root.setId("jobs");
        root.getItems().addAll(listPane(), detailPane());
        Dividers.remember(root, (WorkOrderStage.QUOTE.equals(model.stage()) ? "quotes" : "jobs") + ".split", settings,
                DEFAULT_SPLIT);
    }

    Node node() {
        return root;
    }

    void focusSearch() {
        search.requestFocus();
    }

    private Node listPane() {
        boolean quotes = WorkOrderStage.QUOTE.equals(model.stage());
        ComboBox<WorkOrderStatus> status = new ComboBox<>();
        status.setId("jobs-status");
        status.getItems().add(null);
        status.getItems().addAll(WorkOrderStatus.values());
        status.setConverter(WorkOrderForm.labels(value -> value == null ? "Every status" : value.label()));
        status.valueProperty().bindBidirectional(model.statusProperty());
        ComboBox<QuoteStatus> quoteStatus = new ComboBox<>();
        quoteStatus.setId("jobs-quote-status");
        quoteStatus.getItems().add(null);
        quoteStatus.getItems().addAll(QuoteStatus.values());
        quoteStatus.setConverter(WorkOrderForm.labels(value -> value == null ? "Every quote status" : value.label()));
        quoteStatus.valueProperty().bindBidirectional(model.quoteStatusProperty());

        search.setId("jobs-search");
        search.setPromptText(quotes ? "Quote number, title or customer…" : "Number, title or customer…");
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
        Button newJob = new Button("New _job…");
        newJob.setId("jobs-new-job");
        newJob.setOnAction(e -> model.newWorkOrder(WorkOrderRequest.blank(false)));
        Button newQuote = new Button("New _quote…");
        newQuote.setId("jobs-new-quote");
        newQuote.setOnAction(e -> model.newWorkOrder(WorkOrderRequest.blank(true)));
        HBox toolbar = quotes ? new HBox(8, search, newQuote, newJob) : new HBox(8, search, newJob, newQuote);
        HBox filters = filters(quotes ? quoteStatus : status, quotes);

        table.setId("jobs-table");
        table.setItems(model.items());
        table.setPlaceholder(new Label(quotes ? "No quotes match." : "No jobs match."));
        // The columns share the pane's width; none scrolls out of sight. When the pane is narrow the
        // free text gives way (the detail shows it whole) and numbers, windows, statuses and
        // priorities keep the width their longest words need ("6 Dec 14:00", "Unscheduled").
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Columns.keepsWidth(Columns.text("number", "No.",
                row -> row.number().map(String::valueOf).orElse("New")), 44));
        table.getColumns().add(Columns.givesWay(Columns.text("customer", "Customer", WorkOrderSummary::customerName), 120));
        table.getColumns().add(Columns.givesWay(Columns.text("title", "Title", WorkOrderSummary::title), 160));
        if (quotes) {
            // A quote: what was quoted, for how much, where it stands, and how long it has waited.
            table.getColumns().add(Columns.keepsWidth(Columns.text("quote-status", "Status",
                    row -> row.quoteStatus().map(QuoteStatus::label).orElse("")), 88));
            table.getColumns().add(Columns.keepsWidth(Columns.text("total", "Total",
                    row -> row.total().map(formats::money).orElse("")), 104));
            table.getColumns().add(Columns.keepsWidth(Columns.text("age", "Age",
                    row -> row.createdAt().map(JobsView::age).orElse("new")), 64));
        } else {
            table.getColumns().add(Columns.givesWay(Columns.text("area", "Area", row -> row.city().orElse("")), 90));
            table.getColumns().add(Columns.keepsWidth(Columns.text("window", "Window",
                    row -> row.windowStart().map(formats::dayAndTime).orElse("")), 100));
            table.getColumns().add(Columns.givesWay(Columns.text("technician", "Technician",
                    row -> row.technicianName().orElse("")), 104));
            table.getColumns().add(Columns.keepsWidth(Columns.text("status", "Status", JobsView::statusText), 112));
            table.getColumns().add(Columns.keepsWidth(Columns.text("priority", "Priority", row -> row.priority().label()), 96));
            table.getColumns().add(Columns.keepsWidth(Columns.text("age", "Age",
                    row -> row.createdAt().map(JobsView::age).orElse("new")), 56));
            // Nine columns do not fit beside the detail on a 1280-pixel screen: area and age start
            // hidden, the header's menu shows them again, and each person's choice is kept.
            table.getColumns().stream().filter(column -> column.getId().equals("area") || column.getId().equals("age"))
                    .forEach(column -> column.setVisible(false));
        }
        table.setTableMenuButtonVisible(true);
        TableLayouts.remember(table, quotes ? "quotes.list" : "jobs.list", settings);
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
        VBox pane = new VBox(8, toolbar, filters, table, count);
        pane.setPadding(new Insets(12));
        return pane;
    }

    /**
     * Jobs: status, technician, priority, customer, a day or a range of days (company days), the
     * order, and Clear. Quotes: quote status, priority, customer, the order, and Clear (a quote has
     * no technician or window to filter on).
     */
    private HBox filters(ComboBox<?> status, boolean quotes) {
        ComboBox<TechnicianChoice> technician = new ComboBox<>(model.technicianChoices());
        technician.setId("jobs-technician");
        technician.valueProperty().bindBidirectional(model.technicianFilterProperty());
        technician.setPrefWidth(160);

        ComboBox<com.fielddesk.domain.jobs.Priority> priority = new ComboBox<>();
        priority.setId("jobs-priority");
        priority.getItems().add(null);
        priority.getItems().addAll(com.fielddesk.domain.jobs.Priority.values());
        priority.setConverter(WorkOrderForm.labels(value -> value == null ? "Any priority" : value.label()));
        priority.valueProperty().bindBidirectional(model.priorityFilterProperty());

        ComboBox<WorkOrderFormViewModel.CustomerChoice> customer = new ComboBox<>(model.customerChoices());
        customer.setId("jobs-customer");
        customer.setEditable(true);
        customer.setPromptText("Any customer");
        customer.setPrefWidth(160);
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(WorkOrderFormViewModel.CustomerChoice value) {
                return value == null ? "" : value.name();
            }

            @Override
            public WorkOrderFormViewModel.CustomerChoice fromString(String text) {
                return customer.getItems().stream().filter(choice -> choice.name().equals(text)).findFirst().orElse(null);
            }
        });
        customer.valueProperty().bindBidirectional(model.customerFilterProperty());
        customer.getEditor().textProperty().addListener((o, before, now) -> {
            model.searchCustomers(now);
            if (now == null || now.isBlank()) {
                model.customerFilterProperty().set(null);
            }
        });
        model.customerChoices().addListener((ListChangeListener<WorkOrderFormViewModel.CustomerChoice>) change -> {
            if (customer.isFocused() && !model.customerChoices().isEmpty() && !customer.isShowing()) {
                customer.show();
            }
        });

        javafx.scene.control.DatePicker first = new javafx.scene.control.DatePicker();
        first.setId("jobs-first-day");
        first.setPromptText("Day");
        first.setPrefWidth(150);
        first.setConverter(DayConverter.of());
        first.valueProperty().bindBidirectional(model.firstDayProperty());
        javafx.scene.control.DatePicker last = new javafx.scene.control.DatePicker();
        last.setId("jobs-last-day");
        last.setPromptText("To day");
        last.setPrefWidth(150);
        last.setConverter(DayConverter.of());
        last.valueProperty().bindBidirectional(model.lastDayProperty());

        ComboBox<WorkOrderSort> sort = new ComboBox<>();
        sort.setId("jobs-sort");
        sort.getItems().setAll(quotes ? List.of(WorkOrderSort.NUMBER, WorkOrderSort.NEWEST)
                : List.of(WorkOrderSort.values()));
        sort.setConverter(WorkOrderForm.labels(value -> value == null ? "" : switch (value) {
            case NUMBER -> "Newest number first";
            case SCHEDULED_START -> "Earliest window first";
            case NEWEST -> "Newest first";
        }));
        sort.valueProperty().bindBidirectional(model.sortProperty());

        Button clear = new Button("Clear filters");
        clear.setId("jobs-clear-filters");
        clear.setOnAction(e -> {
            model.clearFilters();
            customer.getEditor().clear();
        });
        FlowPane row = quotes ? new FlowPane(8, 6, status, priority, customer, sort, clear)
                : new FlowPane(8, 6, status, technician, priority, customer, first, last, sort, clear);
        HBox.setHgrow(row, Priority.ALWAYS);
        return new HBox(row);
    }

    private Node detailPane() {
        detail.setId("job-detail");
        detail.getStyleClass().add(Styles.DETAIL_PANE);
        detail.setPadding(new Insets(12));
        moves.setId("job-moves");
        history.setId("job-history");
        history.setPlaceholder(new Label("No status changes yet."));
        // Long reasons wrap instead of scrolling sideways.
        history.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        notice.setId("job-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        formBox.setId("job-form");
        detailsTab.setClosable(false);
        historyTab.setClosable(false);
        messagesTab.setClosable(false);
        historyTab.setContent(history);
        messagesTab.setContent(messagesPane());
        tabs.setId("job-tabs");
        tabs.getTabs().setAll(detailsTab, historyTab, messagesTab);
        detail.getChildren().setAll(new Label("Select a job or quote to see it here, or start a new one."));
        model.selectedProperty().addListener((o, before, now) -> showDetail(now));
        model.creatingProperty().addListener((o, before, now) -> {
            if (now) {
                showNew();
            }
        });
        model.nextStatuses().addListener((ListChangeListener<WorkOrderStatus>) change -> showMoves());
        model.nextQuoteStatuses().addListener((ListChangeListener<QuoteStatus>) change -> showMoves());
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The form with Save and Revert under it; Ctrl+S saves, Esc puts the saved values back. */
    private VBox formBox() {
        Button save = new Button("_Save");
        save.setId("job-save");
        save.setDefaultButton(false);
        save.textProperty().bind(javafx.beans.binding.Bindings.when(model.creatingProperty())
                .then(javafx.beans.binding.Bindings.when(model.form().stageProperty().isEqualTo(WorkOrderStage.QUOTE))
                        .then("_Create quote").otherwise("_Create job"))
                .otherwise("_Save"));
        save.setOnAction(e -> saveForm());
        Button revert = new Button("Re_vert");
        revert.setId("job-revert");
        revert.disableProperty().bind(model.form().dirtyProperty().not());
        revert.setOnAction(e -> revertForm());
        form.form().installKeys(form.root(), this::saveForm, this::revertForm);
        Label formNotice = new Label();
        formNotice.setId("job-form-notice");
        formNotice.setWrapText(true);
        formNotice.textProperty().bind(model.form().noticeProperty());
        VBox box = new VBox(8, form.root(), new HBox(8, save, revert), formNotice);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void saveForm() {
        form.form().trySave(model::save);
    }

    private void revertForm() {
        model.revert();
        form.form().hideProblems();
    }

    private void showNew() {
        detailsTab.setContent(null);
        Label title = new Label();
        title.textProperty().bind(javafx.beans.binding.Bindings.when(model.form().stageProperty().isEqualTo(WorkOrderStage.QUOTE))
                .then("New quote").otherwise("New job"));
        title.setId("job-title");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        form.form().hideProblems();
        detail.getChildren().setAll(title, notice, formBox);
        javafx.application.Platform.runLater(() -> (model.form().customer.get() == null ? form.firstField()
                : form.titleField()).requestFocus());
    }

    private void showDetail(WorkOrderDetail shown) {
        if (model.creatingProperty().get()) {
            return;
        }
        if (shown == null) {
            detailsTab.setContent(null);
            detail.getChildren().setAll(new Label("Select a job or quote to see it here, or start a new one."));
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
        boolean quote = WorkOrderStage.QUOTE.equals(summary.stage());
        Label status = new Label("Status: " + statusText(summary) + "  ·  Priority: " + summary.priority().label()
                + (quote ? "  ·  Total " + formats.money(shown.total()) : "")
                + (summary.pending() ? "  ·  waiting to sync" : ""));
        status.setWrapText(true);
        status.setId("job-status");
        Label when = new Label(summary.windowStart().map(start -> "Scheduled " + formats.dayAndTime(start)
                + summary.windowEnd().map(end -> "–" + formats.time(end)).orElse("")).orElse("Not scheduled")
                + summary.technicianName().map(name -> " · " + name).orElse(" · nobody assigned"));
        when.setId("job-when");
        Hyperlink auditHistory = new Hyperlink("Every change in the audit log");
        auditHistory.setId("job-audit-history");
        auditHistory.setVisible(model.mayShowAuditHistory());
        auditHistory.setManaged(auditHistory.isVisible());
        auditHistory.setOnAction(e -> model.openAuditHistory());
        history.getItems().setAll(shown.history().stream().map(this::historyLine).toList());
        historyTab.setText("History (" + shown.history().size() + ")");
        if (detailsTab.getContent() == null) {
            detailsTab.setContent(formBox);
        }
        detail.getChildren().setAll(title, customer, status, when, auditHistory, moves, notice, tabs);
        showMoves();
    }

    /** Shows the history tab (the tour's screenshot, and Alt-free keyboard users via Ctrl+Tab). */
    void showHistory() {
        tabs.getSelectionModel().select(historyTab);
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

    /** One button per move this person may make now: a job's next statuses ("Reopen" for supervisors), a quote's actions. */
    private void showMoves() {
        moves.getChildren().clear();
        WorkOrderDetail shown = model.selectedProperty().get();
        if (shown == null) {
            return;
        }
        if (WorkOrderStage.QUOTE.equals(shown.summary().stage())) {
            for (QuoteStatus next : model.nextQuoteStatuses()) {
                Button move = new Button(quoteAction(next));
                move.setId("job-quote-" + next.code());
                move.setOnAction(e -> model.moveQuote(next));
                moves.getChildren().add(move);
            }
            return;
        }
        for (WorkOrderStatus next : model.nextStatuses()) {
            boolean cancel = WorkOrderStatus.CANCELED.equals(next);
            Button move = new Button(cancel ? "Cancel job…" : model.isReopen(next) ? "Reopen → " + next.label() : "→ " + next.label());
            move.setId("job-move-" + next.code());
            move.setOnAction(e -> {
                if (cancel) {
                    askCancelReason(shown.summary());
                } else {
                    model.move(next);
                }
            });
            moves.getChildren().add(move);
        }
    }

    /** Cancel asks why first; the reason is required and goes to the server with the cancel. */
    private void askCancelReason(WorkOrderSummary job) {
        ReasonDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), "cancel-job-dialog", "Cancel job",
                "Cancel " + job.describe() + " for " + job.customerName() + "? Only a supervisor or an admin can bring a "
                        + "canceled job back. The reason is kept in its history.", "Cancel the job",
                reason -> WorkOrderRepository.cancelReasonProblems(reason).stream().findFirst().map(FieldError::message))
                .ifPresent(model::cancel);
    }

    private static String quoteAction(QuoteStatus next) {
        if (QuoteStatus.SENT.equals(next)) {
            return "Send";
        } else if (QuoteStatus.ACCEPTED.equals(next)) {
            return "Accept (becomes a job)";
        } else if (QuoteStatus.DECLINED.equals(next)) {
            return "Decline";
        } else if (QuoteStatus.EXPIRED.equals(next)) {
            return "Expire";
        }
        return QuoteStatus.DRAFT.equals(next) ? "Back to draft" : "→ " + next.label();
    }

    /**
     * "5 Dec 09:12 · Scheduled → Canceled: no access · Dana Dispatcher" — in the company's zone; a
     * change no person made says "by the server", one by a person this copy does not name says so.
     */
    private String historyLine(StatusChange change) {
        return formats.dayAndTime(change.changedAt()) + " · " + change.describe() + " · "
                + change.changedBy().orElse(change.byPerson() ? "someone not in this computer's copy" : "by the server");
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
