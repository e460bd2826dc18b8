package com.fielddesk.desktop.settings;

/** The theme a person picks: light, dark, or whatever the system uses. */
enum ThemeChoice {
    LIGHT("Light"), DARK("Dark"), SYSTEM("Follow the system");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
