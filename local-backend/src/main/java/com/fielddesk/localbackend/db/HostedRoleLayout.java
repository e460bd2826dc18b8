package com.fielddesk.localbackend.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BiFunction;

/**
 * Gives a cluster the role layout of a hosted Supabase project: the superuser is
 * {@code supabase_admin} and {@code postgres} — the role {@code supabase db push} and the seed run
 * as — is not a superuser. initdb (zonky's) names its bootstrap superuser {@code postgres}, and
 * PostgreSQL never lets the bootstrap superuser lose that attribute, so it is renamed to
 * {@code supabase_admin} and a new, non-superuser {@code postgres} takes its name (what Supabase's
 * images do: supabase/postgres {@code migrations/db/migrate.sh} and
 * {@code migrations/db/migrations/10000000000000_demote-postgres.sql}). The rename needs a session
 * of another superuser, so a short-lived one is created and dropped again.
 */
final class HostedRoleLayout {

    /** Exists only while the bootstrap superuser is being renamed. */
    private static final String RENAMING_ROLE = "fielddesk_role_setup";

    private HostedRoleLayout() {
    }

    /**
     * Brings a freshly started cluster to the hosted layout; does nothing when it already has it.
     *
     * @param login connections to the {@code postgres} database as the given user
     * @throws EmbeddedPostgresServer.LegacyDataFolderException when the cluster was set up by a local-backend that ran
     *         migrations as the superuser (its objects belong to the wrong role)
     */
    static void apply(BiFunction<String, String, DataSource> login) {
        try {
            try (Connection bootstrap = login.apply(EmbeddedPostgresServer.POSTGRES_ROLE, "postgres").getConnection();
                 Statement statement = bootstrap.createStatement()) {
                if (!isSuperuser(statement, EmbeddedPostgresServer.POSTGRES_ROLE)) {
                    return;
                }
                if (exists(statement, "select 1 from pg_namespace where nspname = 'supabase_migrations'")) {
                    throw new EmbeddedPostgresServer.LegacyDataFolderException();
                }
                statement.execute("drop role if exists " + RENAMING_ROLE);
                statement.execute("create role " + RENAMING_ROLE + " superuser login");
            }
            try (Connection renaming = login.apply(RENAMING_ROLE, "postgres").getConnection();
                 Statement statement = renaming.createStatement()) {
                // One transaction: a cluster never exists without a login role named postgres,
                // which zonky connects as to see that the server is up.
                renaming.setAutoCommit(false);
                statement.execute("alter role postgres rename to " + EmbeddedPostgresServer.SUPERUSER);
                statement.execute("create role postgres login nosuperuser createdb createrole replication bypassrls");
                renaming.commit();
            }
            try (Connection superuser = login.apply(EmbeddedPostgresServer.SUPERUSER, "postgres").getConnection();
                 Statement statement = superuser.createStatement()) {
                statement.execute("drop role " + RENAMING_ROLE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the database roles: " + e.getMessage(), e);
        }
    }

    private static boolean isSuperuser(Statement statement, String role) throws SQLException {
        try (ResultSet row = statement.executeQuery("select rolsuper from pg_roles where rolname = '" + role + "'")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            return row.next();
        }
    }
}
