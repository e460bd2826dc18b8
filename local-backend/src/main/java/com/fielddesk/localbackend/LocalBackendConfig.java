package com.fielddesk.localbackend;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How to start a {@link LocalBackend}.
 *
 * @param dataDirectory where the database, the project keys and stored files live; kept between starts
 * @param port          the HTTP port on 127.0.0.1; 0 picks a free one
 * @param reset         wipe the data folder's backend state before starting
 * @param demo          demo data to load on a first start
 */
public record LocalBackendConfig(Path dataDirectory, int port, boolean reset, DemoDataOption demo) {

    /** The port the Supabase CLI uses for its API gateway; the CLI defaults to it too. */
    public static final int DEFAULT_PORT = 54321;

    public LocalBackendConfig {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (demo == null) {
            demo = DemoDataOption.none();
        }
    }

    /** The default configuration: the OS's per-user data folder, port 54321, standard demo data. */
    public static LocalBackendConfig defaults() {
        return new LocalBackendConfig(defaultDataDirectory(), DEFAULT_PORT, false, DemoDataOption.standard());
    }

    /** ~/.local/share/FieldDesk/local-backend, %LOCALAPPDATA%\FieldDesk\local-backend or ~/Library/Application Support/FieldDesk/local-backend. */
    public static Path defaultDataDirectory() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path base;
        if (os.contains("win")) {
            String localAppData = System.getenv("LOCALAPPDATA");
            base = localAppData != null ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
        } else if (os.contains("mac")) {
            base = home.resolve("Library").resolve("Application Support");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        }
        return base.resolve("FieldDesk").resolve("local-backend");
    }

    public LocalBackendConfig withPort(int newPort) {
        return new LocalBackendConfig(dataDirectory, newPort, reset, demo);
    }

    public LocalBackendConfig withDemo(DemoDataOption newDemo) {
        return new LocalBackendConfig(dataDirectory, port, reset, newDemo);
    }
}
