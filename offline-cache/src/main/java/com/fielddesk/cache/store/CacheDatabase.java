package com.fielddesk.cache.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one SQLite file of a (workspace, user): WAL mode, versioned migrations, one writer
 * connection (SQLite allows one writer anyway) and one reader connection so screens can read
 * while a sync page is being applied. Every write is one transaction; listeners hear about the
 * tables it touched only after it committed.
 */
public final class CacheDatabase implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final Connection checkpointer;
    private final ScheduledExecutorService checkpoints;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CacheDatabase.class);
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final ChangeNotifier notifier = new ChangeNotifier();
    private final ThreadLocal<ChangeNotice.Builder> touched = new ThreadLocal<>();
    private final TableCatalog catalog;
    private final SearchIndexes searchIndexes;

    private CacheDatabase(Path file, Connection writer, Connection reader, Connection checkpointer) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.checkpointer = checkpointer;
        this.catalog = TableCatalog.read(writer);
        try {
            this.searchIndexes = SearchIndexes.read(writer);
        } catch (SQLException e) {
            throw new CacheException("Could not read the cache's search indexes: " + e.getMessage(), e);
        }
        this.checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqlite-checkpoint " + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
    }

    /** Copies committed WAL pages into the main file without blocking writers (PASSIVE). */
    private void checkpoint() {
        try (Statement statement = checkpointer.createStatement()) {
            statement.execute("pragma wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.warn("SQLite checkpoint failed (will retry): {}", e.getMessage());
        }
    }

    /** Opens (creating if needed) the cache file and brings its schema to the latest version. */
    public static CacheDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection writer = connect(file);
            try (Statement statement = writer.createStatement()) {
                statement.execute("pragma journal_mode = wal");
                // NORMAL in WAL mode survives a killed process (only a power cut can lose the last commits).
                statement.execute("pragma synchronous = normal");
                statement.execute("pragma foreign_keys = off");
                // Checkpoints (which fsync the main file) run on a background connection, not
                // inside a user's write: that keeps the local-write latency flat.
                statement.execute("pragma wal_autocheckpoint = 0");
                // Pages written by sync touch the table, its indexes and the search index at
                // random places: with SQLite's default 2 MB page cache that halved the write speed
                // of a 100k-row initial sync (the cache is a maximum, used only as filled).
                statement.execute("pragma cache_size = -65536");
            }
            // Indexes a first pull set aside before its process was killed are made again before
            // any new migration runs: a migration may change or drop one of them.
            DeferredIndexes.restoreLeftovers(writer);
            CacheMigrations.fromClasspath().migrate(writer);
            Connection reader = connect(file);
            Connection checkpointer = connect(file);
            CacheDatabase database = new CacheDatabase(file, writer, reader, checkpointer);
            // Rows a migration marked for indexing (an upgraded cache's existing rows).
            database.write(connection -> null);
            return database;
        } catch (SQLException | IOException e) {
            throw new CacheException("Could not open the local cache " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("pragma busy_timeout = 10000");
        }
        SqlFunctions.register(connection);
        return connection;
    }

    public Path file() {
        return file;
    }

    public TableCatalog catalog() {
        return catalog;
    }

    public ChangeNotifier changes() {
        return notifier;
    }

    /** Runs work in one write transaction; commits on return, rolls back on any exception. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        if (writeLock.getHoldCount() > 1) {
            writeLock.unlock();
            throw new IllegalStateException("Nested write transactions are not supported");
        }
        ChangeNotice.Builder changes = new ChangeNotice.Builder();
        touched.set(changes);
        T result;
        try {
            writer.setAutoCommit(false);
            try {
                result = work.run(writer);
                searchIndexes.refresh(writer);
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CacheException("Local cache write failed: " + e.getMessage(), e);
        } finally {
            touched.remove();
            writeLock.unlock();
        }
        if (!changes.isEmpty()) {
            notifier.fire(changes.build());
        }
        return result;
    }

    /**
     * Records that the current write transaction changed rows of a table it does not name (a sync
     * page), so observers of the table hear "many/unknown rows" after commit.
     */
    public void markTouched(String table) {
        changesOfThisTransaction().table(table);
    }

    /** Records that the current write transaction changed this row, so observers hear its id after commit. */
    public void markTouched(String table, String id) {
        changesOfThisTransaction().row(table, id);
    }

    private ChangeNotice.Builder changesOfThisTransaction() {
        ChangeNotice.Builder changes = touched.get();
        if (changes == null) {
            throw new IllegalStateException("markTouched outside a write transaction");
        }
        return changes;
    }

    /** Runs read-only work on the reader connection; sees the last committed state. */
    public <T> T read(Work<T> work) {
        readLock.lock();
        try {
            reader.setAutoCommit(false);
            try {
                return work.run(reader);
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CacheException("Local cache read failed: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() {
        notifier.close();
        checkpoints.shutdownNow();
        try {
            checkpoints.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint();
        List<SQLException> failures = new ArrayList<>();
        for (Connection connection : List.of(checkpointer, reader, writer)) {
            try {
                connection.close();
            } catch (SQLException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new CacheException("Could not close the local cache: " + failures.get(0).getMessage(), failures.get(0));
        }
    }

    /** "Remove local data": deletes the cache file and its WAL side files. The database must be closed. */
    public static void deleteFiles(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(file.toAbsolutePath() + suffix));
            }
        } catch (IOException e) {
            throw new CacheException("Could not remove the local data at " + file + ": " + e.getMessage(), e);
        }
    }
}
