package com.fielddesk.localbackend;

import com.fielddesk.localbackend.auth.AuthApi;
import com.fielddesk.localbackend.auth.AuthStore;
import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.auth.PasswordHasher;
import com.fielddesk.localbackend.auth.ProjectKeys;
import com.fielddesk.localbackend.db.BackendSchema;
import com.fielddesk.localbackend.db.EmbeddedPostgresServer;
import com.fielddesk.localbackend.demo.DemoActivity;
import com.fielddesk.localbackend.demo.DemoDataGenerator;
import com.fielddesk.localbackend.demo.DemoLogin;
import com.fielddesk.localbackend.http.ApiRoutes;
import com.fielddesk.localbackend.http.Gateway;
import com.fielddesk.localbackend.http.RequestBodies;
import com.fielddesk.localbackend.http.TokenIdentities;
import com.fielddesk.localbackend.realtime.RealtimeServer;
import com.fielddesk.localbackend.rest.RestApi;
import com.fielddesk.localbackend.storage.ObjectFiles;
import com.fielddesk.localbackend.storage.StorageApi;
import com.fielddesk.localbackend.rest.SchemaCache;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * FieldDesk's embedded default backend: embedded PostgreSQL 17 with the platform bootstrap and
 * {@code supabase/migrations}, behind one HTTP server on 127.0.0.1 that speaks Supabase's
 * protocol (see shared/SUPABASE_PROTOCOL.md). Used by the desktop app's Local demo, the CLI and
 * every module's tests.
 */
public final class LocalBackend implements AutoCloseable {

    /** The database the API serves, as on hosted Supabase. */
    public static final String DATABASE = "postgres";
    static final String POSTGRES_FOLDER = "postgres";
    static final String STORAGE_FOLDER = "storage";
    /** REST and Auth bodies above this are refused with 413 before they are read. */
    public static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

    private final LocalBackendConfig config;
    private final EmbeddedPostgresServer postgres;
    private final HikariDataSource adminPool;
    private final HikariDataSource authenticatorPool;
    private final ProjectKeys keys;
    private final SchemaCache schemaCache;
    private final Gateway gateway;
    private final URI url;
    private DemoActivity demoActivity;
    private volatile boolean stopped;

    private LocalBackend(LocalBackendConfig config, EmbeddedPostgresServer postgres, HikariDataSource adminPool,
                         HikariDataSource authenticatorPool, ProjectKeys keys, SchemaCache schemaCache, Gateway gateway,
                         URI url) {
        this.config = config;
        this.postgres = postgres;
        this.adminPool = adminPool;
        this.authenticatorPool = authenticatorPool;
        this.keys = keys;
        this.schemaCache = schemaCache;
        this.gateway = gateway;
        this.url = url;
    }

    public static LocalBackend start(LocalBackendConfig config) {
        return start(config, LocalBackendOptions.defaults());
    }

    public static LocalBackend start(LocalBackendConfig config, Consumer<String> progress) {
        return start(config, LocalBackendOptions.defaults().withProgress(progress));
    }

    /**
     * Starts and blocks until serving. A first start (empty data folder, or {@code reset})
     * initialises the database, applies the platform bootstrap and migrations and loads the
     * demo data asked for; later starts apply only new migrations.
     */
    public static LocalBackend start(LocalBackendConfig config, LocalBackendOptions options) {
        Consumer<String> progress = options.progress();
        Consumer<StartupProgress> steps = options.steps();
        Path data = config.dataDirectory();
        if (config.reset()) {
            progress.accept("Resetting local data…");
            steps.accept(StartupProgress.of(StartupProgress.Phase.RESETTING));
            wipe(data);
        }
        Path postgresFolder = data.resolve(POSTGRES_FOLDER);
        boolean firstStart = !Files.exists(postgresFolder.resolve("PG_VERSION"));
        ProjectKeys keys = ProjectKeys.loadOrCreate(data);

        progress.accept("Starting database…");
        steps.accept(StartupProgress.of(StartupProgress.Phase.STARTING_DATABASE));
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(postgresFolder, 0);
        } catch (EmbeddedPostgresServer.LegacyDataFolderException olderLayout) {
            progress.accept("Recreating the local database made by an older version…");
            wipe(List.of(postgresFolder, data.resolve(STORAGE_FOLDER)));
            firstStart = true;
            postgres = EmbeddedPostgresServer.start(postgresFolder, 0);
        }
        HikariDataSource adminPool = null;
        HikariDataSource authenticatorPool = null;
        Gateway gateway = null;
        try {
            progress.accept("Applying migrations…");
            BackendSchema.installer().install(postgres.logins(DATABASE), (done, total) ->
                    steps.accept(new StartupProgress(StartupProgress.Phase.APPLYING_MIGRATIONS, done, total)));
            adminPool = pool(postgres, EmbeddedPostgresServer.SUPERUSER, 6, "local-backend-admin");
            int apiConnections = options.apiConnections() > 0 ? options.apiConnections()
                    : apiConnections(Runtime.getRuntime().availableProcessors());
            authenticatorPool = pool(postgres, "authenticator", apiConnections, "local-backend-authenticator");
            if (firstStart && config.demo().wanted()) {
                progress.accept("Loading demo data…");
                // As the seed is loaded on Supabase: by postgres, not a superuser.
                DemoLoader.load(postgres.postgresRoleDataSource(DATABASE), config.demo(), (done, total) ->
                        steps.accept(new StartupProgress(StartupProgress.Phase.LOADING_DEMO_DATA, done, total)));
            }
            SchemaCache schemaCache = new SchemaCache(authenticatorPool, "public");
            schemaCache.reload();

            JwtCodec jwt = new JwtCodec(keys.jwtSecret());
            RequestBodies bodies = new RequestBodies(MAX_BODY_BYTES);
            AtomicReference<String> issuer = new AtomicReference<>("http://127.0.0.1/auth/v1");
            List<ApiRoutes> routes = new ArrayList<>();
            routes.add(new AuthApi(new AuthStore(adminPool), jwt, new PasswordHasher(), options.auth(), bodies, issuer::get));
            TokenIdentities tokens = new TokenIdentities(jwt);
            routes.add(new RestApi(authenticatorPool, schemaCache, tokens, bodies));
            routes.add(new StorageApi(authenticatorPool, adminPool, tokens,
                    new ObjectFiles(data.resolve(STORAGE_FOLDER)), bodies));
            routes.add(RealtimeServer.create(postgres.superuserDataSource(DATABASE), authenticatorPool, tokens,
                    RealtimeServer.Settings.defaults()));

            progress.accept("Starting API server…");
            steps.accept(StartupProgress.of(StartupProgress.Phase.STARTING_API));
            gateway = new Gateway(keys, routes);
            int port = gateway.start(config.port());
            URI url = URI.create("http://127.0.0.1:" + port);
            issuer.set(url + AuthApi.PREFIX);
            progress.accept("Ready at " + url);
            steps.accept(StartupProgress.of(StartupProgress.Phase.READY));
            return new LocalBackend(config, postgres, adminPool, authenticatorPool, keys, schemaCache, gateway, url);
        } catch (RuntimeException e) {
            closeQuietly(gateway);
            closeQuietly(authenticatorPool);
            closeQuietly(adminPool);
            closeQuietly(postgres);
            throw e;
        }
    }

    /**
     * Connections for API requests, for a PostgreSQL that shares the machine's cores with this
     * server: HikariCP's pool-sizing rule (two per core, plus one), at least 4, at most the 16 this
     * pool had before. More connections than the cores can serve make a burst slower, not faster:
     * in a claim race of 50 requests on 2 cores, every request holding a connection works at once,
     * and the claimers that will lose take CPU from the one transaction they all wait for
     * ({@code ClaimRaceHttpBenchmark}: p95 117–158 ms with 16 connections, 70–82 ms with 5–6, at
     * load 11–14). The other requests wait for a connection in the pool's queue, which costs
     * nothing. (Raising the floor to 10 on 6 Dec, for a desktop-test stall blamed on the pool, did not
     * stop the stall; its causes were in the console, and the floor went back to 4.)
     */
    static int apiConnections(int cores) {
        return Math.max(4, Math.min(16, 2 * cores + 1));
    }

    private static HikariDataSource pool(EmbeddedPostgresServer postgres, String user, int size, String name) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE);
        hikari.setUsername(user);
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(1);
        hikari.setPoolName(name);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    /** Removes only what local-backend keeps in the folder, never anything else a user put there. */
    private static void wipe(Path data) {
        wipe(List.of(data.resolve(POSTGRES_FOLDER), data.resolve(STORAGE_FOLDER), data.resolve(ProjectKeys.FILE_NAME)));
    }

    private static void wipe(List<Path> owned) {
        for (Path path : owned) {
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not reset " + path, e);
            }
        }
    }

    public URI url() {
        return url;
    }

    public String anonKey() {
        return keys.anonKey();
    }

    public String serviceRoleKey() {
        return keys.serviceRoleKey();
    }

    public String jwtSecret() {
        return keys.jwtSecret();
    }

    /** Superuser connections, for tests, benchmarks and demo seeding. Not for serving requests. */
    public DataSource adminDataSource() {
        return adminPool;
    }

    /**
     * The documented demo sign-ins (all share {@link DemoDataGenerator#DEMO_PASSWORD}) when this
     * backend was started with demo data, else none.
     */
    public List<DemoLogin> demoLogins() {
        return config.demo().wanted() ? DemoDataGenerator.demoLogins() : List.of();
    }

    /**
     * The demo's portal customers (same password as the staff), read from the database: which
     * customers have a portal login depends on the demo data loaded. Empty without demo data.
     */
    public List<DemoLogin> demoPortalLogins() {
        if (!config.demo().wanted()) {
            return List.of();
        }
        List<DemoLogin> logins = new ArrayList<>();
        try (Connection connection = adminPool.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select u.email, c.name from public.customer_portal_accounts a
                       join auth.users u on u.id = a.user_id join public.companies c on c.id = a.company_id
                      where u.email like '%@customer.demo' order by c.name, u.email""");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                logins.add(new DemoLogin(rows.getString(1), DemoDataGenerator.DEMO_PASSWORD, "customer", rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the demo's portal logins: " + e.getMessage(), e);
        }
        return List.copyOf(logins);
    }

    /**
     * Starts {@link DemoActivity} (a portal customer's reply and a new lead every {@code interval})
     * until this backend stops; a second call replaces the first. Only meaningful with demo data.
     */
    public synchronized void startDemoActivity(Duration interval) {
        if (demoActivity != null) {
            demoActivity.close();
        }
        demoActivity = DemoActivity.every(adminPool, interval);
    }

    public LocalBackendConfig config() {
        return config;
    }

    /** The folder for stored files (Storage keeps object bytes outside the database). */
    public Path storageDirectory() {
        return config.dataDirectory().resolve(STORAGE_FOLDER);
    }

    /** Re-reads the catalog, as PostgREST's schema cache reload does; call after DDL outside migrations. */
    public void reloadSchemaCache() {
        schemaCache.reload();
    }

    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        closeQuietly(demoActivity);
        closeQuietly(gateway);
        closeQuietly(authenticatorPool);
        closeQuietly(adminPool);
        postgres.close();
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Shutting down after a failure; the original failure is what matters.
        }
    }
}
