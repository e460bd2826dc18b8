package com.fielddesk.desktop.settings;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Asks for an image to open: the system's open dialog in the console, a fixed answer in tests (no dialog headless). */
@FunctionalInterface
interface ImageFileChooser {

    /** The chosen file, or empty when the user cancelled. Called on the FX thread. */
    Optional<Path> ask(Window owner, String title);

    /** The system's open dialog, offering PNG and JPEG images. */
    static ImageFileChooser dialog() {
        return (owner, title) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG or JPEG image", "*.png", "*.jpg", "*.jpeg"));
            File file = chooser.showOpenDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
