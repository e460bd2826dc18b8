package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.ui.Form;
import com.fielddesk.domain.common.FieldError;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import java.util.List;
import java.util.function.Supplier;

/** Controller of AddressForm.fxml: a service address's fields, bound to {@link NewCustomerViewModel.AddressFields}. */
public final class AddressForm {

    @FXML
    private TextField street;
    @FXML
    private Label streetError;
    @FXML
    private TextField label;
    @FXML
    private Label labelError;
    @FXML
    private TextField city;
    @FXML
    private Label cityError;
    @FXML
    private TextField region;
    @FXML
    private Label regionError;
    @FXML
    private TextField postalCode;
    @FXML
    private Label postalCodeError;
    @FXML
    private TextField accessNotes;
    @FXML
    private Label accessNotesError;

    /** Binds the fields and checks each with the domain's rules ({@code problems} of the whole form). */
    void bind(NewCustomerViewModel.AddressFields fields, Form form, Supplier<List<FieldError>> problems) {
        Forms.field(form, street, streetError, fields.street, "street", problems);
        Forms.field(form, label, labelError, fields.label, "label", problems);
        Forms.field(form, city, cityError, fields.city, "city", problems);
        Forms.field(form, region, regionError, fields.region, "region", problems);
        Forms.field(form, postalCode, postalCodeError, fields.postalCode, "postalCode", problems);
        Forms.field(form, accessNotes, accessNotesError, fields.accessNotes, "accessNotes", problems);
    }

    void setDisable(boolean disabled) {
        for (TextField field : List.of(street, label, city, region, postalCode, accessNotes)) {
            field.setDisable(disabled);
        }
    }

    TextField street() {
        return street;
    }
}
