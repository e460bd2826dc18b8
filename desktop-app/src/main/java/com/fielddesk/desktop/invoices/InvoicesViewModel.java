package com.fielddesk.desktop.invoices;

import com.fielddesk.cache.query.Table;
import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.InvoiceFilter;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceNotEditableException;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceSort;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.JobToInvoice;
import com.fielddesk.domain.invoices.PaymentStatus;
import com.fielddesk.domain.invoices.pdf.InvoicePdfUploads;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.Callable;

/**
 * Invoices: the list (a status, a payment status, a customer, an issue-date range in company days,
 * overdue on the company's today, search — in SQL, live), the count
 * and exact totals of what is listed, and the selected invoice with its lines, payments and balance
 * and where its PDF is (stored, waiting offline, failed and why — read from the upload queue, live);
 * a draft can be issued and an invoice voided, queued locally at once; a failed upload is retried.
 */
final class InvoicesViewModel implements AutoCloseable {

    static final int SHOWN = 200;

    /** How many customers the customer filter offers for what was typed. */
    static final int CUSTOMERS_OFFERED = 50;

    private final InvoiceRepository repository;
    private final BackgroundTasks tasks;
    private final Formats formats;
    private final Clock companyClock;
    private final ObjectProperty<InvoiceStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<PaymentStatus> paymentStatus = new SimpleObjectProperty<>();
    private final ObjectProperty<InvoiceCustomer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> issuedFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> issuedTo = new SimpleObjectProperty<>();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<InvoiceCustomer> customerChoices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private long customerLookups;
    private boolean clearing;
    private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Invoice> selected = new ReadOnlyObjectWrapper<>();
    private final LiveList<InvoiceSummary> rows;
    private final LiveList<Invoice> detail;
    private final ReadOnlyBooleanWrapper mayRemovePayments = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper voidReason = new ReadOnlyStringWrapper("");
    private Optional<InvoiceId> selectedId = Optional.empty();

    private final InvoicePdfUploads uploads;
    private final BackgroundTasks uploadTasks;
    private boolean draining;
    private boolean drainAgain;

    private final javafx.beans.value.ObservableBooleanValue online;
    private final Navigator navigator;
    private final javafx.beans.value.ChangeListener<Boolean> backOnline = (o, was, now) -> {
        readPdfState();
        if (now) {
            drainUploads();
        }
    };
    private final ReadOnlyStringWrapper pdfState = new ReadOnlyStringWrapper("");

    /** After a failed upload (online), the queue is tried again this much later. */
    static final java.time.Duration RETRY_UPLOADS_AFTER = java.time.Duration.ofSeconds(20);
    private boolean retryScheduled;
    private boolean closed;

    /**
     * @param uploadTasks where the queued PDFs are made and uploaded (the PDF thread)
     * @param online      whether the server is reachable (offline, the upload queue is not tried)
     * @param navigator   opens the audit log's History of an invoice
     */
    InvoicesViewModel(InvoiceRepository repository, BackgroundTasks tasks, ChangeSource changes, Formats formats,
                      Clock companyClock, InvoicePdfUploads uploads, BackgroundTasks uploadTasks,
                      javafx.beans.value.ObservableBooleanValue online, Navigator navigator) {
        this.online = online;
        this.navigator = navigator;
        this.uploads = uploads;
        this.uploadTasks = uploadTasks;
        this.repository = repository;
        this.tasks = tasks;
        this.formats = formats;
        this.companyClock = companyClock;
        String[] tables = InvoiceRepository.READS.stream().map(Table::name).toArray(String[]::new);
        rows = LiveList.<InvoiceSummary>of(tasks, InvoiceSummary::id).describedAs("the invoices").query(query())
                .reloadOnChangesTo(changes, tables).reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        detail = LiveList.<Invoice>of(tasks, Invoice::id).describedAs("the invoice").query(List::of)
                .reloadOnChangesTo(changes, tables).build();
        rows.onUpdate(() -> {
            sum();
            drainUploads();
        });
        detail.items().addListener((javafx.collections.ListChangeListener<Invoice>) change ->
                selected.set(detail.items().isEmpty() ? null : detail.items().get(0)));
        selected.addListener((o, before, now) -> {
            readVoidReason(now);
            readPdfState();
        });
        for (javafx.beans.Observable filterPart : List.of(status, paymentStatus, customer, issuedFrom, issuedTo, overdueOnly, search)) {
            filterPart.addListener(changed -> filterChanged());
        }
    }

    private void filterChanged() {
        if (clearing) {
            return;
        }
        LocalDate from = issuedFrom.get();
        LocalDate to = issuedTo.get();
        filterProblem.set(from != null && to != null && to.isBefore(from)
                ? "The last issue day is before the first, so no invoice can match." : "");
        rows.requery(query());
    }

    /** Every filter back to "everything": one new read of the list and its totals. */
    void clearFilters() {
        clearing = true;
        try {
            status.set(null);
            paymentStatus.set(null);
            customer.set(null);
            issuedFrom.set(null);
            issuedTo.set(null);
            overdueOnly.set(false);
            search.set("");
        } finally {
            clearing = false;
        }
        filterChanged();
    }

    /**
     * The customers whose name holds {@code typed} (blank: the first ones by name), for the
     * customer filter's type-ahead; a newer lookup wins over one still running.
     */
    void findCustomers(String typed) {
        long lookup = ++customerLookups;
        String text = typed == null ? "" : typed;
        tasks.run(() -> repository.customers(text, CUSTOMERS_OFFERED), found -> {
            if (lookup == customerLookups) {
                customerChoices.setAll(found);
            }
        }, failure -> filterProblem.set(Failures.sentence("Could not look up the customers.", failure)));
    }

    void start() {
        rows.start();
        detail.start();
        tasks.run(repository::mayRemovePayments, mayRemovePayments::set, failure -> mayRemovePayments.set(false));
        online.addListener(backOnline);
    }

    /** The company's today (an invoice is overdue by the company's calendar, not this computer's). */
    LocalDate today() {
        return LocalDate.now(companyClock);
    }

    private InvoiceFilter filter() {
        InvoiceFilter filter = InvoiceFilter.all().withText(search.get())
                .withIssueDates(Optional.ofNullable(issuedFrom.get()), Optional.ofNullable(issuedTo.get()));
        if (status.get() != null) {
            filter = filter.withStatuses(Set.of(status.get()));
        }
        if (paymentStatus.get() != null) {
            filter = filter.withPaymentStatuses(Set.of(paymentStatus.get()));
        }
        if (customer.get() != null) {
            filter = filter.withCustomer(customer.get().id());
        }
        return overdueOnly.get() ? filter.overdueOn(today()) : filter;
    }

    private Callable<List<InvoiceSummary>> query() {
        InvoiceFilter filter = filter();
        return () -> repository.list(filter, InvoiceSort.NUMBER, SHOWN);
    }

    private void readVoidReason(Invoice invoice) {
        voidReason.set("");
        if (invoice != null && InvoiceStatus.VOID.equals(invoice.summary().status())) {
            InvoiceId id = invoice.id();
            tasks.run(() -> repository.voidReason(id), reason -> {
                if (selectedId.map(id::equals).orElse(false)) {
                    voidReason.set(reason.map(why -> "Voided: " + why).orElse(""));
                }
            }, failure -> voidReason.set(""));
        }
    }

    private void sum() {
        InvoiceFilter filter = filter();
        int shown = rows.items().size();
        tasks.run(() -> repository.totals(filter), totals -> {
            String invoices = formats.number(totals.count()) + (totals.count() == 1 ? " invoice" : " invoices");
            totalsText.set((shown < totals.count() ? "Showing " + formats.number(shown) + " of " + invoices : invoices)
                    + " · total " + formats.money(totals.total()) + " · due " + formats.money(totals.balanceDue()));
        }, failure -> totalsText.set(Failures.sentence("Could not add up the invoices.", failure)));
    }

    void show(InvoiceId id) {
        selectedId = Optional.of(id);
        notice.set("");
        detail.requery(() -> repository.invoice(id).map(List::of).orElse(List.of()));
    }

    void issue() {
        act(id -> {
            repository.issue(id);
            uploads.queue(id);
        }, "Issued. The server numbers and dates it with the next sync.", this::drainUploads);
    }

    /**
     * Reads where the selected invoice's PDF is (the upload queue, then {@code pdf_path}) into
     * {@link #pdfStateProperty}: again whenever the selection, the invoice, the connection or the
     * queue (each drain) changes.
     */
    private void readPdfState() {
        Invoice invoice = selected.get();
        if (invoice == null) {
            pdfState.set("");
            return;
        }
        InvoiceId id = invoice.id();
        tasks.run(() -> uploads.state(id), state -> {
            if (selectedId.map(id::equals).orElse(false)) {
                pdfState.set(pdfStateText(state, online.get()));
            }
        }, failure -> pdfState.set(Failures.sentence("Could not read where this invoice's PDF is.", failure)));
    }

    static String pdfStateText(InvoicePdfUploads.UploadState state, boolean online) {
        return switch (state.where()) {
            case STORED -> "PDF stored";
            case NOT_QUEUED -> "";
            case WAITING, FAILED -> !online ? "PDF upload waiting (offline), will upload when back online"
                    : state.failure().map(why -> "PDF upload failed: " + why + " Retrying.")
                    .orElse("PDF upload waiting for the server to number and issue the invoice");
        };
    }

    /** Where the selected invoice's PDF is: stored, waiting (offline), failed and why (retrying); empty for none. */
    ReadOnlyStringProperty pdfStateProperty() {
        return pdfState.getReadOnlyProperty();
    }

    /**
     * Moves the PDF upload queue (one drain at a time; a request during a drain runs one more
     * after it). Offline it stops at the first upload that fails, and waits for the next call.
     */
    void drainUploads() {
        readPdfState();
        if (!online.get()) {
            return;
        }
        if (draining) {
            drainAgain = true;
            return;
        }
        draining = true;
        uploadTasks.run(() -> uploads.drain(Failures::sentence), drained -> finishDrain(drained.failed()), failure -> {
            notice.set(Failures.sentence("Could not upload an issued invoice's PDF; it stays queued.", failure));
            finishDrain(true);
        });
    }

    private void finishDrain(boolean failed) {
        draining = false;
        readPdfState();
        if (failed && !retryScheduled && !closed) {
            retryScheduled = true;
            tasks.onUiAfter(RETRY_UPLOADS_AFTER, () -> {
                retryScheduled = false;
                if (!closed) {
                    drainUploads();
                }
            });
        }
        if (drainAgain) {
            drainAgain = false;
            drainUploads();
        }
    }

    void voidInvoice(String reason) {
        act(id -> repository.voidInvoice(id, reason), "Voided. A void invoice takes no payments and cannot be reopened.");
    }

    /** Removes a payment recorded by mistake (managers); the balance and payment status follow. */
    void removePayment(UUID payment) {
        act(id -> repository.removePayment(id, payment), "Payment removed. The balance due is back up by its amount.");
    }

    /** "Invoice this job": the job's customer and title, read in the background, then {@code then} on the FX thread. */
    void jobToInvoice(UUID workOrder, Consumer<JobToInvoice> then) {
        tasks.run(() -> repository.jobToInvoice(workOrder), found -> found.ifPresentOrElse(then,
                        () -> notice.set("This job is not on this computer yet; sync, then try again.")),
                failure -> notice.set(Failures.sentence("Could not read the job.", failure)));
    }

    /** A save in the editor: show that invoice (the list follows by itself). */
    void saved(InvoiceId id) {
        if (selectedId.map(id::equals).orElse(false)) {
            detail.requery(() -> repository.invoice(id).map(List::of).orElse(List.of()));
            readPdfState();
        } else {
            show(id);
        }
    }

    Optional<Invoice> selectedInvoice() {
        return Optional.ofNullable(selected.get());
    }

    ReadOnlyBooleanProperty mayRemovePaymentsProperty() {
        return mayRemovePayments.getReadOnlyProperty();
    }

    ReadOnlyStringProperty voidReasonProperty() {
        return voidReason.getReadOnlyProperty();
    }

    private void act(java.util.function.Consumer<InvoiceId> action, String done) {
        act(action, done, () -> { });
    }

    private void act(java.util.function.Consumer<InvoiceId> action, String done, Runnable then) {
        InvoiceId id = selectedId.orElse(null);
        if (id == null) {
            return;
        }
        tasks.run(() -> {
            action.accept(id);
            return done;
        }, said -> {
            notice.set(said);
            then.run();
        }, failure -> notice.set(failure instanceof InvoiceNotEditableException refused
                ? refused.sentence() : Failures.sentence("Could not change the invoice.", failure)));
    }

    ObjectProperty<InvoiceStatus> statusProperty() {
        return status;
    }

    ObjectProperty<PaymentStatus> paymentStatusProperty() {
        return paymentStatus;
    }

    /** The customer whose invoices are listed (null: everyone's). */
    ObjectProperty<InvoiceCustomer> customerProperty() {
        return customer;
    }

    /** The customers the customer filter offers for what was typed last ({@link #findCustomers}). */
    ObservableList<InvoiceCustomer> customerChoices() {
        return customerChoices;
    }

    /** The first company day of the issue-date range (null: open). */
    ObjectProperty<LocalDate> issuedFromProperty() {
        return issuedFrom;
    }

    /** The last company day of the issue-date range, included (null: open). */
    ObjectProperty<LocalDate> issuedToProperty() {
        return issuedTo;
    }

    /** Why the filters cannot find anything as set (empty when they can). */
    ReadOnlyStringProperty filterProblemProperty() {
        return filterProblem.getReadOnlyProperty();
    }

    BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    StringProperty searchProperty() {
        return search;
    }

    ObservableList<InvoiceSummary> items() {
        return rows.items();
    }

    ReadOnlyStringProperty totalsTextProperty() {
        return totalsText.getReadOnlyProperty();
    }

    /** Whether this role sees the audit log, so the selected invoice's History can be offered (supervisors and admins). */
    boolean mayShowHistory() {
        return navigator.canOpen(RecordKind.INVOICE_HISTORY);
    }

    /** Opens the audit log filtered to the selected invoice: every change of it, who made it and when. */
    void showHistory() {
        selectedId.ifPresent(id -> navigator.open(new RecordRef(RecordKind.INVOICE_HISTORY, id.value().toString()))
                .ifPresent(notice::set));
    }

    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Invoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    Formats formats() {
        return formats;
    }

    @Override
    public void close() {
        closed = true;
        online.removeListener(backOnline);
        rows.close();
        detail.close();
    }
}
