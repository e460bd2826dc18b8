package com.fielddesk.desktop.ui;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks where to save a file: the system's save dialog in the console, a fixed answer in tests (no dialog headless). */
@FunctionalInterface
public interface SaveFileChooser {

    /** The chosen file, or empty when the user cancelled. Called on the FX thread. */
    Optional<Path> ask(Window owner, String title, String suggestedName);

    /** The system's save dialog, offering CSV files. */
    static SaveFileChooser csvDialog() {
        return dialog("CSV (spreadsheet)", "*.csv");
    }

    /** The system's save dialog, offering PDF documents. */
    static SaveFileChooser pdfDialog() {
        return dialog("PDF document", "*.pdf");
    }

    private static SaveFileChooser dialog(String kind, String pattern) {
        return (owner, title, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
            chooser.setInitialFileName(suggestedName);
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
