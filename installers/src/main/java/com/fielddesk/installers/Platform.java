package com.fielddesk.installers;

import java.util.Locale;

/** The OS the installers are built on; jpackage can only build the native format of its own OS. */
enum Platform {
    LINUX("deb", "png"),
    WINDOWS("msi", "ico"),
    MAC("dmg", "icns");

    private final String installerType;
    private final String iconExtension;

    Platform(String installerType, String iconExtension) {
        this.installerType = installerType;
        this.iconExtension = iconExtension;
    }

    static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return WINDOWS;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return MAC;
        }
        return LINUX;
    }

    String installerType() {
        return installerType;
    }

    String iconExtension() {
        return iconExtension;
    }
}
