package com.fielddesk.desktop.invoices;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.FormState;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.InvoiceDraft;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceItem;
import com.fielddesk.domain.invoices.InvoiceLine;
import com.fielddesk.domain.invoices.InvoiceMath;
import com.fielddesk.domain.invoices.InvoiceNotEditableException;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.JobToInvoice;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The invoice editor: customer (and the job it bills), the lines in order, discount, tax rate and
 * notes as the user types them; subtotal, tax, total and balance recomputed on every keystroke by
 * {@link InvoiceMath} (the server's rounding, to the cent); "Number pending" until the server's
 * number arrives. Save draft writes the invoice and all its lines in one local transaction; Issue
 * saves first, then issues; Void needs a reason. Only a draft is editable.
 */
final class InvoiceEditorViewModel {

    /** One line as typed: texts, so a half-typed number is kept and named as a problem rather than lost. */
    static final class LineRow {
        private final Optional<UUID> id;
        final StringProperty description = new SimpleStringProperty("");
        final StringProperty quantity = new SimpleStringProperty("1");
        final StringProperty unitPrice = new SimpleStringProperty("0.00");
        private final ReadOnlyStringWrapper amount = new ReadOnlyStringWrapper("");

        LineRow(Optional<UUID> id) {
            this.id = id;
        }

        ReadOnlyStringProperty amountProperty() {
            return amount.getReadOnlyProperty();
        }

        Observable[] observables() {
            return new Observable[] {description, quantity, unitPrice};
        }
    }

    private static final int CUSTOMERS_LISTED = 500;

    private final InvoiceRepository repository;
    private final BackgroundTasks tasks;
    private final Formats formats;
    private final Currency currency = InvoiceRepository.DEFAULT_CURRENCY;
    private final FormState state = new FormState();
    final ObjectProperty<InvoiceCustomer> customer = state.track(new SimpleObjectProperty<>());
    final ObservableList<InvoiceCustomer> customers = FXCollections.observableArrayList();
    final ObservableList<LineRow> lines = FXCollections.observableArrayList(LineRow::observables);
    final StringProperty discount = state.track(new SimpleStringProperty("0.00"));
    final StringProperty taxRate = state.track(new SimpleStringProperty("0"));
    final StringProperty notes = state.track(new SimpleStringProperty(""));
    private final BooleanProperty linesChanged = state.track(new SimpleBooleanProperty(false));
    private final ReadOnlyStringWrapper subtotal = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tax = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New invoice · Number pending");
    private final ReadOnlyStringWrapper linesProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper voidable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private Optional<InvoiceId> id = Optional.empty();
    private Optional<UUID> workOrder = Optional.empty();
    private Money paid;
    private Consumer<InvoiceId> onSaved = saved -> { };

    private final Consumer<InvoiceId> issued;

    private final ChangeSource changes;

    /**
     * @param changes where the editor hears that the invoice changed on this computer (e.g. the
     *                server's number arrived)
     * @param issued  runs in the background after the invoice was issued (queues its PDF's upload)
     */
    InvoiceEditorViewModel(InvoiceRepository repository, BackgroundTasks tasks, Formats formats, ChangeSource changes,
                           Consumer<InvoiceId> issued) {
        this.changes = changes;
        this.issued = issued;
        this.repository = repository;
        this.tasks = tasks;
        this.formats = formats;
        this.paid = Money.zero(currency);
        lines.addListener((javafx.collections.ListChangeListener<LineRow>) change -> {
            linesChanged.set(true);
            recompute();
        });
        discount.addListener((o, a, b) -> recompute());
        taxRate.addListener((o, a, b) -> recompute());
        recompute();
    }

    /** Lists the customers to choose from (in the background). */
    void loadCustomers() {
        tasks.run(() -> repository.customers("", CUSTOMERS_LISTED), found -> {
            InvoiceCustomer chosen = customer.get();
            customers.setAll(found);
            if (chosen != null && !customers.contains(chosen)) {
                customers.add(0, chosen);
            }
        }, failure -> notice.set(Failures.notice("Could not list the customers.", failure)));
    }

    /** A new invoice for a customer (null: the user picks one), with one empty line. */
    void startNew(InvoiceCustomer forCustomer) {
        customer.set(forCustomer);
        lines.setAll(List.of(new LineRow(Optional.empty())));
        state.markSaved();
        linesChanged.set(false);
    }

    /** "Invoice this job": its customer and the job filled in, the job's title as the first line. */
    void startFromJob(JobToInvoice job) {
        workOrder = Optional.of(job.workOrder());
        LineRow first = new LineRow(Optional.empty());
        first.description.set(job.title() == null ? "" : job.title());
        customer.set(job.customer());
        lines.setAll(List.of(first));
        title.set("New invoice for job" + job.number().map(n -> " " + n).orElse("") + " · Number pending");
        state.markSaved();
        linesChanged.set(false);
    }

    /** An existing invoice: editable while it is a draft. */
    void load(Invoice invoice) {
        id = Optional.of(invoice.id());
        paid = invoice.paid();
        customer.set(new InvoiceCustomer(invoice.summary().customerId(), invoice.summary().customerName()));
        List<LineRow> rows = new ArrayList<>();
        for (InvoiceItem item : invoice.items()) {
            LineRow row = new LineRow(Optional.of(item.id()));
            row.description.set(item.description());
            row.quantity.set(item.quantity().stripTrailingZeros().toPlainString());
            row.unitPrice.set(item.unitPrice().toPlainString());
            rows.add(row);
        }
        lines.setAll(rows);
        discount.set(invoice.discount().toPlainString());
        taxRate.set(invoice.taxRatePercent().stripTrailingZeros().toPlainString());
        notes.set(invoice.notes().orElse(""));
        InvoiceStatus status = invoice.summary().status();
        editable.set(InvoiceStatus.DRAFT.equals(status));
        voidable.set(!InvoiceStatus.VOID.equals(status));
        title.set(titleOf(invoice.summary()));
        state.markSaved();
        linesChanged.set(false);
        recompute();
    }

    private static String titleOf(InvoiceSummary summary) {
        return summary.number().map(n -> "Invoice " + n).orElse("Number pending") + " · " + summary.status().label()
                + (summary.pending() ? " · waiting to sync" : "");
    }

    /**
     * Follows the saved invoice while the editor is open: when sync brings the server's number (or
     * confirms the invoice), the title says so without reopening. Close the handle with the editor.
     */
    AutoCloseable followChanges() {
        return changes.subscribe(InvoiceRepository.READS.stream().map(Table::name).toList(),
                touched -> tasks.onUi(this::refreshTitle));
    }

    private void refreshTitle() {
        if (id.isEmpty() || busy.get()) {
            return;
        }
        InvoiceId shown = id.get();
        tasks.run(() -> repository.invoice(shown).map(Invoice::summary), summary -> summary
                .filter(now -> id.equals(Optional.of(now.id())) && !busy.get())
                .ifPresent(now -> title.set(titleOf(now))),
                failure -> notice.set(Failures.notice("Could not read the invoice again.", failure)));
    }

    void onSaved(Consumer<InvoiceId> saved) {
        this.onSaved = saved;
    }

    // ---- lines ----

    /** Adds an empty line after {@code index} (at the end when -1); returns its index. */
    int addLine(int index) {
        int at = index < 0 ? lines.size() : index + 1;
        lines.add(at, new LineRow(Optional.empty()));
        return at;
    }

    void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    /** Moves a line one place up (-1) or down (+1); returns its new index. */
    int moveLine(int index, int by) {
        int to = index + by;
        if (index < 0 || index >= lines.size() || to < 0 || to >= lines.size()) {
            return index;
        }
        LineRow row = lines.remove(index);
        lines.add(to, row);
        return to;
    }

    // ---- the numbers ----

    private void recompute() {
        List<InvoiceMath.Line> math = new ArrayList<>();
        for (LineRow row : lines) {
            Optional<BigDecimal> quantity = decimal(row.quantity.get());
            Optional<BigDecimal> price = decimal(row.unitPrice.get());
            if (quantity.isPresent() && price.isPresent()) {
                InvoiceMath.Line line = new InvoiceMath.Line(quantity.get(), Money.of(price.get(), currency));
                math.add(line);
                row.amount.set(formats.money(line.lineTotal()));
            } else {
                row.amount.set("—");
            }
        }
        Money discountMoney = Money.of(decimal(discount.get()).orElse(BigDecimal.ZERO), currency);
        InvoiceMath.Totals totals = InvoiceMath.compute(currency, math, discountMoney,
                decimal(taxRate.get()).orElse(BigDecimal.ZERO), paid);
        subtotal.set(formats.money(totals.subtotal()));
        tax.set(formats.money(totals.tax()));
        total.set(formats.money(totals.total()));
        balance.set(formats.money(totals.balanceDue()));
        linesProblem.set(problems().stream().filter(p -> p.field().startsWith("lines")).findFirst()
                .map(p -> lineLabel(p.field()) + p.message()).orElse(""));
    }

    private static String lineLabel(String field) {
        int open = field.indexOf('[');
        int close = field.indexOf(']');
        if (open < 0 || close < open) {
            return "";
        }
        return "Line " + (Integer.parseInt(field.substring(open + 1, close)) + 1) + ": ";
    }

    /** The editor as a draft, when every number reads. */
    Optional<InvoiceDraft> draft() {
        if (customer.get() == null) {
            return Optional.empty();
        }
        List<InvoiceLine> drafted = new ArrayList<>();
        for (LineRow row : lines) {
            Optional<BigDecimal> quantity = decimal(row.quantity.get());
            Optional<BigDecimal> price = decimal(row.unitPrice.get());
            if (quantity.isEmpty() || price.isEmpty()) {
                return Optional.empty();
            }
            drafted.add(new InvoiceLine(row.id, row.description.get(), quantity.get(), Money.of(price.get(), currency)));
        }
        Optional<BigDecimal> discountValue = decimal(discount.get());
        Optional<BigDecimal> rate = decimal(taxRate.get());
        if (discountValue.isEmpty() || rate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceDraft(customer.get().id(), workOrder, currency, drafted,
                Money.of(discountValue.get(), currency), rate.get(), notes.get()));
    }

    /** Every problem, with the field it belongs to ("customer", "lines[2].quantity", "discount" …). */
    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (customer.get() == null) {
            problems.add(new FieldError("customer", "Choose the customer to bill."));
        }
        for (int i = 0; i < lines.size(); i++) {
            LineRow row = lines.get(i);
            if (decimal(row.quantity.get()).isEmpty()) {
                problems.add(new FieldError("lines[" + i + "].quantity", "A quantity is a number, like 2 or 1.5."));
            }
            if (decimal(row.unitPrice.get()).isEmpty()) {
                problems.add(new FieldError("lines[" + i + "].unitPrice", "A price is an amount, like 149.99."));
            }
        }
        if (decimal(discount.get()).isEmpty()) {
            problems.add(new FieldError("discount", "A discount is an amount, like 10.00 (or 0)."));
        }
        if (decimal(taxRate.get()).isEmpty()) {
            problems.add(new FieldError("taxRate", "A tax rate is a percentage, like 8.875 (or 0)."));
        }
        if (problems.isEmpty()) {
            draft().ifPresent(draft -> problems.addAll(draft.problems()));
        }
        return problems;
    }

    /** "1,234.50", "$12", "8.875 %" and "" (read as nothing) — what people type for an amount. */
    static Optional<BigDecimal> decimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replace(",", "").replace("$", "").replace("%", "").strip();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    // ---- commands ----

    /** Saves the draft (invoice and lines, one local transaction); false when a field has a problem. */
    boolean saveDraft() {
        return write(false);
    }

    /** Saves, then issues: the server numbers and dates it with the next sync. */
    boolean issue() {
        return write(true);
    }

    private boolean write(boolean thenIssue) {
        Optional<InvoiceDraft> draft = draft();
        if (draft.isEmpty() || !problems().isEmpty() || busy.get()) {
            return false;
        }
        Optional<InvoiceId> existing = id;
        boolean dirty = state.isDirty() || existing.isEmpty();
        busy.set(true);
        tasks.run(() -> {
            InvoiceId saved = existing.orElse(null);
            if (saved == null) {
                saved = repository.createDraft(draft.get());
            } else if (dirty) {
                repository.saveDraft(saved, draft.get());
            }
            if (thenIssue) {
                repository.issue(saved);
                issued.accept(saved);
            }
            return saved;
        }, saved -> {
            busy.set(false);
            id = Optional.of(saved);
            state.markSaved();
            linesChanged.set(false);
            if (thenIssue) {
                editable.set(false);
                voidable.set(true);
                title.set("Number pending · Issued · waiting to sync");
            } else {
                title.set("Number pending · Draft · waiting to sync");
            }
            notice.set(Notice.success(thenIssue ? "Issued. The server numbers and dates it with the next sync."
                    : "Draft saved. The server gives it its number with the next sync."));
            onSaved.accept(saved);
            refreshTitle();
        }, failure -> {
            busy.set(false);
            notice.set(refusal(thenIssue ? "Could not issue the invoice." : "Could not save the draft.", failure));
        });
        return true;
    }

    /** Voids the saved invoice with {@code reason}; false when there is nothing to void or no reason. */
    boolean voidInvoice(String reason) {
        if (id.isEmpty() || reason == null || reason.isBlank() || busy.get()) {
            return false;
        }
        InvoiceId voided = id.get();
        busy.set(true);
        tasks.run(() -> {
            repository.voidInvoice(voided, reason);
            return voided;
        }, done -> {
            busy.set(false);
            editable.set(false);
            voidable.set(false);
            title.set(title.get().replaceFirst(" · (Draft|Issued|Paid)", " · Void"));
            notice.set(Notice.success("Voided. A void invoice takes no payments and cannot be reopened."));
            onSaved.accept(done);
        }, failure -> {
            busy.set(false);
            notice.set(refusal("Could not void the invoice.", failure));
        });
        return true;
    }

    static Notice refusal(String whatFailed, Exception failure) {
        if (failure instanceof InvoiceNotEditableException refused) {
            return Notice.warning(refused.sentence());
        }
        if (failure instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return Notice.warning(invalid.errors().get(0).message());
        }
        return Failures.notice(whatFailed, failure);
    }

    // ---- read-only state ----

    Optional<InvoiceId> id() {
        return id;
    }

    FormState state() {
        return state;
    }

    ReadOnlyStringProperty subtotalProperty() {
        return subtotal.getReadOnlyProperty();
    }

    ReadOnlyStringProperty taxProperty() {
        return tax.getReadOnlyProperty();
    }

    ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyStringProperty linesProblemProperty() {
        return linesProblem.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty voidableProperty() {
        return voidable.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
