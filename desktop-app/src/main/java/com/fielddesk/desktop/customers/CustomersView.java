package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveTables;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.StatusBadge;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.desktop.ui.Subscriptions;
import com.fielddesk.domain.customers.CustomerAddress;
import com.fielddesk.domain.customers.CustomerInvoice;
import com.fielddesk.domain.customers.CustomerJob;
import com.fielddesk.domain.customers.CustomerSort;
import com.fielddesk.domain.customers.CustomerSummary;
import com.fielddesk.domain.customers.CustomerThread;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Comparator;
import java.util.Optional;

/**
 * Customers: the list on the left (type to search, Enter opens, Ctrl+N new customer,
 * Ctrl+Shift+I phone intake) and the selected customer on the right — contact fields as a form
 * (Ctrl+S saves, Esc reverts, each field's problem beside it), addresses, and the customer's jobs,
 * invoices and threads, which open in their own sections.
 */
final class CustomersView {

    static final KeyCombination NEW_CUSTOMER = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PHONE_INTAKE = new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final CustomerListViewModel list;
    private final CustomerDetailViewModel detail;
    private final CustomerDialogs dialogs;
    private final Formats formats;
    private final Subscriptions subscriptions = new Subscriptions();
    private final SplitPane root = new SplitPane();
    private final TextField search = new TextField();
    private final TableView<CustomerSummary> table = new TableView<>();
    private final Label notice = new Label();

    CustomersView(CustomerListViewModel list, CustomerDetailViewModel detail, CustomerDialogs dialogs, Formats formats) {
        this.list = list;
        this.detail = detail;
        this.dialogs = dialogs;
        this.formats = formats;
        root.setId("customers");
        root.getItems().addAll(listPane(), detailPane());
        root.setDividerPositions(0.5);
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEW_CUSTOMER.match(event)) {
                newCustomer();
                event.consume();
            } else if (PHONE_INTAKE.match(event)) {
                phoneIntake();
                event.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    /** Focus where typing searches (the section was just shown), once the list is on screen. */
    void focusSearch() {
        if (search.getScene() != null) {
            search.requestFocus();
            return;
        }
        search.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> value,
                                javafx.scene.Scene before, javafx.scene.Scene now) {
                if (now != null) {
                    search.sceneProperty().removeListener(this);
                    javafx.application.Platform.runLater(search::requestFocus);
                }
            }
        });
    }

    // ---- the list ----

    private Node listPane() {
        search.setId("customer-search");
        search.setPromptText("Search name, phone or email");
        search.textProperty().bindBidirectional(list.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().selectFirst();
                }
                event.consume();
            }
        });
        ComboBox<CustomerSort> sort = new ComboBox<>();
        sort.setId("customer-sort");
        sort.getItems().setAll(CustomerSort.values());
        sort.valueProperty().bindBidirectional(list.sortProperty());
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(CustomerSort value) {
                return value == null ? "" : value.label();
            }

            @Override
            public CustomerSort fromString(String text) {
                return null;
            }
        });
        sort.setTooltip(new Tooltip("Order of the list"));
        Button newCustomer = new Button("New customer", new FontIcon(Material2MZ.PERSON_ADD));
        newCustomer.setId("new-customer");
        newCustomer.setTooltip(new Tooltip("New customer (Ctrl+N)"));
        newCustomer.setOnAction(e -> newCustomer());
        Button intake = new Button("Phone intake", new FontIcon(Material2MZ.PHONE_IN_TALK));
        intake.setId("phone-intake");
        intake.setTooltip(new Tooltip("Take a caller's request: customer, address and job in one go (Ctrl+Shift+I)"));
        intake.setOnAction(e -> phoneIntake());
        HBox searchRow = new HBox(8, search, sort);
        HBox actions = new HBox(8, newCustomer, intake);

        table.setId("customer-table");
        table.setPlaceholder(new Label("No customers to show. Press Ctrl+N to add one."));
        table.getColumns().add(Columns.givesWay(Columns.text("name", "Name", CustomerSummary::fullName), 200));
        table.getColumns().add(Columns.keepsWidth(Columns.text("phone", "Phone", CustomerSummary::phone), 120));
        table.getColumns().add(Columns.givesWay(Columns.text("email", "Email", CustomerSummary::email), 160));
        // Only what is not on the server yet carries a badge; a confirmed row needs no word.
        table.getColumns().add(Columns.keepsWidth(Columns.status("sync", "Sync", (CustomerSummary c) -> c.pending() ? Boolean.TRUE : null,
                pending -> new StatusBadge("Pending", Material2MZ.SYNC, StatusBadge.Tone.WARNING),
                Comparator.naturalOrder()), 100));
        table.getColumns().forEach(column -> column.setSortable(false)); // the repository sorts all matches
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        subscriptions.add(LiveTables.show(table, list.rows()));
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null && !now.id().equals(detail.shownProperty().get())) {
                detail.show(now.id());
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                nameField.requestFocus();
                event.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label count = new Label();
        count.setId("customer-count");
        count.textProperty().bind(list.countTextProperty());
        count.getStyleClass().add(Styles.FORM_HINT);
        Button more = new Button("Show more");
        more.setId("customer-more");
        more.setOnAction(e -> list.showMore());
        more.visibleProperty().bind(list.moreAvailableProperty());
        more.managedProperty().bind(more.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox footer = new HBox(8, count, gap, more);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(8, actions, searchRow, table, footer);
        pane.setPadding(new Insets(12));
        pane.setMinWidth(320);
        return pane;
    }

    private void newCustomer() {
        dialogs.newCustomer(root.getScene().getWindow()).ifPresent(id -> {
            list.searchProperty().set("");
            detail.show(id);
            showNotice(Notice.success("Customer created. It is on this computer now and goes to the server with the next sync."));
        });
    }

    private void phoneIntake() {
        dialogs.phoneIntake(root.getScene().getWindow()).ifPresent(written -> {
            detail.show(written.customer());
            showNotice(Notice.success("Request taken: the job is in the customer's list (pending until the server has it)."));
        });
    }

    // ---- the detail ----

    private final TextField nameField = new TextField();

    private Node detailPane() {
        Label title = new Label();
        title.setId("customer-title");
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.textProperty().bind(detail.fullNameProperty());
        title.setWrapText(true);
        Label pending = new Label("Pending", new FontIcon(Material2MZ.SYNC));
        pending.setId("customer-pending");
        pending.getStyleClass().addAll(Styles.BADGE, StatusBadge.Tone.WARNING.styleClass());
        pending.setTooltip(new Tooltip("Changed on this computer; the server has not confirmed it yet."));
        pending.visibleProperty().bind(detail.pendingProperty());
        pending.managedProperty().bind(pending.visibleProperty());
        HBox heading = new HBox(12, title, pending);
        heading.setAlignment(Pos.CENTER_LEFT);

        notice.setId("customer-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.NOTICE);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        subscriptions.add(listen(detail.noticeProperty(), this::showNotice));

        Form form = new Form();
        nameField.setId("customer-name");
        TextField phone = new TextField();
        phone.setId("customer-phone");
        TextField email = new TextField();
        email.setId("customer-email");
        TextArea notes = new TextArea();
        notes.setId("customer-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        nameField.textProperty().bindBidirectional(detail.fullNameProperty());
        phone.textProperty().bindBidirectional(detail.phoneProperty());
        email.textProperty().bindBidirectional(detail.emailProperty());
        notes.textProperty().bindBidirectional(detail.notesProperty());
        rule(form, nameField, "fullName", detail::problems);
        rule(form, phone, "phone", detail::problems);
        rule(form, email, "email", detail::problems);
        rule(form, notes, "notes", detail::problems);
        HBox contact = new HBox(12, form.field("Phone", phone), form.field("Email", email));
        contact.getChildren().forEach(child -> HBox.setHgrow(child, Priority.ALWAYS));

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("customer-save");
        save.setTooltip(new Tooltip("Save (Ctrl+S)"));
        save.disableProperty().bind(detail.canSave().not());
        save.setOnAction(e -> form.trySave(detail::save));
        Button revert = new Button("Revert");
        revert.setId("customer-revert");
        revert.setTooltip(new Tooltip("Put the fields back (Esc)"));
        revert.disableProperty().bind(detail.dirtyProperty().not());
        revert.setOnAction(e -> {
            detail.revert();
            form.hideProblems();
        });
        Button delete = new Button("Delete", new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setId("customer-delete");
        delete.disableProperty().bind(detail.canDelete().not());
        Label deleteWhy = new Label();
        deleteWhy.setId("customer-delete-why");
        deleteWhy.getStyleClass().add(Styles.FORM_HINT);
        deleteWhy.textProperty().bind(Bindings.createStringBinding(detail::deleteExplanation, detail.mayDeleteProperty()));
        deleteWhy.visibleProperty().bind(detail.mayDeleteProperty().not());
        delete.setOnAction(e -> {
            if (dialogs.confirmDelete(root.getScene().getWindow(), detail.fullNameProperty().get())) {
                detail.delete();
            }
        });
        Button history = new Button("_History", new FontIcon(Material2AL.HISTORY));
        history.setId("customer-history");
        history.setMnemonicParsing(true);
        history.setTooltip(new Tooltip("Every change of this customer in the audit log (Alt+H)"));
        history.visibleProperty().bind(detail.mayShowHistoryProperty());
        history.managedProperty().bind(history.visibleProperty());
        history.setOnAction(e -> detail.showHistory());
        HBox buttons = new HBox(8, save, revert, delete, history);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getChildren().forEach(button -> ((Region) button).setMinWidth(Region.USE_PREF_SIZE));
        deleteWhy.managedProperty().bind(deleteWhy.visibleProperty());

        VBox fields = new VBox(8, form.field("Name", nameField), contact, form.field("Notes", notes), buttons, deleteWhy);
        form.installKeys(fields, detail::save, () -> {
            detail.revert();
            form.hideProblems();
        });

        VBox content = new VBox(16, heading, notice, fields, addressesPart(), jobsPart(), invoicesPart(), threadsPart());
        content.setPadding(new Insets(16));
        content.getStyleClass().add(Styles.DETAIL_PANE);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);

        Label empty = new Label("Select a customer on the left, or press Ctrl+N for a new one.");
        empty.setId("customer-empty");
        empty.getStyleClass().add(Styles.FORM_HINT);
        StackPane pane = new StackPane(scroll, empty);
        scroll.visibleProperty().bind(detail.shownProperty().isNotNull());
        empty.visibleProperty().bind(detail.shownProperty().isNull());
        return pane;
    }

    private void rule(Form form, javafx.scene.control.Control field, String name,
                      java.util.function.Supplier<java.util.List<com.fielddesk.domain.common.FieldError>> problems) {
        javafx.beans.value.ObservableValue<?> value = field instanceof javafx.scene.control.TextInputControl text
                ? text.textProperty() : null;
        form.rule(field, value, ignored -> FieldProblems.of(problems.get(), name));
    }

    private Node addressesPart() {
        ListView<CustomerAddress> addresses = new ListView<>(detail.addresses());
        addresses.setId("customer-addresses");
        addresses.setPrefHeight(110);
        addresses.setPlaceholder(new Label("No service address yet."));
        addresses.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(CustomerAddress address, boolean empty) {
                super.updateItem(address, empty);
                if (empty || address == null) {
                    setText(null);
                    return;
                }
                String label = address.details().label() == null ? "" : address.details().label() + ": ";
                setText(label + address.details().oneLine() + (address.pending() ? "  (pending)" : ""));
            }
        });
        Button add = new Button("Add address", new FontIcon(Material2AL.ADD_LOCATION));
        add.setId("address-add");
        add.setOnAction(e -> dialogs.address(root.getScene().getWindow(), Optional.empty())
                .ifPresent(details -> detail.saveAddress(Optional.empty(), details)));
        Button edit = new Button("Edit address");
        edit.setId("address-edit");
        edit.disableProperty().bind(addresses.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            CustomerAddress selected = addresses.getSelectionModel().getSelectedItem();
            dialogs.address(root.getScene().getWindow(), Optional.of(selected.details()))
                    .ifPresent(details -> detail.saveAddress(Optional.of(selected.id()), details));
        });
        return section("Service addresses", addresses, new HBox(8, add, edit));
    }

    private Node jobsPart() {
        TableView<CustomerJob> jobs = new TableView<>(detail.jobs());
        jobs.setId("customer-jobs");
        jobs.setPlaceholder(new Label("No quotes or jobs yet."));
        jobs.getColumns().add(Columns.keepsWidth(Columns.text("number", "No.",
                job -> job.number().map(formats::number).orElse("pending")), 72));
        jobs.getColumns().add(Columns.keepsWidth(Columns.text("kind", "Kind", job -> job.stage().label()), 64));
        jobs.getColumns().add(Columns.givesWay(Columns.text("title", "Title", CustomerJob::title), 200));
        jobs.getColumns().add(Columns.keepsWidth(Columns.text("status", "Status", CustomerJob::statusLabel), 112));
        jobs.getColumns().add(Columns.keepsWidth(Columns.dateTime("scheduled", "Scheduled", formats,
                job -> job.scheduledStart().orElse(null)), 150));
        opensOnEnterOrDoubleClick(jobs, job -> detail.open(RecordKind.JOB, job.id().value().toString()));
        Button newJob = new Button("New job…");
        newJob.setId("customer-new-job");
        newJob.setOnAction(e -> detail.newWorkOrder(false));
        Button newQuote = new Button("New quote…");
        newQuote.setId("customer-new-quote");
        newQuote.setOnAction(e -> detail.newWorkOrder(true));
        return section("Quotes and jobs", sized(jobs), new HBox(8, newJob, newQuote));
    }

    private Node invoicesPart() {
        TableView<CustomerInvoice> invoices = new TableView<>(detail.invoices());
        invoices.setId("customer-invoices");
        invoices.setPlaceholder(new Label("No invoices yet."));
        invoices.getColumns().add(Columns.keepsWidth(Columns.text("number", "No.",
                invoice -> invoice.number().map(formats::number).orElse("pending")), 72));
        invoices.getColumns().add(Columns.keepsWidth(Columns.text("status", "Status", invoice -> invoice.status().label()), 104));
        invoices.getColumns().add(Columns.keepsWidth(Columns.text("total", "Total", invoice -> formats.money(invoice.total())), 104));
        invoices.getColumns().add(Columns.keepsWidth(Columns.text("balance", "Balance due",
                invoice -> formats.money(invoice.balance())), 120));
        opensOnEnterOrDoubleClick(invoices, invoice -> detail.open(RecordKind.INVOICE, invoice.id().value().toString()));
        return section("Invoices", sized(invoices), null);
    }

    private Node threadsPart() {
        TableView<CustomerThread> threads = new TableView<>(detail.threads());
        threads.setId("customer-threads");
        threads.setPlaceholder(new Label("No message threads yet."));
        threads.getColumns().add(Columns.givesWay(Columns.text("subject", "Subject", CustomerThread::subject), 240));
        threads.getColumns().add(Columns.keepsWidth(Columns.dateTime("last", "Last message", formats,
                thread -> thread.lastMessageAt().orElse(null)), 150));
        opensOnEnterOrDoubleClick(threads, thread -> detail.open(RecordKind.MESSAGE_THREAD, thread.id().value().toString()));
        return section("Message threads", sized(threads), null);
    }

    private static <T> TableView<T> sized(TableView<T> table) {
        table.setPrefHeight(150);
        // Names and titles give way in the narrow detail; numbers, statuses, days and amounts stay whole.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        return table;
    }

    private static <T> void opensOnEnterOrDoubleClick(TableView<T> table, java.util.function.Consumer<T> open) {
        table.setRowFactory(view -> {
            TableRow<T> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            T selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected);
                event.consume();
            }
        });
    }

    private static Node section(String title, Node body, Node actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox part = new VBox(6, heading, body);
        if (actions != null) {
            part.getChildren().add(actions);
        }
        return part;
    }

    private void showNotice(Notice shown) {
        notice.setVisible(shown != null);
        if (shown != null) {
            notice.setText(shown.sentence());
            notice.getStyleClass().removeAll(Styles.NOTICE_WARNING);
            if (shown.isProblem()) {
                notice.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        }
    }

    private static <T> AutoCloseable listen(javafx.beans.value.ObservableValue<T> value, java.util.function.Consumer<T> shown) {
        javafx.beans.value.ChangeListener<T> listener = (o, before, now) -> shown.accept(now);
        value.addListener(listener);
        return () -> value.removeListener(listener);
    }

    void dispose() {
        subscriptions.close();
    }
}
