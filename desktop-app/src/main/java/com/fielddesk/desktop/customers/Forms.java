package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.ui.Form;
import com.fielddesk.domain.common.FieldError;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

import java.util.List;
import java.util.function.Supplier;

/** Binds an FXML text field to its ViewModel value and shows the domain's problem for it in its error label. */
final class Forms {

    private Forms() {
    }

    static void field(Form form, TextInputControl control, Label error, StringProperty value, String name,
                      Supplier<List<FieldError>> problems) {
        control.textProperty().bindBidirectional(value);
        form.errorBeside(control, error);
        form.rule(control, control.textProperty(), ignored -> FieldProblems.of(problems.get(), name));
    }
}
