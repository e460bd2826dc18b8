package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Settings → Personal: the theme as three radio buttons, the new-lead sound (with a button to hear
 * it), the board's snap and the offline audit window. Every choice applies and is remembered at
 * once; there is nothing to save. Keys: Alt+L/D/F theme, Alt+N sound, Alt+B snap, Alt+A audit days.
 */
final class PersonalPageView {

    private final PersonalPageViewModel model;
    private final VBox root = new VBox(14);
    private final ToggleGroup themes = new ToggleGroup();

    PersonalPageView(PersonalPageViewModel model) {
        this.model = model;
        root.setId("settings-personal");
        root.setPadding(new Insets(16));
        root.getChildren().addAll(SettingsParts.title("Personal"), theme(), preferences());
    }

    Node node() {
        return root;
    }

    private Node theme() {
        Label heading = new Label("Theme");
        heading.getStyleClass().add(Styles.DETAIL_LABEL);
        HBox choices = new HBox(16);
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioButton button = new RadioButton(mnemonic(choice));
            button.setId("settings-theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            button.setMnemonicParsing(true);
            button.setToggleGroup(themes);
            button.setUserData(choice);
            button.setSelected(model.themeProperty().get() == choice);
            choices.getChildren().add(button);
        }
        themes.selectedToggleProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        model.themeProperty().addListener((o, before, now) -> themes.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == now).findFirst().ifPresent(toggle -> toggle.setSelected(true)));
        Label note = new Label();
        note.setId("settings-theme-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.FORM_HINT);
        note.textProperty().bind(model.themeNoteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return new VBox(6, heading, choices, note);
    }

    private static String mnemonic(ThemeChoice choice) {
        return switch (choice) {
            case LIGHT -> "_Light";
            case DARK -> "_Dark";
            case SYSTEM -> "_Follow the system";
        };
    }

    private Node preferences() {
        CheckBox sound = new CheckBox("Play a sound when a _new lead arrives");
        sound.setId("settings-lead-sound");
        sound.setMnemonicParsing(true);
        sound.selectedProperty().bindBidirectional(model.newLeadSoundProperty());
        Button hear = new Button("Play it");
        hear.setId("settings-lead-sound-try");
        hear.setOnAction(e -> model.trySound());
        HBox soundRow = new HBox(12, sound, hear);
        soundRow.setAlignment(Pos.CENTER_LEFT);
        Label soundHint = hint("The Leads section reads this when it opens; its own toggle changes it too.");

        ComboBox<Integer> snap = new ComboBox<>();
        snap.setId("settings-board-snap");
        snap.getItems().setAll(model.snaps());
        snap.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null ? "" : minutes + " minutes";
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        snap.valueProperty().bindBidirectional(model.boardSnapProperty());
        Label snapLabel = new Label("_Board snap");
        snapLabel.setMnemonicParsing(true);
        snapLabel.setLabelFor(snap);

        Spinner<Integer> days = new Spinner<>();
        days.setId("settings-audit-days");
        days.setEditable(true);
        SpinnerValueFactory.IntegerSpinnerValueFactory range = new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                com.fielddesk.desktop.ui.ViewSettings.MAX_OFFLINE_AUDIT_DAYS, model.offlineAuditDaysProperty().get());
        days.setValueFactory(range);
        range.valueProperty().bindBidirectional(model.offlineAuditDaysProperty());
        days.setPrefWidth(100);
        Label daysLabel = new Label("Offline _audit window");
        daysLabel.setMnemonicParsing(true);
        daysLabel.setLabelFor(days);
        snapLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        daysLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.addRow(0, snapLabel, snap);
        grid.add(hint("Jobs dragged on the Day board, or moved with Alt+←/→, land on whole steps of this size."), 1, 1);
        grid.addRow(2, daysLabel, new HBox(8, days, new Label("days")));
        grid.add(hint("How many recent days of the audit log to keep readable offline. Saved now; the audit log reads from the server until its offline copy arrives."), 1, 3);
        return new VBox(14, new VBox(4, soundRow, soundHint), grid);
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.FORM_HINT);
        return hint;
    }
}
