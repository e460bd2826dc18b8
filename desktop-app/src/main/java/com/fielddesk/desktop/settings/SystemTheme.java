package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.ui.Theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The system's light or dark choice, for "follow the system". JavaFX 21 does not report it (its
 * platform preferences arrive in 22), so it is asked of the system the way each desktop keeps it:
 * Windows' AppsUseLightTheme, macOS's AppleInterfaceStyle, GNOME's color-scheme (then the GTK theme's
 * name). Runs a short command: call it off the FX thread. Light when the system does not say.
 */
public final class SystemTheme {

    private SystemTheme() {
    }

    public static Theme detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return answer(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(text -> text.contains("0x0") ? Theme.DARK : Theme.LIGHT).orElse(Theme.LIGHT);
        }
        if (os.contains("mac")) {
            return answer(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(text -> text.toLowerCase(Locale.ROOT).contains("dark") ? Theme.DARK : Theme.LIGHT).orElse(Theme.LIGHT);
        }
        Optional<String> scheme = answer(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("dark")) {
            return Theme.DARK;
        }
        return answer(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(text -> text.toLowerCase(Locale.ROOT).contains("dark") ? Theme.DARK : Theme.LIGHT).orElse(Theme.LIGHT);
    }

    /** What the command printed, if it ran and finished within two seconds with success. */
    private static Optional<String> answer(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
            }
        } catch (IOException noSuchCommand) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
