package com.fielddesk.desktop.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.customers.AddressDetails;
import com.fielddesk.domain.customers.CustomerDetails;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.customers.CustomerRepository;
import com.fielddesk.desktop.ui.AsyncCommand;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Notice;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The New customer form: contact fields and an optional first address (left out when street and
 * postal code are both empty), checked by the domain's rules, created in one local transaction.
 */
final class NewCustomerViewModel {

    private final CustomerRepository repository;
    final StringProperty fullName = new SimpleStringProperty("");
    final StringProperty phone = new SimpleStringProperty("");
    final StringProperty email = new SimpleStringProperty("");
    final StringProperty notes = new SimpleStringProperty("");
    final AddressFields address = new AddressFields();
    private final AsyncCommand<CustomerId> create;
    private Consumer<CustomerId> onCreated = id -> { };

    NewCustomerViewModel(CustomerRepository repository, BackgroundTasks tasks) {
        this.repository = repository;
        create = new AsyncCommand<>(tasks, Bindings.createBooleanBinding(() -> true), id -> {
            onCreated.accept(id);
            return Notice.success("Customer created.");
        });
    }

    CustomerDetails details() {
        return new CustomerDetails(fullName.get(), email.get(), phone.get(), notes.get());
    }

    Optional<AddressDetails> firstAddress() {
        return address.isBlank() ? Optional.empty() : Optional.of(address.details());
    }

    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>(details().problems());
        firstAddress().ifPresent(a -> problems.addAll(a.problems()));
        return problems;
    }

    /** Creates the customer when every field is valid; {@code created} runs on the FX thread after. */
    boolean create(Consumer<CustomerId> created) {
        if (!problems().isEmpty()) {
            return false;
        }
        onCreated = created;
        CustomerDetails details = details();
        Optional<AddressDetails> first = firstAddress();
        return create.run(() -> () -> repository.create(details, first));
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return create.noticeProperty();
    }

    /** An address form's fields (new customer, phone intake, add address). */
    static final class AddressFields {
        final StringProperty label = new SimpleStringProperty("");
        final StringProperty street = new SimpleStringProperty("");
        final StringProperty city = new SimpleStringProperty("");
        final StringProperty region = new SimpleStringProperty("");
        final StringProperty postalCode = new SimpleStringProperty("");
        final StringProperty accessNotes = new SimpleStringProperty("");

        AddressDetails details() {
            return new AddressDetails(label.get(), street.get(), city.get(), region.get(), postalCode.get(), accessNotes.get());
        }

        boolean isBlank() {
            return street.get().isBlank() && postalCode.get().isBlank() && city.get().isBlank();
        }

        void fill(AddressDetails details) {
            label.set(nonNull(details.label()));
            street.set(nonNull(details.street()));
            city.set(nonNull(details.city()));
            region.set(nonNull(details.region()));
            postalCode.set(nonNull(details.postalCode()));
            accessNotes.set(nonNull(details.accessNotes()));
        }

        private static String nonNull(String text) {
            return text == null ? "" : text;
        }
    }
}
