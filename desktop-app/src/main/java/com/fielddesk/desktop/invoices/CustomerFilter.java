package com.fielddesk.desktop.invoices;

import com.fielddesk.domain.invoices.InvoiceCustomer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.Objects;

/**
 * The invoices list's customer filter: a picker that looks customers up as their name is typed
 * (in the background, a newer lookup winning), Down opens the matches, Enter takes the one named
 * exactly or else the first match; emptying the text lists everyone's invoices again.
 */
final class CustomerFilter {

    private final InvoicesViewModel model;
    private final ComboBox<InvoiceCustomer> picker = new ComboBox<>();
    private boolean showingTheModel;

    CustomerFilter(InvoicesViewModel model) {
        this.model = model;
        picker.setId("invoices-customer");
        picker.setEditable(true);
        picker.setPromptText("Everyone");
        picker.setPrefWidth(200);
        // The picker's own list, refilled under showingTheModel: a refill that holds the customer
        // just cleared made the picker select it again (and so filter by it again).
        model.customerChoices().addListener((ListChangeListener<InvoiceCustomer>) change -> showingTheModel(() -> {
            picker.getItems().setAll(model.customerChoices());
            if (!Objects.equals(picker.getValue(), model.customerProperty().get())) {
                picker.setValue(model.customerProperty().get());
            }
        }));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(InvoiceCustomer value) {
                return value == null ? "" : value.name();
            }

            @Override
            public InvoiceCustomer fromString(String text) {
                return chosen(text);
            }
        });
        picker.getEditor().textProperty().addListener((o, before, typed) -> typed(typed));
        picker.focusedProperty().addListener((o, was, now) -> {
            if (now && model.customerChoices().isEmpty()) {
                model.findCustomers(picker.getEditor().getText());
            }
        });
        picker.valueProperty().addListener((o, before, now) -> {
            // A value of null while a name is still typed is the picker's own reset, not a choice.
            if (!showingTheModel && (now != null || picker.getEditor().getText().isBlank())) {
                model.customerProperty().set(now);
            }
        });
        model.customerProperty().addListener((o, before, now) -> show(now));
    }

    ComboBox<InvoiceCustomer> node() {
        return picker;
    }

    private void typed(String text) {
        if (showingTheModel) {
            return;
        }
        InvoiceCustomer current = model.customerProperty().get();
        if (current != null && current.name().equals(text)) {
            return;
        }
        model.findCustomers(text);
        if (text == null || text.isBlank()) {
            model.customerProperty().set(null);
        } else if (picker.isFocused() && !picker.isShowing()) {
            picker.show();
        }
    }

    /** The customer named exactly (any case), else the first that matches what was typed; none for no text. */
    private InvoiceCustomer chosen(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        InvoiceCustomer current = model.customerProperty().get();
        if (current != null && current.name().toLowerCase(Locale.ROOT).equals(wanted)) {
            return current;
        }
        return model.customerChoices().stream().filter(choice -> choice.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .or(() -> model.customerChoices().stream().filter(choice -> choice.name().toLowerCase(Locale.ROOT).contains(wanted))
                        .findFirst())
                .orElse(current);
    }

    /** The model's customer in the picker (Clear filters empties it). */
    private void show(InvoiceCustomer customer) {
        if (Objects.equals(customer, picker.getValue())
                && picker.getEditor().getText().equals(customer == null ? "" : customer.name())) {
            return;
        }
        showingTheModel(() -> {
            picker.setValue(customer);
            picker.getEditor().setText(customer == null ? "" : customer.name());
        });
    }

    /** Changes the picker as the model says; what the picker reports meanwhile is not the user's. */
    private void showingTheModel(Runnable change) {
        boolean outer = !showingTheModel;
        showingTheModel = true;
        try {
            change.run();
        } finally {
            if (outer) {
                showingTheModel = false;
            }
        }
    }
}
