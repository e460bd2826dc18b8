package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.Dividers;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.TableLayouts;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceItem;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.Payment;
import com.fielddesk.domain.invoices.PaymentStatus;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Invoices: the list on the left (a status, overdue, search; payment status, customer, the issue-date
 * range and Clear filters; the count and totals of what is listed
 * underneath) and the selected invoice on the right — customer, dates, lines, payments, total and
 * balance due, with Issue (drafts) and Void.
 */
final class InvoicesView {

    private final InvoicesViewModel model;
    private final Formats formats;
    private final SplitPane root = new SplitPane();
    private final TextField search = new TextField();
    private final TableView<InvoiceSummary> table = new TableView<>();
    private final CustomerFilter customer;
    private final VBox detail = new VBox(8);

    private final InvoiceDialogs dialogs;

    InvoicesView(InvoicesViewModel model, InvoiceDialogs dialogs, ViewSettings settings) {
        this.model = model;
        this.dialogs = dialogs;
        this.formats = model.formats();
        this.customer = new CustomerFilter(model);
        root.setId("invoices");
        root.getItems().addAll(listPane(settings), detailPane());
        Dividers.remember(root, "invoices.split", settings, 0.62);
    }

    Node node() {
        return root;
    }

    void focusSearch() {
        search.requestFocus();
    }

    private Node listPane(ViewSettings settings) {
        ComboBox<InvoiceStatus> status = choice("invoices-status", "Every status", InvoiceStatus.values(), InvoiceStatus::label);
        status.valueProperty().bindBidirectional(model.statusProperty());
        CheckBox overdue = new CheckBox("Overdue");
        overdue.setId("invoices-overdue");
        overdue.selectedProperty().bindBidirectional(model.overdueOnlyProperty());
        search.setId("invoices-search");
        search.setPromptText("Number or customer…");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        Button newInvoice = new Button("N_ew invoice…");
        newInvoice.setId("invoices-new");
        newInvoice.setOnAction(e -> dialogs.newInvoice(window(), null, model::saved));
        Label statusLabel = mnemonicLabel("_Status", status);
        HBox toolbar = new HBox(8, statusLabel, status, overdue, search, newInvoice);
        toolbar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        overdue.setText("Over_due");
        overdue.setMnemonicParsing(true);

        table.setId("invoices-table");
        table.setItems(model.items());
        table.setPlaceholder(new Label("No invoices match."));
        // The columns share the pane's width; the customer's name gives way when it is narrow, and
        // days, statuses and amounts keep the width their words need. The issue day (also in the
        // detail) starts hidden so the rest fit beside the detail at 1280 pixels; the header's menu
        // shows it, and each person's columns are kept.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(Columns.keepsWidth(Columns.text("number", "No.",
                row -> row.number().map(String::valueOf).orElse("pending")), 64));
        table.getColumns().add(Columns.givesWay(Columns.text("customer", "Customer", InvoiceSummary::customerName), 150));
        TableColumn<InvoiceSummary, String> issued = Columns.keepsWidth(Columns.text("issued", "Issued",
                row -> row.issueDate().map(formats::date).orElse("")), 104);
        issued.setVisible(false);
        table.getColumns().add(issued);
        TableColumn<InvoiceSummary, String> due = Columns.keepsWidth(Columns.text("due", "Due",
                row -> row.dueDate().map(formats::date).orElse("") + (row.overdueOn(model.today()) ? " (overdue)" : "")), 104);
        due.setPrefWidth(150); // the day always; "(overdue)" too where there is room
        table.getColumns().add(due);
        table.getColumns().add(Columns.keepsWidth(Columns.text("status", "Status", row -> row.status().label()
                + (row.pending() ? " · waiting to sync" : "")), 104));
        table.getColumns().add(Columns.keepsWidth(Columns.text("total", "Total", row -> formats.money(row.total())), 104));
        table.getColumns().add(Columns.keepsWidth(Columns.text("balance", "Balance due",
                row -> formats.money(row.balanceDue())), 120));
        table.setTableMenuButtonVisible(true);
        TableLayouts.remember(table, "invoices.list", settings);
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.show(now.id());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label totals = new Label();
        totals.setId("invoices-totals");
        totals.getStyleClass().add(Styles.FORM_HINT);
        totals.textProperty().bind(model.totalsTextProperty());
        Label filterProblem = new Label();
        filterProblem.setId("invoices-filter-problem");
        filterProblem.getStyleClass().add(Styles.FIELD_ERROR);
        filterProblem.textProperty().bind(model.filterProblemProperty());
        filterProblem.visibleProperty().bind(model.filterProblemProperty().isNotEmpty());
        filterProblem.managedProperty().bind(filterProblem.visibleProperty());
        VBox pane = new VBox(8, toolbar, moreFilters(), filterProblem, table, totals);
        pane.setPadding(new Insets(12));
        return pane;
    }

    /** Payment status, customer (type-ahead), the issue-date range in company days, and Clear filters. */
    private Node moreFilters() {
        ComboBox<PaymentStatus> payment = choice("invoices-payment-status", "Paid or not", PaymentStatus.values(),
                PaymentStatus::label);
        payment.valueProperty().bindBidirectional(model.paymentStatusProperty());

        DatePicker from = new DatePicker();
        from.setId("invoices-issued-from");
        from.setPromptText("First day");
        from.valueProperty().bindBidirectional(model.issuedFromProperty());
        DatePicker to = new DatePicker();
        to.setId("invoices-issued-to");
        to.setPromptText("Last day");
        to.valueProperty().bindBidirectional(model.issuedToProperty());
        for (DatePicker day : new DatePicker[] {from, to}) {
            day.setPrefWidth(130);
            day.setConverter(DayConverter.of());
        }
        Button clear = new Button("C_lear filters");
        clear.setId("invoices-clear-filters");
        clear.setOnAction(e -> model.clearFilters());
        // Each label stays beside its control when the bar wraps.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(12, 6, labelled("Pa_yment", payment),
                labelled("_Customer", customer.node()), labelled("Issued f_rom", from, mnemonicLabel("t_o", to), to), clear);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    /** A choice of {@code values} with "none of them" first, shown as {@code every}. */
    private static <T> ComboBox<T> choice(String id, String every, java.util.List<T> values, java.util.function.Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? every : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private static HBox labelled(String label, Node control, Node... after) {
        HBox pair = new HBox(6, mnemonicLabel(label, control), control);
        pair.getChildren().addAll(after);
        pair.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return pair;
    }

    private static Label mnemonicLabel(String text, Node control) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        return label;
    }

    private Node detailPane() {
        detail.setId("invoice-detail");
        detail.getStyleClass().add(Styles.DETAIL_PANE);
        detail.setPadding(new Insets(12));
        detail.getChildren().setAll(new Label("Select an invoice to see it here."));
        model.selectedProperty().addListener((o, before, now) -> show(now));
        return detail;
    }

    private void show(Invoice invoice) {
        if (invoice == null) {
            detail.getChildren().setAll(new Label("Select an invoice to see it here."));
            return;
        }
        InvoiceSummary summary = invoice.summary();
        Label title = new Label(summary.describe() + " · " + summary.customerName());
        title.setId("invoice-title");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setWrapText(true);
        Label state = new Label(summary.status().label() + " · " + summary.paymentStatus().label()
                + summary.issueDate().map(day -> " · issued " + formats.date(day)).orElse("")
                + summary.dueDate().map(day -> " · due " + formats.date(day)).orElse("")
                + (summary.pending() ? " · waiting to sync" : ""));
        state.setId("invoice-state");
        state.setWrapText(true);
        Label pdfState = new Label();
        pdfState.setId("invoice-pdf-state");
        pdfState.setWrapText(true);
        pdfState.textProperty().bind(model.pdfStateProperty());
        pdfState.visibleProperty().bind(model.pdfStateProperty().isNotEmpty());
        pdfState.managedProperty().bind(pdfState.visibleProperty());
        ListView<String> lines = new ListView<>();
        lines.setId("invoice-lines");
        lines.setPrefHeight(150);
        lines.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            {
                // A long line wraps within the pane instead of scrolling sideways.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        lines.getItems().setAll(invoice.items().stream().map(this::line).toList());
        ListView<Payment> payments = new ListView<>();
        payments.setId("invoice-payments");
        payments.setPrefHeight(90);
        payments.setPlaceholder(new Label("No payments yet."));
        payments.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Payment item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : payment(item));
            }
        });
        Label money = new Label("Total " + formats.money(summary.total()) + " · paid " + formats.money(invoice.paid())
                + " · balance due " + formats.money(invoice.balanceDue()));
        money.setId("invoice-money");
        payments.getItems().setAll(invoice.payments());
        Label voidReason = new Label();
        voidReason.setId("invoice-void-reason");
        voidReason.setWrapText(true);
        voidReason.textProperty().bind(model.voidReasonProperty());
        voidReason.managedProperty().bind(voidReason.visibleProperty());
        voidReason.visibleProperty().bind(model.voidReasonProperty().isNotEmpty());
        boolean draft = InvoiceStatus.DRAFT.equals(summary.status());
        boolean isVoid = InvoiceStatus.VOID.equals(summary.status());
        Button edit = new Button(draft ? "_Edit…" : "_Open…");
        edit.setId("invoice-edit");
        edit.setOnAction(e -> dialogs.edit(window(), invoice, model::saved));
        Button issue = new Button("_Issue");
        issue.setId("invoice-issue");
        issue.setDisable(!draft);
        issue.setOnAction(e -> model.issue());
        Button markPaid = new Button("_Mark paid…");
        markPaid.setId("invoice-mark-paid");
        markPaid.setDisable(draft || isVoid || invoice.balanceDue().isZero() || invoice.balanceDue().isNegative());
        markPaid.setOnAction(e -> dialogs.markPaid(window(), invoice, () -> model.saved(invoice.id())));
        Button pdf = new Button("View _PDF");
        pdf.setId("invoice-view-pdf");
        pdf.setOnAction(e -> dialogs.viewPdf(window(), invoice.id(), summary.describe()));
        Button voidIt = new Button("_Void…");
        voidIt.setId("invoice-void");
        voidIt.setDisable(isVoid);
        voidIt.setOnAction(e -> dialogs.voidReason(window()).ifPresent(model::voidInvoice));
        Button history = new Button("_History");
        history.setId("invoice-history");
        history.setTooltip(new javafx.scene.control.Tooltip("Every change of this invoice in the audit log"));
        history.setVisible(model.mayShowHistory());
        history.setManaged(history.isVisible());
        history.setOnAction(e -> model.showHistory());
        Button removePayment = new Button("Remove payment");
        removePayment.setId("invoice-remove-payment");
        removePayment.visibleProperty().bind(model.mayRemovePaymentsProperty());
        removePayment.managedProperty().bind(removePayment.visibleProperty());
        removePayment.disableProperty().bind(payments.getSelectionModel().selectedItemProperty().isNull());
        removePayment.setOnAction(e -> {
            Payment chosen = payments.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.removePayment(chosen.id());
            }
        });
        Label notice = new Label();
        notice.setId("invoice-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        Label linesTitle = new Label("Lines");
        linesTitle.getStyleClass().add(Styles.FORM_HINT);
        Label paymentsTitle = new Label("Payments");
        paymentsTitle.getStyleClass().add(Styles.FORM_HINT);
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, edit, issue, markPaid, pdf, voidIt, history);
        for (Button button : new Button[] {edit, issue, markPaid, pdf, voidIt, history}) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        detail.getChildren().setAll(title, state, pdfState, voidReason, linesTitle, lines, money, paymentsTitle, payments,
                removePayment, actions, notice);
    }

    Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private String line(InvoiceItem item) {
        return item.description() + " — " + formats.decimal(item.quantity()) + " × " + formats.money(item.unitPrice())
                + " = " + formats.money(item.lineTotal()) + (item.pending() ? " (waiting to sync)" : "");
    }

    private String payment(Payment payment) {
        return formats.dateTime(payment.paidAt()) + " · " + payment.method().label() + " · " + formats.money(payment.amount())
                + payment.reference().map(reference -> " · " + reference).orElse("") + (payment.pending() ? " (waiting to sync)" : "");
    }
}
