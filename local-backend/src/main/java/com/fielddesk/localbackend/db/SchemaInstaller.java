package com.fielddesk.localbackend.db;

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
 * provides) as the superuser, then {@code supabase/migrations} in version order as the
 * non-superuser {@code postgres}, with the privileges {@code supabase db push} has on a hosted
 * project today — so a migration that Supabase would refuse fails here first. Each file runs in its
 * own transaction and is recorded, like the Supabase CLI does, so a restart applies only new files.
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
    public int install(DatabaseLogins logins) {
        return install(logins, (done, total) -> { });
    }

    /**
     * The platform bootstrap runs as the superuser (it is Supabase's, not ours); the migrations run
     * as {@code postgres}, which is no superuser — as {@code supabase db push} runs them today.
     */
    public int install(DatabaseLogins logins, Progress progress) {
        int total = platformScripts.size() + migrations.size();
        int applied;
        try (Connection superuser = logins.superuser().getConnection()) {
            ensureHistoryTables(superuser);
            applied = applyMissing(superuser, "platform_history", platformScripts,
                    inPlace -> progress.filesInPlace(inPlace, total));
        } catch (SQLException e) {
            throw new SchemaInstallException("Could not prepare the database schema: " + e.getMessage(), e);
        }
        try (Connection postgres = logins.postgresRole().getConnection()) {
            return applied + applyMissing(postgres, "schema_migrations", migrations,
                    inPlace -> progress.filesInPlace(platformScripts.size() + inPlace, total));
        } catch (SQLException e) {
            throw new SchemaInstallException("Could not apply the migrations: " + e.getMessage(), e);
        }
    }

    /** Like the Supabase CLI's, the migration history belongs to postgres, which writes it. */
    private static void ensureHistoryTables(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("""
                    create schema if not exists supabase_migrations authorization postgres;
                    create table if not exists supabase_migrations.schema_migrations (
                      version text primary key, name text, statements text[]);
                    alter table supabase_migrations.schema_migrations owner to postgres;
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
