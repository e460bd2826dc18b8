package com.fielddesk.cache.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a (workspace, user) cache file lives: the operating system's per-user data folder, so
 * two people on one machine, or one person in two workspaces, never share a cache.
 */
public final class CacheLocation {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private CacheLocation() {
    }

    /** The cache file for this workspace and user under this machine's data folder. */
    public static Path forUser(String workspaceId, String userId) {
        return forUser(dataFolder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home"))),
                workspaceId, userId);
    }

    static Path forUser(Path dataFolder, String workspaceId, String userId) {
        return dataFolder.resolve("cache").resolve(safe("workspace", workspaceId)).resolve(safe("user", userId) + ".db");
    }

    /** %LOCALAPPDATA%\FieldDesk, ~/Library/Application Support/FieldDesk, or $XDG_DATA_HOME/fielddesk. */
    static Path dataFolder(String osName, Map<String, String> environment, Path home) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = environment.get("LOCALAPPDATA");
            return (local != null ? Path.of(local) : home.resolve("AppData").resolve("Local")).resolve("FieldDesk");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("FieldDesk");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("fielddesk");
    }

    private static String safe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a usable " + what + " id for a file name: " + value);
        }
        return value;
    }
}
