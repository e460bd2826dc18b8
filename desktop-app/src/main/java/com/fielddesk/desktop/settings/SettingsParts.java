package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The pieces the settings pages share: their title, headings, problems, notices and Save/Revert. */
final class SettingsParts {

    private SettingsParts() {
    }

    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.SECTION_TITLE);
        return title;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DETAIL_LABEL);
        return label;
    }

    /** A field's problem, shown only while there is one. */
    static Label problem(String id, ObservableStringValue text) {
        Label problem = new Label();
        problem.setId(id);
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.FIELD_ERROR);
        problem.textProperty().bind(text);
        shownWhenItSaysSomething(problem);
        return problem;
    }

    /** A page's notice, marked as a warning when it is a problem, shown only while there is one. */
    static Label notice(String id, ObservableValue<Notice> notice) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.NOTICE);
        label.textProperty().bind(Bindings.createStringBinding(() -> notice.getValue() == null ? ""
                : notice.getValue().sentence(), notice));
        notice.addListener((o, before, now) -> {
            label.getStyleClass().remove(Styles.NOTICE_WARNING);
            if (now != null && now.isProblem()) {
                label.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        });
        shownWhenItSaysSomething(label);
        return label;
    }

    /** Why a company page is read-only for this person (nothing for an admin). */
    static Label readOnlyReason(String id, CompanyPage page) {
        Label reason = new Label();
        reason.setId(id);
        reason.setWrapText(true);
        reason.getStyleClass().addAll(Styles.NOTICE, Styles.NOTICE_WARNING);
        reason.textProperty().bind(page.readOnlyReasonProperty());
        shownWhenItSaysSomething(reason);
        return reason;
    }

    /** Save (Alt+S) and Revert (Alt+V) for a company page, with its notice below; ids start with {@code prefix}. */
    static Node saveAndRevert(String prefix, CompanyPage page, Runnable save, Runnable revert) {
        Button saveButton = new Button("_Save");
        saveButton.setId(prefix + "-save");
        saveButton.setMnemonicParsing(true);
        saveButton.disableProperty().bind(page.mayChangeProperty().not().or(page.savingProperty()));
        saveButton.setOnAction(e -> save.run());
        Button revertButton = new Button("Re_vert");
        revertButton.setId(prefix + "-revert");
        revertButton.setMnemonicParsing(true);
        revertButton.disableProperty().bind(page.mayChangeProperty().not().or(page.savingProperty()));
        revertButton.setOnAction(e -> revert.run());
        return new VBox(8, new HBox(8, saveButton, revertButton), notice(prefix + "-notice", page.noticeProperty()));
    }

    /** A company page waits (disabled) until it is read, and Ctrl+S saves it from anywhere on it. */
    static void savesWithShortcut(Node root, CompanyPage page, Runnable save) {
        root.disableProperty().bind(page.loadedProperty().not());
        root.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN).match(e)) {
                save.run();
                e.consume();
            }
        });
    }

    private static void shownWhenItSaysSomething(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
