package com.fielddesk.desktop.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.customers.AddressDetails;
import com.fielddesk.domain.customers.CustomerAddress;
import com.fielddesk.domain.customers.CustomerDetails;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.domain.customers.CustomerSort;
import com.fielddesk.domain.customers.CustomerSummary;
import com.fielddesk.domain.customers.JobRequest;
import com.fielddesk.domain.customers.PhoneIntake;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.LiveList;
import com.fielddesk.desktop.ui.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Phone intake: while the caller talks, the CSR finds them (or takes down a new customer), picks
 * one of their addresses (or a new one) and writes down the job; submitting writes customer,
 * address and job in one local transaction — offline too — shown as pending until synced.
 */
final class PhoneIntakeViewModel implements AutoCloseable {

    private final CustomerRepository repository;
    final StringProperty callerSearch = new SimpleStringProperty("");
    final ObjectProperty<CustomerSummary> existingCustomer = new SimpleObjectProperty<>();
    /** null: a new address. */
    final ObjectProperty<CustomerAddress> existingAddress = new SimpleObjectProperty<>();
    final StringProperty fullName = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final NewCustomerViewModel.AddressFields address = new NewCustomerViewModel.AddressFields();
    final StringProperty title = new SimpleStringProperty("");
    final StringProperty description = new SimpleStringProperty("");
    final ObjectProperty<Priority> priority = new SimpleObjectProperty<>(Priority.NORMAL);
    final StringProperty tradeNotes = new SimpleStringProperty("");
    private final LiveList<CustomerSummary> matches;
    private final LiveList<CustomerAddress> addresses;
    private final AsyncCommand<PhoneIntake.Written> submit;
    private Consumer<PhoneIntake.Written> onWritten = written -> { };

    PhoneIntakeViewModel(CustomerRepository repository, BackgroundTasks tasks) {
        this.repository = repository;
        matches = LiveList.<CustomerSummary>of(tasks, CustomerSummary::id).describedAs("the matching customers")
                .query(List::of).build();
        addresses = LiveList.<CustomerAddress>of(tasks, CustomerAddress::id).describedAs("the customer's addresses")
                .query(List::of).build();
        callerSearch.addListener((o, before, now) -> {
            String text = now == null ? "" : now.strip();
            matches.requery(text.length() < 2 ? List::of : () -> repository.list(text, CustomerSort.NAME, 8));
        });
        existingCustomer.addListener((o, before, now) -> {
            existingAddress.set(null);
            addresses.requery(now == null ? List::of : () -> repository.addresses(now.id()));
        });
        submit = new AsyncCommand<>(tasks, Bindings.createBooleanBinding(() -> true), written -> {
            onWritten.accept(written);
            return Notice.success("Request taken: the job is in the customer's list.");
        });
    }

    PhoneIntake intake() {
        CustomerSummary picked = existingCustomer.get();
        CustomerAddress pickedAddress = picked == null ? null : existingAddress.get();
        return new PhoneIntake(Optional.ofNullable(picked).map(CustomerSummary::id),
                new CustomerDetails(fullName.get(), email.get(), phone.get(), null),
                Optional.ofNullable(pickedAddress).map(CustomerAddress::id),
                pickedAddress == null ? address.details() : new AddressDetails(null, null, null, null, null, null),
                new JobRequest(title.get(), description.get(), priority.get(), tradeNotes.get()));
    }

    List<FieldError> problems() {
        return intake().problems();
    }

    /** Writes the request when every field is valid; {@code written} runs on the FX thread after. */
    boolean submit(Consumer<PhoneIntake.Written> written) {
        PhoneIntake intake = intake();
        if (!intake.problems().isEmpty()) {
            return false;
        }
        onWritten = written;
        return submit.run(() -> () -> repository.phoneIntake(intake));
    }

    ObservableList<CustomerSummary> matches() {
        return matches.items();
    }

    ObservableList<CustomerAddress> addresses() {
        return addresses.items();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return submit.noticeProperty();
    }

    void start() {
        matches.start();
        addresses.start();
    }

    @Override
    public void close() {
        matches.close();
        addresses.close();
    }
}
