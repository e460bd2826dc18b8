package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.leads.Trade;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Settings → Lead preferences: opt-in, the trades as check boxes, the postal codes as chips (type a
 * code and press Enter to add it; Backspace in the empty field removes the last; × removes one),
 * Save and Revert. Read-only, with the reason, for anyone but an admin. Keys: Alt+O opt-in,
 * Alt+P the postal code field, Ctrl+S or Alt+S save, Alt+V revert.
 */
final class LeadPreferencesView {

    private final LeadPreferencesViewModel model;
    private final VBox root = new VBox(14);
    private final FlowPane tradeBoxes = new FlowPane(16, 6);
    private final FlowPane chips = new FlowPane(6, 6);
    private final TextField code = new TextField();

    LeadPreferencesView(LeadPreferencesViewModel model) {
        this.model = model;
        root.setId("settings-leads");
        root.setPadding(new Insets(16));
        root.getChildren().addAll(SyncPageView.title("Lead preferences"), reason(), form(), actions());
        root.disableProperty().bind(model.loadedProperty().not());
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                model.save();
                e.consume();
            }
        });
    }

    Node node() {
        return root;
    }

    private Node reason() {
        Label reason = new Label();
        reason.setId("settings-leads-read-only");
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.NOTICE, Styles.NOTICE_WARNING);
        reason.textProperty().bind(model.readOnlyReasonProperty());
        reason.visibleProperty().bind(reason.textProperty().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        return reason;
    }

    private Node form() {
        var readOnly = model.mayChangeProperty().not();
        CheckBox optIn = new CheckBox("_Offer us leads from the FieldDesk pool");
        optIn.setId("settings-leads-opt-in");
        optIn.setMnemonicParsing(true);
        optIn.selectedProperty().bindBidirectional(model.optInProperty());
        optIn.disableProperty().bind(readOnly);

        tradeBoxes.setId("settings-leads-trades");
        model.trades().addListener((ListChangeListener<Trade>) change -> showTrades());
        showTrades();
        tradeBoxes.disableProperty().bind(readOnly);
        Label tradesLabel = heading("Trades");
        Label tradesProblem = problem("settings-leads-trades-problem", model.tradesProblemProperty());

        chips.setId("settings-leads-codes");
        chips.setAlignment(Pos.CENTER_LEFT);
        model.postalCodes().addListener((ListChangeListener<String>) change -> showChips());
        code.setId("settings-leads-code");
        code.setPromptText("Type a postal code, then Enter");
        code.setPrefColumnCount(14);
        code.disableProperty().bind(readOnly);
        code.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (model.addPostalCode(code.getText())) {
                    code.clear();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE && code.getText().isEmpty()) {
                model.removeLastPostalCode();
                e.consume();
            }
        });
        showChips();
        Label codesLabel = new Label("_Postal codes served");
        codesLabel.setMnemonicParsing(true);
        codesLabel.setLabelFor(code);
        codesLabel.getStyleClass().add(Styles.DETAIL_LABEL);
        Label codeProblem = problem("settings-leads-code-problem", model.codeProblemProperty());
        Label codesProblem = problem("settings-leads-codes-problem", model.codesProblemProperty());
        Label count = new Label();
        count.setId("settings-leads-code-count");
        count.getStyleClass().add(Styles.FORM_HINT);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.postalCodes().size() == 1 ? "1 postal code"
                : model.postalCodes().size() + " postal codes", model.postalCodes()));
        return new VBox(10, optIn, new VBox(6, tradesLabel, tradeBoxes, tradesProblem),
                new VBox(6, codesLabel, chips, count, codeProblem, codesProblem));
    }

    private void showTrades() {
        tradeBoxes.getChildren().clear();
        for (Trade trade : model.trades()) {
            CheckBox box = new CheckBox(trade.label());
            box.setId("settings-leads-trade-" + trade.code());
            box.selectedProperty().bindBidirectional(model.tradeProperty(trade));
            tradeBoxes.getChildren().add(box);
        }
    }

    private void showChips() {
        boolean hadFocus = code.isFocused();
        chips.getChildren().clear();
        for (String postalCode : model.postalCodes()) {
            Label text = new Label(postalCode);
            Button remove = new Button("×");
            remove.setId("settings-leads-remove-" + postalCode);
            remove.getStyleClass().add("flat");
            remove.setFocusTraversable(false);
            remove.setAccessibleText("Remove " + postalCode);
            remove.disableProperty().bind(model.mayChangeProperty().not());
            remove.setOnAction(e -> model.removePostalCode(postalCode));
            HBox chip = new HBox(2, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add(Styles.TRADE_CHIP);
            chips.getChildren().add(chip);
        }
        chips.getChildren().add(code);
        if (hadFocus) {
            code.requestFocus();
        }
    }

    private Node actions() {
        Button save = new Button("_Save");
        save.setId("settings-leads-save");
        save.setMnemonicParsing(true);
        save.setDefaultButton(false);
        save.disableProperty().bind(model.mayChangeProperty().not().or(model.savingProperty()));
        save.setOnAction(e -> model.save());
        Button revert = new Button("Re_vert");
        revert.setId("settings-leads-revert");
        revert.setMnemonicParsing(true);
        revert.disableProperty().bind(model.mayChangeProperty().not().or(model.savingProperty()));
        revert.setOnAction(e -> model.revert());
        Label notice = new Label();
        notice.setId("settings-leads-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.NOTICE);
        notice.textProperty().bind(Bindings.createStringBinding(() -> SyncPageView.text(model.noticeProperty().get()),
                model.noticeProperty()));
        model.noticeProperty().addListener((o, before, now) -> {
            notice.getStyleClass().remove(Styles.NOTICE_WARNING);
            if (now != null && now.isProblem()) {
                notice.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        });
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        HBox buttons = new HBox(8, save, revert);
        return new VBox(8, buttons, notice);
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DETAIL_LABEL);
        return label;
    }

    static Label problem(String id, javafx.beans.value.ObservableStringValue text) {
        Label problem = new Label();
        problem.setId(id);
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.FIELD_ERROR);
        problem.textProperty().bind(text);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }
}
