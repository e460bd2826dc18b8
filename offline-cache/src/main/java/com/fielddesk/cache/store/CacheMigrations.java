package com.fielddesk.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema of the cache file. Migrations are classpath scripts
 * {@code migrations/V<n>.sql} applied in order, each in its own transaction with the version
 * recorded in {@code pragma user_version}; a file written by a newer app version is refused.
 */
public final class CacheMigrations {

    private static final String FOLDER = "migrations/";

    private final List<String> scripts;

    private CacheMigrations(List<String> scripts) {
        this.scripts = scripts;
    }

    public static CacheMigrations fromClasspath() {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; ; version++) {
            try (InputStream in = CacheMigrations.class.getResourceAsStream(FOLDER + "V" + version + ".sql")) {
                if (in == null) {
                    break;
                }
                scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CacheMigrations(scripts);
    }

    public int latestVersion() {
        return scripts.size();
    }

    public void migrate(Connection connection) throws SQLException {
        int current = currentVersion(connection);
        if (current > scripts.size()) {
            throw new CacheException("The local cache was written by a newer FieldDesk (schema " + current
                    + ", this version knows " + scripts.size() + "); remove local data or update the app.");
        }
        for (int version = current + 1; version <= scripts.size(); version++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : splitStatements(scripts.get(version - 1))) {
                    statement.execute(sql);
                }
                statement.execute("pragma user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("Cache migration V" + version + " failed: " + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("pragma user_version");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** The cache scripts contain no triggers or string literals with semicolons, so ';' ends a statement. */
    private static List<String> splitStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString());
        }
        return statements;
    }
}
