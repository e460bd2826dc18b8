package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.ui.DayConverter;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.Technician;
import com.fielddesk.domain.jobs.WorkOrderStage;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Optional;

/**
 * Controller of WorkOrderForm.fxml, made by the controller factory with the form's ViewModel. The
 * customer field searches as one types; Down moves into the matches, Enter picks one. Every field's
 * problem is checked again whenever any field changes (the window's end depends on its start).
 */
public final class WorkOrderForm {

    private final WorkOrderFormViewModel viewModel;
    private final Form form = new Form();
    @FXML
    private VBox root;
    @FXML
    private TextField customer;
    @FXML
    private ListView<WorkOrderFormViewModel.CustomerChoice> customerMatches;
    @FXML
    private Label customerError;
    @FXML
    private ComboBox<WorkOrderFormViewModel.AddressChoice> address;
    @FXML
    private Label addressError;
    @FXML
    private TextField title;
    @FXML
    private Label titleError;
    @FXML
    private TextArea description;
    @FXML
    private Label descriptionError;
    @FXML
    private ComboBox<Priority> priority;
    @FXML
    private Label priorityError;
    @FXML
    private ComboBox<Technician> technician;
    @FXML
    private Label technicianError;
    @FXML
    private Label windowHeading;
    @FXML
    private DatePicker day;
    @FXML
    private Label dayError;
    @FXML
    private TextField startTime;
    @FXML
    private Label startTimeError;
    @FXML
    private TextField endTime;
    @FXML
    private Label endTimeError;
    @FXML
    private VBox totalBox;
    @FXML
    private TextField total;
    @FXML
    private Label totalError;

    WorkOrderForm(WorkOrderFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        customer.textProperty().bindBidirectional(viewModel.customerSearch);
        customerMatches.setItems(viewModel.customerMatches());
        customerMatches.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.customerMatches()));
        customerMatches.managedProperty().bind(customerMatches.visibleProperty());
        customer.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !customerMatches.getItems().isEmpty()) {
                customerMatches.requestFocus();
                customerMatches.getSelectionModel().selectFirst();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && customerMatches.getItems().size() == 1) {
                viewModel.pick(customerMatches.getItems().get(0));
                event.consume();
            }
        });
        customerMatches.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && customerMatches.getSelectionModel().getSelectedItem() != null) {
                viewModel.pick(customerMatches.getSelectionModel().getSelectedItem());
                address.requestFocus();
                event.consume();
            }
        });
        customerMatches.setOnMouseClicked(event -> {
            if (customerMatches.getSelectionModel().getSelectedItem() != null) {
                viewModel.pick(customerMatches.getSelectionModel().getSelectedItem());
            }
        });

        address.setItems(viewModel.addresses());
        address.valueProperty().bindBidirectional(viewModel.address);
        address.setPromptText("No service address");
        title.textProperty().bindBidirectional(viewModel.title);
        description.textProperty().bindBidirectional(viewModel.description);
        priority.getItems().setAll(Priority.values());
        priority.setConverter(labels(value -> value == null ? "" : value.label()));
        priority.valueProperty().bindBidirectional(viewModel.priority);
        technician.setItems(viewModel.technicians());
        technician.setConverter(labels(value -> value == null ? "Nobody yet" : value.name()));
        technician.setPromptText("Nobody yet");
        // A ComboBox whose value went back to null shows an empty button, not its prompt: say "Nobody yet".
        technician.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Technician item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "Nobody yet" : item.name());
            }
        });
        technician.valueProperty().bindBidirectional(viewModel.technician);
        day.valueProperty().bindBidirectional(viewModel.day);
        day.setConverter(DayConverter.of());
        startTime.textProperty().bindBidirectional(viewModel.startTime);
        endTime.textProperty().bindBidirectional(viewModel.endTime);
        windowHeading.setText("Scheduled _window (" + viewModel.zone().getId() + ")");
        total.textProperty().bindBidirectional(viewModel.total);
        totalBox.visibleProperty().bind(viewModel.stageProperty().isEqualTo(WorkOrderStage.QUOTE));
        totalBox.managedProperty().bind(totalBox.visibleProperty());

        rule(customer, viewModel.customer, "customer", customerError);
        rule(address, viewModel.address, "address", addressError);
        rule(title, viewModel.title, "title", titleError);
        rule(description, viewModel.description, "description", descriptionError);
        rule(priority, viewModel.priority, "priority", priorityError);
        rule(technician, viewModel.technician, "technician", technicianError);
        rule(day, viewModel.day, "day", dayError);
        rule(startTime, viewModel.startTime, "windowStart", startTimeError);
        rule(endTime, viewModel.endTime, "windowEnd", endTimeError);
        rule(total, viewModel.total, "total", totalError);
        List<Observable> everyField = List.of(viewModel.customer, viewModel.address, viewModel.title, viewModel.description,
                viewModel.priority, viewModel.technician, viewModel.day, viewModel.startTime, viewModel.endTime, viewModel.total);
        everyField.forEach(field -> field.addListener(changed -> form.recheck()));
    }

    private void rule(Control control, ObservableValue<?> value, String field, Label error) {
        form.errorBeside(control, error);
        form.rule(control, value, ignored -> problem(viewModel.problems(), field));
    }

    private static Optional<String> problem(List<FieldError> problems, String field) {
        return problems.stream().filter(problem -> problem.field().equals(field)).map(FieldError::message).findFirst();
    }

    /** Shows values as {@code text} says (a choice list: nothing is typed, so nothing is parsed). */
    static <T> StringConverter<T> labels(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** ISO days (2026-12-07) whatever the computer's locale, so a typed day reads the same everywhere. */
    Form form() {
        return form;
    }

    VBox root() {
        return root;
    }

    TextField firstField() {
        return customer;
    }

    TextField titleField() {
        return title;
    }
}
