package com.fielddesk.localbackend.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL 17 server run from the binaries bundled in the jar (zonky). It keeps its data in
 * the given folder across restarts; tests pass a temp folder. Listens on 127.0.0.1 only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The superuser zonky creates; only local-backend's own setup code connects as it. */
    public static final String SUPERUSER = "postgres";

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
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    /** Unpooled superuser connections to one database, for setup work. */
    public DataSource superuserDataSource(String database) {
        return postgres.getDatabase(SUPERUSER, database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }
}
