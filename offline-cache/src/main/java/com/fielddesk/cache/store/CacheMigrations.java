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
import java.util.Locale;

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
        return fromClasspath(Integer.MAX_VALUE);
    }

    /** The scripts up to a version (tests build a file of an older version and upgrade it). */
    static CacheMigrations fromClasspath(int upToVersion) {
        List<String> scripts = new ArrayList<>();
        for (int version = 1; version <= upToVersion; version++) {
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

    /**
     * Splits a script at the semicolons that end statements: not inside a string literal, a quoted
     * identifier or a comment, and not inside a trigger body ({@code create trigger … begin …; …;
     * end;}), where {@code begin}/{@code case} … {@code end} nest.
     */
    static List<String> splitStatements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder firstWords = new StringBuilder();
        int depth = 0;
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int newline = script.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
                current.append('\n');
                continue;
            }
            if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < length) {
                    if (script.charAt(close) == c) {
                        if (close + 1 < length && script.charAt(close + 1) == c) {
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    close++;
                }
                int stop = Math.min(close + 1, length);
                current.append(script, i, stop);
                i = stop;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int stop = i;
                while (stop < length && (Character.isLetterOrDigit(script.charAt(stop)) || script.charAt(stop) == '_')) {
                    stop++;
                }
                String word = script.substring(i, stop).toLowerCase(Locale.ROOT);
                if (firstWords.length() < 40) {
                    firstWords.append(word).append(' ');
                }
                boolean trigger = isTrigger(firstWords);
                if (trigger && (word.equals("begin") || word.equals("case"))) {
                    depth++;
                } else if (trigger && word.equals("end") && depth > 0) {
                    depth--;
                }
                current.append(script, i, stop);
                i = stop;
                continue;
            }
            current.append(c);
            i++;
            if (c == ';' && depth == 0) {
                if (!current.toString().isBlank()) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                firstWords.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static boolean isTrigger(CharSequence firstWords) {
        String words = firstWords.toString();
        return words.startsWith("create trigger ") || words.startsWith("create temp trigger ")
                || words.startsWith("create temporary trigger ");
    }
}
