package com.fielddesk.desktop.ui;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** The console's dialogs start alike: owned by the console's window, resizable, in its theme. */
public final class OwnedDialogs {

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
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            dialog.getDialogPane().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        return dialog;
    }
}
