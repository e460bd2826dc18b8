package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.ui.Form;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Controller of NewCustomerForm.fxml, made by the controller factory with the form's ViewModel. */
public final class NewCustomerForm {

    private final NewCustomerViewModel viewModel;
    private final Form form = new Form();
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
    private TextArea notes;
    @FXML
    private Label notesError;
    @FXML
    private AddressForm addressController;

    NewCustomerForm(NewCustomerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Forms.field(form, fullName, fullNameError, viewModel.fullName, "fullName", viewModel::problems);
        Forms.field(form, phone, phoneError, viewModel.phone, "phone", viewModel::problems);
        Forms.field(form, email, emailError, viewModel.email, "email", viewModel::problems);
        Forms.field(form, notes, notesError, viewModel.notes, "notes", viewModel::problems);
        addressController.bind(viewModel.address, form, viewModel::problems);
    }

    Form form() {
        return form;
    }

    TextField firstField() {
        return fullName;
    }
}
