package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.invoices.InvoiceEditorViewModel.LineRow;
import com.fielddesk.desktop.ui.Form;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Controller of InvoiceEditor.fxml, made by the controller factory with the editor's ViewModel.
 * The lines table holds a text field in every cell, bound to the line's texts, so the totals follow
 * each keystroke and the whole table is edited from the keyboard (Tab, Enter, Alt+Up/Down,
 * Ctrl+Delete).
 */
public final class InvoiceEditorForm {

    private final InvoiceEditorViewModel model;
    private final Form form = new Form();
    @FXML
    private VBox root;
    @FXML
    private Label title;
    @FXML
    private ComboBox<InvoiceCustomer> customer;
    @FXML
    private Label customerError;
    @FXML
    private TableView<LineRow> lines;
    @FXML
    private Label linesError;
    @FXML
    private Button addLine;
    @FXML
    private Button removeLine;
    @FXML
    private Button moveUp;
    @FXML
    private Button moveDown;
    @FXML
    private TextField discount;
    @FXML
    private Label discountError;
    @FXML
    private TextField taxRate;
    @FXML
    private Label taxRateError;
    @FXML
    private TextArea notes;
    @FXML
    private Label notesError;
    @FXML
    private Label subtotal;
    @FXML
    private Label tax;
    @FXML
    private Label total;
    @FXML
    private Label balance;
    @FXML
    private Button saveDraft;
    @FXML
    private Button issue;
    @FXML
    private Button voidInvoice;
    @FXML
    private Label notice;
    private Runnable askVoidReason = () -> { };

    InvoiceEditorForm(InvoiceEditorViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        root.setId("invoice-editor");
        title.setId("invoice-editor-title");
        title.textProperty().bind(model.titleProperty());
        customer.setId("invoice-editor-customer");
        customer.setItems(model.customers);
        customer.valueProperty().bindBidirectional(model.customer);
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(InvoiceCustomer value) {
                return value == null ? "" : value.name();
            }

            @Override
            public InvoiceCustomer fromString(String text) {
                return null;
            }
        });
        form.errorBeside(customer, customerError);
        form.rule(customer, customer.valueProperty(), ignored -> problem("customer"));

        buildLines();
        linesError.setId("invoice-editor-lines-error");
        linesError.getStyleClass().add(Styles.FIELD_ERROR);
        linesError.textProperty().bind(model.linesProblemProperty());
        linesError.visibleProperty().bind(model.linesProblemProperty().isNotEmpty());
        linesError.managedProperty().bind(linesError.visibleProperty());

        field(discount, discountError, model.discount, "discount", "invoice-editor-discount");
        field(taxRate, taxRateError, model.taxRate, "taxRate", "invoice-editor-tax-rate");
        field(notes, notesError, model.notes, "notes", "invoice-editor-notes");

        subtotal.setId("invoice-editor-subtotal");
        subtotal.textProperty().bind(model.subtotalProperty());
        tax.setId("invoice-editor-tax");
        tax.textProperty().bind(model.taxProperty());
        total.setId("invoice-editor-total");
        total.textProperty().bind(model.totalProperty());
        balance.setId("invoice-editor-balance");
        balance.textProperty().bind(model.balanceProperty());

        var locked = model.editableProperty().not().or(model.busyProperty());
        for (var control : List.of(customer, lines, discount, taxRate, notes, addLine, removeLine, moveUp, moveDown, saveDraft, issue)) {
            control.disableProperty().bind(locked);
        }
        addLine.setId("invoice-editor-add-line");
        addLine.setOnAction(e -> focusLine(model.addLine(selected()), 0));
        removeLine.setId("invoice-editor-remove-line");
        removeLine.setOnAction(e -> removeSelected());
        moveUp.setId("invoice-editor-move-up");
        moveUp.setOnAction(e -> move(-1));
        moveDown.setId("invoice-editor-move-down");
        moveDown.setOnAction(e -> move(1));
        saveDraft.setId("invoice-editor-save");
        saveDraft.setOnAction(e -> form.trySave(model::saveDraft));
        issue.setId("invoice-editor-issue");
        issue.setOnAction(e -> form.trySave(model::issue));
        voidInvoice.setId("invoice-editor-void");
        voidInvoice.disableProperty().bind(model.voidableProperty().not().or(model.busyProperty()));
        voidInvoice.setOnAction(e -> askVoidReason.run());

        notice.setId("invoice-editor-notice");
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        model.noticeProperty().addListener((o, before, now) -> show(now));
        form.installKeys(root, model::saveDraft, () -> { });
    }

    private void show(Notice now) {
        notice.setVisible(now != null);
        notice.setText(now == null ? "" : now.sentence());
        notice.getStyleClass().remove(Styles.NOTICE_WARNING);
        if (now != null && now.isProblem()) {
            notice.getStyleClass().add(Styles.NOTICE_WARNING);
        }
    }

    private void field(TextInputControl control, Label error, StringProperty value, String name, String id) {
        control.setId(id);
        control.textProperty().bindBidirectional(value);
        form.errorBeside(control, error);
        form.rule(control, control.textProperty(), ignored -> problem(name));
    }

    private Optional<String> problem(String field) {
        return model.problems().stream().filter(error -> error.field().equals(field)).map(FieldError::message).findFirst();
    }

    private void buildLines() {
        lines.setId("invoice-editor-lines");
        lines.setItems(model.lines);
        lines.setPlaceholder(new Label("No lines yet: Add line (Alt+A)."));
        lines.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<LineRow, LineRow> description = textColumn("Description", "description", row -> row.description, 0);
        description.setPrefWidth(420);
        TableColumn<LineRow, LineRow> quantity = textColumn("Quantity", "quantity", row -> row.quantity, 1);
        quantity.setMinWidth(90);
        TableColumn<LineRow, LineRow> price = textColumn("Unit price", "price", row -> row.unitPrice, 2);
        price.setMinWidth(110);
        TableColumn<LineRow, String> amount = new TableColumn<>("Amount");
        amount.setId("amount");
        amount.setSortable(false);
        amount.setMinWidth(110);
        amount.setCellValueFactory(cell -> cell.getValue().amountProperty());
        lines.getColumns().setAll(List.of(description, quantity, price));
        lines.getColumns().add(amount);
    }

    private TableColumn<LineRow, LineRow> textColumn(String heading, String id, Function<LineRow, StringProperty> value,
                                                     int column) {
        TableColumn<LineRow, LineRow> tableColumn = new TableColumn<>(heading);
        tableColumn.setId(id);
        tableColumn.setSortable(false);
        tableColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        tableColumn.setCellFactory(ignored -> new TextCell(id, value, column));
        return tableColumn;
    }

    /** A cell that is always a text field bound to one of its line's texts. */
    private final class TextCell extends TableCell<LineRow, LineRow> {
        private final TextField field = new TextField();
        private final String name;
        private final Function<LineRow, StringProperty> value;
        private final int column;
        private StringProperty bound;

        TextCell(String name, Function<LineRow, StringProperty> value, int column) {
            this.name = name;
            this.value = value;
            this.column = column;
            field.focusedProperty().addListener((o, was, now) -> {
                if (now && getIndex() >= 0) {
                    lines.getSelectionModel().select(getIndex());
                }
            });
            field.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        }

        @Override
        protected void updateItem(LineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                field.textProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (empty || row == null) {
                field.setId(null);
                setGraphic(null);
                return;
            }
            bound = value.apply(row);
            field.textProperty().bindBidirectional(bound);
            field.setId("line-" + name + "-" + getIndex());
            setGraphic(field);
        }

        private void keys(KeyEvent event) {
            int index = getIndex();
            if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
                int next = index + 1 < model.lines.size() ? index + 1 : model.addLine(index);
                focusLine(next, column);
                event.consume();
            } else if (event.isAltDown() && (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN)) {
                focusLine(model.moveLine(index, event.getCode() == KeyCode.UP ? -1 : 1), column);
                event.consume();
            } else if (event.isShortcutDown() && event.getCode() == KeyCode.DELETE) {
                model.removeLine(index);
                focusLine(Math.min(index, model.lines.size() - 1), column);
                event.consume();
            }
        }
    }

    private int selected() {
        return lines.getSelectionModel().getSelectedIndex();
    }

    private void removeSelected() {
        int index = selected();
        if (index >= 0) {
            model.removeLine(index);
            focusLine(Math.min(index, model.lines.size() - 1), 0);
        }
    }

    private void move(int by) {
        int index = selected();
        if (index >= 0) {
            focusLine(model.moveLine(index, by), 0);
        }
    }

    /** Puts the cursor in a line's cell (after the table has laid the row out). */
    void focusLine(int index, int column) {
        if (index < 0) {
            return;
        }
        lines.getSelectionModel().select(index);
        lines.scrollTo(index);
        focusCell(index, column, 3);
    }

    private void focusCell(int index, int column, int triesLeft) {
        Platform.runLater(() -> {
            lines.layout();
            String[] names = {"description", "quantity", "price"};
            var node = lines.lookup("#line-" + names[column] + "-" + index);
            if (node != null) {
                node.requestFocus();
            } else if (triesLeft > 0) {
                focusCell(index, column, triesLeft - 1);
            }
        });
    }

    void onVoid(Runnable ask) {
        this.askVoidReason = ask;
    }

    Form form() {
        return form;
    }

    ComboBox<InvoiceCustomer> customerField() {
        return customer;
    }
}
