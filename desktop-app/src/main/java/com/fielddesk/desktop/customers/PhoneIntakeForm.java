package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.ui.Form;
import com.fielddesk.domain.customers.CustomerAddress;
import com.fielddesk.domain.customers.CustomerSummary;
import com.fielddesk.domain.jobs.Priority;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Controller of PhoneIntakeForm.fxml, made by the controller factory with the intake's ViewModel. */
public final class PhoneIntakeForm {

    /** The address choice's first entry: type a new address below. */
    private static final CustomerAddress NEW_ADDRESS = null;

    private final PhoneIntakeViewModel viewModel;
    private final Form form = new Form();
    @FXML
    private TextField callerSearch;
    @FXML
    private ListView<CustomerSummary> matches;
    @FXML
    private Label pickedCustomer;
    @FXML
    private VBox newCustomerFields;
    @FXML
    private TextField fullName;
    @FXML
    private Label fullNameError;
    @FXML
    private TextField phone;
    @FXML
    private Label phoneError;
    @FXML
    private TextField email;
    @FXML
    private Label emailError;
    @FXML
    private ComboBox<CustomerAddress> addressChoice;
    @FXML
    private AddressForm addressController;
    @FXML
    private TextField title;
    @FXML
    private Label titleError;
    @FXML
    private ComboBox<Priority> priority;
    @FXML
    private TextArea description;
    @FXML
    private Label descriptionError;
    @FXML
    private TextField tradeNotes;
    @FXML
    private Label tradeNotesError;

    PhoneIntakeForm(PhoneIntakeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        callerSearch.textProperty().bindBidirectional(viewModel.callerSearch);
        matches.setItems(viewModel.matches());
        matches.setPlaceholder(new Label("A new caller: fill in their details below."));
        matches.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CustomerSummary customer, boolean empty) {
                super.updateItem(customer, empty);
                setText(empty || customer == null ? null : customer.fullName()
                        + (customer.phone() == null ? "" : " · " + customer.phone())
                        + (customer.email() == null ? "" : " · " + customer.email()));
            }
        });
        matches.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> viewModel.existingCustomer.set(now));
        callerSearch.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !matches.getItems().isEmpty()) {
                matches.requestFocus();
                matches.getSelectionModel().selectFirst();
            }
        });
        pickedCustomer.textProperty().bind(Bindings.createStringBinding(() -> viewModel.existingCustomer.get() == null
                ? "New caller" : "Existing customer: " + viewModel.existingCustomer.get().fullName()
                + " (clear the search for a new caller)", viewModel.existingCustomer));
        viewModel.callerSearch.addListener((o, before, now) -> {
            if (now == null || now.isBlank()) {
                matches.getSelectionModel().clearSelection();
            }
        });
        newCustomerFields.visibleProperty().bind(viewModel.existingCustomer.isNull());
        newCustomerFields.managedProperty().bind(newCustomerFields.visibleProperty());
        Forms.field(form, fullName, fullNameError, viewModel.fullName, "fullName", viewModel::problems);
        Forms.field(form, phone, phoneError, viewModel.phone, "phone", viewModel::problems);
        Forms.field(form, email, emailError, viewModel.email, "email", viewModel::problems);

        addressChoice.setPromptText("A new address (type it below)");
        viewModel.addresses().addListener((javafx.collections.ListChangeListener<CustomerAddress>) change -> {
            addressChoice.getItems().setAll(viewModel.addresses());
            addressChoice.getItems().add(0, NEW_ADDRESS);
            addressChoice.setValue(viewModel.addresses().isEmpty() ? NEW_ADDRESS : viewModel.addresses().get(0));
        });
        addressChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CustomerAddress address) {
                return address == null ? "A new address (type it below)" : address.details().oneLine();
            }

            @Override
            public CustomerAddress fromString(String text) {
                return null;
            }
        });
        addressChoice.valueProperty().addListener((o, before, now) -> viewModel.existingAddress.set(now));
        addressController.bind(viewModel.address, form, viewModel::problems);
        viewModel.existingAddress.addListener((o, before, now) -> addressController.setDisable(now != null));

        Forms.field(form, title, titleError, viewModel.title, "title", viewModel::problems);
        Forms.field(form, description, descriptionError, viewModel.description, "description", viewModel::problems);
        Forms.field(form, tradeNotes, tradeNotesError, viewModel.tradeNotes, "tradeNotes", viewModel::problems);
        priority.getItems().setAll(Priority.values());
        priority.valueProperty().bindBidirectional(viewModel.priority);
        priority.setConverter(new StringConverter<>() {
            @Override
            public String toString(Priority value) {
                return value == null ? "" : value.label();
            }

            @Override
            public Priority fromString(String text) {
                return null;
            }
        });
    }

    Form form() {
        return form;
    }

    TextField firstField() {
        return callerSearch;
    }
}
