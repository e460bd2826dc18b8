package com.fielddesk.desktop.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Small remembered UI settings (window geometry, table column layouts, theme, last workspace) in
 * one properties file in the user's data folder. Written through a temp file so a crash never
 * leaves a half-written file.
 */
public final class ViewSettings {

    /** The theme shown (LIGHT or DARK; when following the system, the one it last said). */
    public static final String THEME = "theme";
    /** Whether the theme follows the system's light or dark choice. */
    public static final String THEME_FOLLOWS_SYSTEM = "theme.followSystem";
    /** Whether a new lead in the pool plays the chime. */
    public static final String NEW_LEAD_SOUND = "leads.newLeadSound";
    /** The dispatch board's snap, in minutes. */
    public static final String BOARD_SNAP_MINUTES = "board.snapMinutes";
    /** How many days of the audit log this computer keeps readable offline. */
    public static final String OFFLINE_AUDIT_DAYS = "audit.offlineDays";
    /** The snaps the board offers, in minutes. */
    public static final java.util.List<Integer> BOARD_SNAPS = java.util.List.of(5, 10, 15, 30);
    public static final int DEFAULT_BOARD_SNAP = 15;
    public static final int DEFAULT_OFFLINE_AUDIT_DAYS = 30;
    public static final int MAX_OFFLINE_AUDIT_DAYS = 365;

    private final Path file;
    private final Properties values = new Properties();

    public ViewSettings(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                // A damaged settings file only costs the user their layout; start from defaults.
                values.clear();
            }
        }
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized double getDouble(String key, double fallback) {
        try {
            return get(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A whole number, or {@code fallback} when it is missing or not a number. */
    public synchronized int getInt(String key, int fallback) {
        try {
            return get(key).map(String::strip).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The board's snap in minutes: one of {@link #BOARD_SNAPS}, else the default 15. */
    public int boardSnapMinutes() {
        int minutes = getInt(BOARD_SNAP_MINUTES, DEFAULT_BOARD_SNAP);
        return BOARD_SNAPS.contains(minutes) ? minutes : DEFAULT_BOARD_SNAP;
    }

    /** The offline audit window in days: 1 to 365, else the default 30. */
    public int offlineAuditDays() {
        int days = getInt(OFFLINE_AUDIT_DAYS, DEFAULT_OFFLINE_AUDIT_DAYS);
        return days >= 1 && days <= MAX_OFFLINE_AUDIT_DAYS ? days : DEFAULT_OFFLINE_AUDIT_DAYS;
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public synchronized void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                values.store(out, "FieldDesk console settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the console settings to " + file, e);
        }
    }
}
