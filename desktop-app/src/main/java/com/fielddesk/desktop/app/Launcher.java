package com.fielddesk.desktop.app;

import com.fielddesk.desktop.ui.Formats;

import java.util.Locale;

/** Plain main so the console starts from a classpath jar without JavaFX module-path setup. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // The console speaks one language (Formats.DISPLAY). JavaFX's own words — a dialog's Cancel, a
        // text field's Copy and Paste, a date picker's month names — follow the default locale: without
        // this a German computer shows "Abbrechen" and "Dezember" among English screens.
        Locale.setDefault(Formats.DISPLAY);
        javafx.application.Application.launch(FieldDeskApp.class, args);
    }
}
