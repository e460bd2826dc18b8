package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.app.feature.Navigator;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.app.feature.WorkOrderRequest;
import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.FormState;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.customers.AddressDetails;
import com.fielddesk.domain.customers.Customer;
import com.fielddesk.domain.customers.CustomerAddress;
import com.fielddesk.domain.customers.CustomerAddressId;
import com.fielddesk.domain.customers.CustomerDetails;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.customers.CustomerInvoice;
import com.fielddesk.domain.customers.CustomerJob;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.customers.CustomerThread;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * One customer: the contact fields as an editable form (validated by the domain's rules before
 * anything is queued; Save writes the cache and the outbox in one transaction, offline too), the
 * addresses, and the customer's jobs, invoices and threads, each reloading when its table changes.
 * A change from elsewhere (sync, another screen) refreshes the form unless the user is editing it.
 */
final class CustomerDetailViewModel implements AutoCloseable {

    private final CustomerRepository repository;
    private final Navigator navigator;
    private final ObjectProperty<CustomerId> shown = new SimpleObjectProperty<>();
    private final LiveList<Customer> customer;
    private final LiveList<CustomerAddress> addresses;
    private final LiveList<CustomerJob> jobs;
    private final LiveList<CustomerInvoice> invoices;
    private final LiveList<CustomerThread> threads;

    private final FormState form = new FormState();
    private final StringProperty fullName = form.track(new SimpleStringProperty(""));
    private final StringProperty email = form.track(new SimpleStringProperty(""));
    private final StringProperty phone = form.track(new SimpleStringProperty(""));
    private final StringProperty notes = form.track(new SimpleStringProperty(""));
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayDelete = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper mayShowHistory = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final AsyncCommand<String> save;
    private final AsyncCommand<String> delete;
    private final AsyncCommand<String> saveAddress;
    private final BackgroundTasks tasks;
    private final SyncState sync;

    CustomerDetailViewModel(CustomerRepository repository, Navigator navigator, BackgroundTasks tasks, ChangeSource changes,
                            SyncState sync) {
        this.repository = repository;
        this.navigator = navigator;
        this.tasks = tasks;
        this.sync = sync;
        customer = LiveList.<Customer>of(tasks, Customer::id).describedAs("the customer")
                .query(List::of).reloadOnChangesTo(changes, "customers", "customer_addresses").build();
        addresses = LiveList.<CustomerAddress>of(tasks, CustomerAddress::id).describedAs("the addresses")
                .query(List::of).reloadOnChangesTo(changes, "customer_addresses").build();
        jobs = LiveList.<CustomerJob>of(tasks, CustomerJob::id).describedAs("the customer's jobs and quotes")
                .query(List::of).reloadOnChangesTo(changes, "work_orders")
                .reloadAtMostEvery(LiveList.SCREEN_RELOAD_GAP).build();
        invoices = LiveList.<CustomerInvoice>of(tasks, CustomerInvoice::id).describedAs("the customer's invoices")
                .query(List::of).reloadOnChangesTo(changes, "invoices").build();
        threads = LiveList.<CustomerThread>of(tasks, CustomerThread::id).describedAs("the customer's message threads")
                .query(List::of).reloadOnChangesTo(changes, "customer_threads").build();
        customer.onUpdate(this::loaded);
        BooleanBinding hasCustomer = shown.isNotNull();
        save = new AsyncCommand<>(tasks, hasCustomer.and(form.dirtyProperty()), this::savedNotice);
        delete = new AsyncCommand<>(tasks, hasCustomer.and(mayDelete), what -> Notice.success(what));
        saveAddress = new AsyncCommand<>(tasks, hasCustomer, this::savedNotice);
        for (AsyncCommand<String> command : List.of(save, delete, saveAddress)) {
            command.noticeProperty().addListener((o, before, now) -> {
                if (now != null) {
                    notice.set(now);
                }
            });
        }
    }

    void start() {
        tasks.run(repository::mayDelete, mayDelete::set, failure -> mayDelete.set(false));
        for (LiveList<?> list : List.of(customer, addresses, jobs, invoices, threads)) {
            list.start();
        }
    }

    /** Shows this customer (null: none). Unsaved edits of the previous one are dropped. */
    void show(CustomerId id) {
        notice.set(null);
        shown.set(id);
        // The audit log's History is there for the roles that see the audit log (supervisors and admins).
        mayShowHistory.set(id != null && navigator.canOpen(RecordKind.CUSTOMER_HISTORY));
        if (id == null) {
            customer.requery(List::of);
            addresses.requery(List::of);
            jobs.requery(List::of);
            invoices.requery(List::of);
            threads.requery(List::of);
            return;
        }
        forceReload = true;
        customer.requery(() -> repository.customer(id).map(List::of).orElse(List.of()));
        addresses.requery(() -> repository.addresses(id));
        jobs.requery(() -> repository.jobs(id));
        invoices.requery(() -> repository.invoices(id));
        threads.requery(() -> repository.threads(id));
    }

    private boolean forceReload;

    /** The customer's row (re)loaded: the form follows it unless the user has unsaved edits. */
    private void loaded() {
        Optional<Customer> current = customer.items().stream().findFirst();
        pending.set(current.map(Customer::pending).orElse(false));
        if (current.isEmpty()) {
            return;
        }
        if (forceReload || !form.isDirty()) {
            forceReload = false;
            CustomerDetails details = current.get().details();
            fullName.set(nonNull(details.fullName()));
            email.set(nonNull(details.email()));
            phone.set(nonNull(details.phone()));
            notes.set(nonNull(details.notes()));
            form.markSaved();
        }
    }

    /** The contact fields as typed, cleaned by the domain. */
    CustomerDetails details() {
        return new CustomerDetails(fullName.get(), email.get(), phone.get(), notes.get());
    }

    List<FieldError> problems() {
        return details().problems();
    }

    /** Saves the contact fields (Ctrl+S); false when a field is invalid — nothing is queued then. */
    boolean save() {
        CustomerId id = shown.get();
        CustomerDetails details = details();
        if (id == null || !details.problems().isEmpty()) {
            return false;
        }
        return save.run(() -> () -> {
            repository.update(id, details);
            tasks.onUi(form::markSaved);
            return "Saved";
        });
    }

    /** Puts the fields back as they were loaded (Esc). */
    void revert() {
        form.revert();
        notice.set(null);
    }

    /** Adds an address ({@code existing} empty) or changes one. */
    boolean saveAddress(Optional<CustomerAddressId> existing, AddressDetails address) {
        CustomerId id = shown.get();
        if (id == null || !address.problems().isEmpty()) {
            return false;
        }
        return saveAddress.run(() -> () -> {
            if (existing.isPresent()) {
                repository.updateAddress(existing.get(), address);
                return "Address saved";
            }
            repository.addAddress(id, address);
            return "Address added";
        });
    }

    /** Deletes the customer (managers only; others are told why the button is off). */
    boolean delete() {
        CustomerId id = shown.get();
        String name = fullName.get();
        return delete.run(() -> () -> {
            repository.delete(id);
            return "Deleted " + name + ".";
        });
    }

    /** Opens a job, invoice or thread in its own section; the navigator says when there is none yet. */
    void open(RecordKind kind, String id) {
        navigator.open(new RecordRef(kind, id)).ifPresent(why -> notice.set(Notice.info(why)));
    }

    /** Opens the audit log filtered to the shown customer: every change of them, who made it and when. */
    void showHistory() {
        CustomerId id = shown.get();
        if (id != null) {
            open(RecordKind.CUSTOMER_HISTORY, id.value().toString());
        }
    }

    /** A new job or quote for the shown customer, in Jobs (through the navigator: features do not know each other). */
    void newWorkOrder(boolean quote) {
        CustomerId id = shown.get();
        if (id != null) {
            navigator.newWorkOrder(WorkOrderRequest.forCustomer(quote, id.value())).ifPresent(why -> notice.set(Notice.info(why)));
        }
    }

    private Notice savedNotice(String what) {
        return sync.onlineProperty().get() ? Notice.success(what + ". It is on its way to the server.")
                : Notice.success(what + " on this computer. It goes to the server when the connection is back.");
    }

    String deleteExplanation() {
        return mayDelete.get() ? "Delete this customer (their jobs and invoices stay in the history)."
                : "Only a supervisor or an admin can delete a customer.";
    }

    ObjectProperty<CustomerId> shownProperty() {
        return shown;
    }

    StringProperty fullNameProperty() {
        return fullName;
    }

    StringProperty emailProperty() {
        return email;
    }

    StringProperty phoneProperty() {
        return phone;
    }

    StringProperty notesProperty() {
        return notes;
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return form.dirtyProperty();
    }

    ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty mayShowHistoryProperty() {
        return mayShowHistory.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty mayDeleteProperty() {
        return mayDelete.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    BooleanBinding canSave() {
        return save.canRunBinding();
    }

    BooleanBinding canDelete() {
        return delete.canRunBinding();
    }

    BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> save.busyProperty().get() || delete.busyProperty().get(),
                save.busyProperty(), delete.busyProperty());
    }

    ObservableList<CustomerAddress> addresses() {
        return addresses.items();
    }

    ObservableList<CustomerJob> jobs() {
        return jobs.items();
    }

    ObservableList<CustomerInvoice> invoices() {
        return invoices.items();
    }

    ObservableList<CustomerThread> threads() {
        return threads.items();
    }

    LiveList<Customer> customer() {
        return customer;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    @Override
    public void close() {
        for (LiveList<?> list : List.of(customer, addresses, jobs, invoices, threads)) {
            list.close();
        }
    }
}
