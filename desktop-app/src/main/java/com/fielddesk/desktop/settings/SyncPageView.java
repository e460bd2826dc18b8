package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Settings → Sync: the status lines, the local copy's place and size, and the two actions. Reset
 * asks in place (the question, "Reset now" or "Discard N changes and reset", and Cancel — Escape
 * cancels too). Keys: Alt+R reset, Alt+S sign out.
 */
final class SyncPageView {

    private final SyncPageViewModel model;
    private final VBox root = new VBox(14);
    private final Button reset = new Button("_Reset local cache…");

    SyncPageView(SyncPageViewModel model) {
        this.model = model;
        root.setId("settings-sync");
        root.setPadding(new Insets(16));
        root.getChildren().addAll(SettingsParts.title("Sync"), facts(), actions());
    }

    Node node() {
        return root;
    }

    void focus() {
        reset.requestFocus();
    }

    private Node facts() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        row(grid, 0, "Status", "settings-sync-state", model.stateProperty());
        row(grid, 1, "Changes waiting", "settings-sync-pending", model.pendingProperty());
        row(grid, 2, "Last sync", "settings-sync-last", model.lastSyncProperty());
        row(grid, 3, "Problem", "settings-sync-problem", model.problemProperty());
        row(grid, 4, "Local copy", "settings-sync-file", model.cacheFileProperty());
        row(grid, 5, "Size on disk", "settings-sync-size", model.cacheSizeProperty());
        return grid;
    }

    private static void row(GridPane grid, int at, String name, String id, javafx.beans.value.ObservableStringValue value) {
        Label label = new Label(name);
        label.getStyleClass().add(Styles.DETAIL_LABEL);
        Label shown = new Label();
        shown.setId(id);
        shown.setWrapText(true);
        shown.textProperty().bind(value);
        grid.addRow(at, label, shown);
        if ("settings-sync-problem".equals(id)) {
            label.visibleProperty().bind(shown.textProperty().isNotEmpty());
            label.managedProperty().bind(label.visibleProperty());
            shown.visibleProperty().bind(label.visibleProperty());
            shown.managedProperty().bind(label.visibleProperty());
            shown.getStyleClass().add(Styles.NOTICE_WARNING);
        }
    }

    private Node actions() {
        reset.setId("settings-reset");
        reset.setMnemonicParsing(true);
        reset.disableProperty().bind(model.busyProperty().or(model.confirmingProperty()));
        reset.setOnAction(e -> model.askReset());
        Button signOut = new Button("_Sign out");
        signOut.setId("settings-sign-out");
        signOut.setMnemonicParsing(true);
        signOut.setOnAction(e -> model.signOut());
        ProgressIndicator working = new ProgressIndicator();
        working.setPrefSize(18, 18);
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(working.visibleProperty());
        HBox buttons = new HBox(8, reset, signOut, working);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label("Reset deletes this computer's copy and downloads it again from the server — "
                + "for when the copy seems wrong. Changes not yet sent are lost.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.FORM_HINT);

        Label question = new Label();
        question.setId("settings-reset-question");
        question.setWrapText(true);
        question.textProperty().bind(model.questionProperty());
        question.getStyleClass().add(Styles.NOTICE);
        model.discardingProperty().addListener((o, before, now) -> {
            question.getStyleClass().remove(Styles.NOTICE_WARNING);
            if (now.intValue() > 0) {
                question.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        });
        Button confirm = new Button();
        confirm.setId("settings-reset-confirm");
        confirm.setMnemonicParsing(true);
        confirm.textProperty().bind(model.confirmLabelProperty());
        confirm.disableProperty().bind(model.busyProperty());
        confirm.setOnAction(e -> model.confirmReset());
        Button cancel = new Button("_Cancel");
        cancel.setId("settings-reset-cancel");
        cancel.setMnemonicParsing(true);
        cancel.setOnAction(e -> {
            model.cancelReset();
            reset.requestFocus();
        });
        HBox answers = new HBox(8, confirm, cancel);
        VBox asking = new VBox(8, question, answers);
        asking.setId("settings-reset-asking");
        asking.visibleProperty().bind(model.confirmingProperty());
        asking.managedProperty().bind(asking.visibleProperty());
        asking.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.cancelReset();
                reset.requestFocus();
                e.consume();
            }
        });
        model.confirmingProperty().addListener((o, before, now) -> {
            if (now) {
                cancel.requestFocus();
            }
        });

        Label notice = SettingsParts.notice("settings-sync-notice", model.noticeProperty());
        return new VBox(8, hint, buttons, asking, notice);
    }
}
