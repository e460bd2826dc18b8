package com.fielddesk.desktop.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** The console's dialogs start alike: owned by the console's window, resizable, in its theme. */
public final class OwnedDialogs {

    /**
     * Cancel and Close in the console's language. JavaFX's own {@code ButtonType.CANCEL} and
     * {@code CLOSE} follow the computer's ("Abbrechen", "Schließen" on a German one) beside English
     * everywhere else.
     */
    public static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    public static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);

    private OwnedDialogs() {
    }

    /**
     * A dialog over {@code owner} with the owner's stylesheets and theme class (so a dark console
     * gets a dark dialog), its pane's id {@code id} for tests and styling.
     */
    public static <R> Dialog<R> create(Window owner, String title, String id) {
        Dialog<R> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        themed(dialog, owner);
        return dialog;
    }

    /**
     * Asks {@code question} before something that cannot be taken back: {@code action} ("Delete")
     * or Cancel, which is the default (Enter does not destroy). True when the action was chosen.
     */
    public static boolean confirm(Window owner, String title, String question, String action) {
        Alert confirm = confirmation(owner, title, question, action);
        return confirm.showAndWait().filter(chosen -> chosen.getButtonData() == ButtonBar.ButtonData.OK_DONE).isPresent();
    }

    /** The dialog {@link #confirm} shows (made apart so its buttons can be checked without showing it). */
    static Alert confirmation(Window owner, String title, String question, String action) {
        ButtonType act = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, CANCEL, act);
        confirm.initOwner(owner);
        confirm.setTitle(title);
        confirm.setHeaderText(null);
        themed(confirm, owner);
        ((Button) confirm.getDialogPane().lookupButton(CANCEL)).setDefaultButton(true);
        ((Button) confirm.getDialogPane().lookupButton(act)).setDefaultButton(false);
        return confirm;
    }

    private static void themed(Dialog<?> dialog, Window owner) {
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
    }
}
