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
        root.getChildren().addAll(SettingsParts.title("Lead preferences"),
                SettingsParts.readOnlyReason("settings-leads-read-only", model.page()), form(),
                SettingsParts.saveAndRevert("settings-leads", model.page(), model::save, model::revert));
        SettingsParts.savesWithShortcut(root, model.page(), model::save);
    }

    Node node() {
        return root;
    }

    private Node form() {
        var readOnly = model.page().mayChangeProperty().not();
        CheckBox optIn = new CheckBox("_Offer us leads from the FieldDesk pool");
        optIn.setId("settings-leads-opt-in");
        optIn.setMnemonicParsing(true);
        optIn.selectedProperty().bindBidirectional(model.optInProperty());
        optIn.disableProperty().bind(readOnly);

        tradeBoxes.setId("settings-leads-trades");
        model.trades().addListener((ListChangeListener<Trade>) change -> showTrades());
        showTrades();
        tradeBoxes.disableProperty().bind(readOnly);
        Label tradesLabel = SettingsParts.heading("Trades");
        Label tradesProblem = SettingsParts.problem("settings-leads-trades-problem", model.tradesProblemProperty());

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
        Label codeProblem = SettingsParts.problem("settings-leads-code-problem", model.codeProblemProperty());
        Label codesProblem = SettingsParts.problem("settings-leads-codes-problem", model.codesProblemProperty());
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
            remove.disableProperty().bind(model.page().mayChangeProperty().not());
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
}
