package com.fielddesk.localbackend.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Brings a database to the current schema: first the platform bootstrap (what hosted Supabase
 * provides), then {@code supabase/migrations} in version order. Each file runs in its own
 * transaction and is recorded, like the Supabase CLI does, so a restart applies only new files.
 */
public final class SchemaInstaller {

    public static final String PLATFORM_FOLDER = "platform";
    public static final String MIGRATIONS_FOLDER = "supabase/migrations";

    private final List<SqlScript> platformScripts;
    private final List<SqlScript> migrations;

    public SchemaInstaller(List<SqlScript> platformScripts, List<SqlScript> migrations) {
        this.platformScripts = List.copyOf(platformScripts);
        this.migrations = List.copyOf(migrations);
    }

    /** The scripts packaged with local-backend. */
    public static SchemaInstaller fromClasspath() {
        return new SchemaInstaller(ClasspathScripts.load(PLATFORM_FOLDER), ClasspathScripts.load(MIGRATIONS_FOLDER));
    }

    public List<SqlScript> migrations() {
        return migrations;
    }

    /** Told after each file how many of all the files are in place (applied now or before), for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void filesInPlace(int done, int total);
    }

    /** Applies whatever has not been applied yet; returns how many files ran. */
    public int install(DataSource superuser) {
        return install(superuser, (done, total) -> { });
    }

    public int install(DataSource superuser, Progress progress) {
        int total = platformScripts.size() + migrations.size();
        try (Connection connection = superuser.getConnection()) {
            ensureHistoryTables(connection);
            int applied = applyMissing(connection, "platform_history", platformScripts,
                    inPlace -> progress.filesInPlace(inPlace, total));
            applied += applyMissing(connection, "schema_migrations", migrations,
                    inPlace -> progress.filesInPlace(platformScripts.size() + inPlace, total));
            return applied;
        } catch (SQLException e) {
            throw new SchemaInstallException("Could not prepare the database schema: " + e.getMessage(), e);
        }
    }

    private static void ensureHistoryTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create schema if not exists supabase_migrations;
                    create table if not exists supabase_migrations.schema_migrations (
                      version text primary key, name text, statements text[]);
                    create table if not exists supabase_migrations.platform_history (
                      version text primary key, name text, applied_at timestamptz not null default now());
                    """);
        }
    }

    private static int applyMissing(Connection connection, String historyTable, List<SqlScript> scripts,
                                    IntConsumer inPlace) throws SQLException {
        Set<String> done = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version from supabase_migrations." + historyTable)) {
            while (rows.next()) {
                done.add(rows.getString(1));
            }
        }
        int applied = 0;
        for (int i = 0; i < scripts.size(); i++) {
            SqlScript script = scripts.get(i);
            if (!done.contains(script.version())) {
                apply(connection, historyTable, script);
                applied++;
            }
            inPlace.accept(i + 1);
        }
        return applied;
    }

    private static void apply(Connection connection, String historyTable, SqlScript script) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             PreparedStatement record = connection.prepareStatement(
                     "insert into supabase_migrations." + historyTable + " (version, name) values (?, ?)")) {
            statement.execute(script.sql());
            record.setString(1, script.version());
            record.setString(2, script.name());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SchemaInstallException(
                    "SQL file " + script.version() + "_" + script.name() + ".sql failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A migration that does not apply; carries the file and PostgreSQL's message. */
    public static final class SchemaInstallException extends RuntimeException {
        public SchemaInstallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
