package com.fielddesk.localbackend.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL 17 server run from the binaries bundled in the jar (zonky). It keeps its data in
 * the given folder across restarts; tests pass a temp folder. Listens on 127.0.0.1 only. Its roles
 * are laid out as on hosted Supabase ({@link HostedRoleLayout}).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The cluster's superuser, as on hosted Supabase; only local-backend's own setup code, its
     *  servers (Auth, Storage rules, Realtime) and tests connect as it. */
    public static final String SUPERUSER = "supabase_admin";
    /** Not a superuser, as on hosted Supabase: migrations and the seed run as it. */
    public static final String POSTGRES_ROLE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts (initialising the folder on first use) a server.
     *
     * @param dataDirectory where the cluster lives; kept between starts
     * @param port          0 picks a free port
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    // Realtime and the sync cursor rely on xid8 and NOTIFY; nothing else special.
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setServerConfig("fsync", "on")
                    // zonky's builder sets synchronous_commit off by default: a commit would be
                    // acknowledged before its WAL reached the disk, and a crash of the server or the
                    // machine could lose claims, payments and audit entries already reported as done.
                    // On, as on hosted Supabase (PostgreSQL's default).
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        try {
            HostedRoleLayout.apply(postgres::getDatabase);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A JDBC URL that connects as the superuser. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** Unpooled superuser connections to one database, for setup work. */
    public DataSource superuserDataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database);
    }

    /** Unpooled connections as {@link #POSTGRES_ROLE}, the non-superuser migrations and the seed run as. */
    public DataSource postgresRoleDataSource(String database) {
        return postgres.getDatabase(POSTGRES_ROLE, database);
    }

    /** Both logins of one database, as the schema installer needs them. */
    public DatabaseLogins logins(String database) {
        return new DatabaseLogins(superuserDataSource(database), postgresRoleDataSource(database));
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    /**
     * A data folder from before the hosted role layout: migrations ran as the superuser there, so
     * what they created belongs to it and the non-superuser {@code postgres} could not change it.
     * Such a folder holds only local demo data; it is recreated.
     */
    public static final class LegacyDataFolderException extends RuntimeException {
        LegacyDataFolderException() {
            super("This local database was created by an older FieldDesk local backend (its migrations ran as a "
                    + "superuser); it has to be recreated.");
        }
    }
}
