package com.fielddesk.desktop.app;

/** Plain main so the console starts from a classpath jar without JavaFX module-path setup. */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(FieldDeskApp.class, args);
    }
}
