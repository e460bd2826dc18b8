package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.OwnedDialogs;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Subscriptions;
import com.fielddesk.desktop.ui.SaveFileChooser;
import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.JobToInvoice;
import com.fielddesk.domain.invoices.PaymentMethod;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The invoices section's windows: the editor (FXML form), the void reason, Mark paid and the PDF
 * viewer. Each is shown without waiting (the section keeps working behind it); Esc closes it, and
 * an editor with unsaved changes asks first.
 */
final class InvoiceDialogs {

    private final InvoiceRepository repository;
    private final BackgroundTasks tasks;
    private final Formats formats;
    private final Clock companyClock;
    private final Supplier<InvoicePdfViewModel> viewers;
    private final SaveFileChooser files;
    private final Consumer<InvoiceId> issued;

    private final ChangeSource changes;

    /**
     * @param changes where an open editor hears that its invoice changed (the server's number arrived)
     * @param issued  runs in the background after an invoice was issued (queues its PDF's upload)
     */
    InvoiceDialogs(InvoiceRepository repository, BackgroundTasks tasks, Formats formats, Clock companyClock,
                   Supplier<InvoicePdfViewModel> viewers, SaveFileChooser files, ChangeSource changes,
                   Consumer<InvoiceId> issued) {
        this.changes = changes;
        this.issued = issued;
        this.repository = repository;
        this.tasks = tasks;
        this.formats = formats;
        this.companyClock = companyClock;
        this.viewers = viewers;
        this.files = files;
    }

    // ---- the editor ----

    /** A new invoice (for {@code customer} when given). {@code saved} runs after each save. */
    void newInvoice(Window owner, InvoiceCustomer customer, Consumer<InvoiceId> saved) {
        editor(owner, "New invoice", saved, model -> model.startNew(customer));
    }

    /**
     * "Invoice this job": customer and job filled in, the job's title as the first line. Asked again
     * for a job whose editor is still open (Back/Forward, a second click), that editor comes to the front.
     */
    void invoiceJob(Window owner, JobToInvoice job, Consumer<InvoiceId> saved) {
        Dialog<Void> open = jobEditors.get(job.workOrder());
        if (open != null && open.isShowing()) {
            ((javafx.stage.Stage) open.getDialogPane().getScene().getWindow()).toFront();
            return;
        }
        Dialog<Void> dialog = editor(owner, "Invoice this job", saved, model -> model.startFromJob(job));
        jobEditors.put(job.workOrder(), dialog);
        dialog.showingProperty().addListener((o, was, now) -> {
            if (!now) {
                jobEditors.remove(job.workOrder(), dialog);
            }
        });
    }

    private final java.util.Map<java.util.UUID, Dialog<Void>> jobEditors = new java.util.HashMap<>();

    /** An existing invoice (editable while it is a draft). */
    void edit(Window owner, Invoice invoice, Consumer<InvoiceId> saved) {
        editor(owner, invoice.summary().describe(), saved, model -> model.load(invoice));
    }

    private Dialog<Void> editor(Window owner, String title, Consumer<InvoiceId> saved, Consumer<InvoiceEditorViewModel> start) {
        InvoiceEditorViewModel model = new InvoiceEditorViewModel(repository, tasks, formats, changes, issued);
        ControllerFactory.Loaded<InvoiceEditorForm> loaded = new ControllerFactory()
                .with(InvoiceEditorForm.class, () -> new InvoiceEditorForm(model))
                .load(InvoiceDialogs.class, "InvoiceEditor.fxml");
        start.accept(model);
        model.loadCustomers();
        model.onSaved(saved);
        Dialog<Void> dialog = window(owner, title, loaded.root(), "invoice-editor-dialog", OwnedDialogs.CLOSE);
        loaded.controller().onVoid(() -> voidReason(dialog.getDialogPane().getScene().getWindow())
                .ifPresent(model::voidInvoice));
        dialog.setOnCloseRequest(event -> {
            if (model.state().isDirty() && !confirmDiscard(dialog.getDialogPane().getScene().getWindow())) {
                event.consume();
            }
        });
        Subscriptions following = new Subscriptions();
        following.add(model.followChanges());
        dialog.showingProperty().addListener((o, was, now) -> {
            if (!now) {
                following.close();
            }
        });
        dialog.show();
        widen(dialog, 880, 0);
        Platform.runLater(() -> {
            if (model.customer.get() == null) {
                loaded.controller().customerField().requestFocus();
            } else {
                loaded.controller().focusLine(0, 0);
            }
        });
        return dialog;
    }

    private static boolean confirmDiscard(Window owner) {
        return OwnedDialogs.confirm(owner, "Unsaved changes", "This invoice has changes that are not saved. Close it and drop them?",
                "Drop changes");
    }

    // ---- void ----

    /** Asks why the invoice is voided; empty when cancelled. The reason is required. */
    Optional<String> voidReason(Window owner) {
        TextArea reason = new TextArea();
        reason.setId("void-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText("e.g. Billed to the wrong customer");
        Form form = new Form();
        VBox field = form.field("Why is this invoice voided? (the customer's copy and the audit log keep it)", reason);
        form.rule(reason, reason.textProperty(), text -> text == null || text.isBlank()
                ? Optional.of("Say why the invoice is voided.")
                : text.strip().length() > InvoiceRepository.VOID_REASON_MAX
                ? Optional.of("At most " + InvoiceRepository.VOID_REASON_MAX + " characters.") : Optional.empty());
        Label warning = new Label("A void invoice takes no payments and cannot be reopened. Its number stays used.");
        warning.setWrapText(true);
        Dialog<String> dialog = OwnedDialogs.create(owner, "Void invoice", "void-dialog");
        ButtonType confirm = new ButtonType("Void invoice", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, OwnedDialogs.CANCEL);
        dialog.getDialogPane().setContent(new VBox(10, warning, field));
        Node button = dialog.getDialogPane().lookupButton(confirm);
        button.addEventFilter(ActionEvent.ACTION, event -> {
            if (!form.trySave(() -> { })) {
                event.consume();
            }
        });
        dialog.setResultConverter(type -> type == confirm ? reason.getText().strip() : null);
        Platform.runLater(reason::requestFocus);
        return dialog.showAndWait();
    }

    // ---- mark paid ----

    /** "Mark paid" for {@code invoice}; {@code recorded} runs once the payment is queued. */
    void markPaid(Window owner, Invoice invoice, Runnable recorded) {
        MarkPaidViewModel model = new MarkPaidViewModel(repository, tasks, companyClock, invoice);
        Form form = new Form();
        TextField amount = new TextField();
        amount.setId("mark-paid-amount");
        amount.textProperty().bindBidirectional(model.amount);
        ComboBox<PaymentMethod> method = new ComboBox<>();
        method.setId("mark-paid-method");
        method.getItems().setAll(PaymentMethod.values());
        method.valueProperty().bindBidirectional(model.method);
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(PaymentMethod value) {
                return value == null ? "" : value.label();
            }

            @Override
            public PaymentMethod fromString(String text) {
                return null;
            }
        });
        DatePicker paidOn = new DatePicker();
        paidOn.setId("mark-paid-date");
        paidOn.setConverter(DayConverter.of());
        paidOn.valueProperty().bindBidirectional(model.paidOn);
        TextField reference = new TextField();
        reference.setId("mark-paid-reference");
        reference.setPromptText("Check number, card authorisation, transfer reference (optional)");
        reference.textProperty().bindBidirectional(model.reference);
        rule(form, amount, amount.textProperty(), model::problems, "amount");
        rule(form, method, method.valueProperty(), model::problems, "method");
        rule(form, paidOn, paidOn.valueProperty(), model::problems, "paidAt");
        rule(form, reference, reference.textProperty(), model::problems, "reference");
        Label heading = new Label(model.heading() + " · balance due " + formats.money(model.balanceDue()));
        heading.setId("mark-paid-heading");
        heading.setWrapText(true);
        Label notice = new Label();
        notice.setId("mark-paid-notice");
        notice.setWrapText(true);
        notice.getStyleClass().addAll(Styles.NOTICE, Styles.NOTICE_WARNING);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        model.noticeProperty().addListener((o, before, now) -> {
            notice.setVisible(now != null);
            notice.setText(now == null ? "" : now.sentence());
            form.recheck();
        });
        Dialog<Void> dialog = OwnedDialogs.create(owner, "Mark paid", "mark-paid-dialog");
        dialog.initModality(Modality.WINDOW_MODAL);
        ButtonType record = new ButtonType("Record payment", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(record, OwnedDialogs.CANCEL);
        dialog.getDialogPane().setContent(new VBox(8, heading, form.field("_Amount", amount), form.field("_Method", method),
                form.field("_Date", paidOn), form.field("_Reference", reference), notice));
        mnemonics(dialog.getDialogPane().getContent());
        Node button = dialog.getDialogPane().lookupButton(record);
        button.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            notice.setVisible(false);
            form.trySave(() -> model.record(() -> {
                dialog.setResult(null);
                dialog.close();
                recorded.run();
            }));
        });
        Platform.runLater(() -> {
            amount.requestFocus();
            amount.selectAll();
        });
        dialog.show();
    }

    private static <T> void rule(Form form, Control control, javafx.beans.value.ObservableValue<T> value,
                                 Supplier<List<FieldError>> problems, String field) {
        form.rule(control, value, ignored -> problems.get().stream().filter(p -> p.field().equals(field))
                .map(FieldError::message).findFirst());
    }

    /** The field names made with {@link Form#field} carry mnemonics ("_Amount" → Alt+A). */
    private static void mnemonics(Node content) {
        content.lookupAll(".label").forEach(node -> {
            if (node instanceof Label label && label.getText() != null && label.getText().startsWith("_")) {
                label.setMnemonicParsing(true);
            }
        });
    }

    // ---- the PDF ----

    /** The invoice's PDF in a window of the console (page navigation, zoom, fit width, Save as…, Print…). */
    void viewPdf(Window owner, InvoiceId id, String title) {
        InvoicePdfViewModel model = viewers.get();
        InvoicePdfView view = new InvoicePdfView(model);
        view.onSaveAs(() -> model.suggestName(name -> files.ask(owner, "Save the invoice as PDF", name)
                .ifPresent(model::saveAs)));
        Dialog<Void> dialog = window(owner, title + " · PDF", (Parent) view.node(), "invoice-pdf-dialog", OwnedDialogs.CLOSE);
        dialog.getDialogPane().setPrefSize(900, 820);
        dialog.setOnHidden(e -> model.close());
        model.show(id);
        dialog.show();
        widen(dialog, 920, 860);
        Platform.runLater(view::focus);
    }

    /** A dialog's window sized to its content can come out narrower than a form or a page needs. */
    private static void widen(Dialog<?> dialog, double width, double height) {
        if (dialog.getWidth() < width) {
            dialog.setWidth(width);
        }
        if (dialog.getHeight() < height) {
            dialog.setHeight(height);
        }
    }

    private static Dialog<Void> window(Window owner, String title, Parent content, String id, ButtonType close) {
        Dialog<Void> dialog = OwnedDialogs.create(owner, title, id);
        dialog.initModality(Modality.NONE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        dialog.getDialogPane().setContent(content);
        return dialog;
    }
}
