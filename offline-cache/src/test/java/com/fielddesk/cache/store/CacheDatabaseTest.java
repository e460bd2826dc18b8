package com.fielddesk.cache.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheDatabaseTest {

    @TempDir
    Path folder;

    @Test
    void opensInWalModeWithEveryMigrationApplied() {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("a/b/cache.db"))) {
            String mode = database.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement("pragma journal_mode");
                     ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
            assertThat(database.catalog().all()).extracting(SyncedTable::name)
                    .contains("work_orders", "customers", "lead_pool", "customer_messages", "internal_messages", "invoices")
                    .as("the first screen's tables are pulled first (V4)")
                    .startsWith("companies", "profiles", "lead_pool", "service_requests", "customer_addresses", "customers");
            assertThat(database.catalog().require("work_orders").column("total")).get()
                    .extracting(SyncedTable.Column::type).isEqualTo(ColumnType.DECIMAL_TEXT);
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotReapplyMigrations() {
        Path file = folder.resolve("cache.db");
        try (CacheDatabase database = CacheDatabase.open(file)) {
            database.write(connection -> {
                connection.createStatement().execute("insert into customers (id, full_name) values ('c1', 'Kim')");
                return null;
            });
        }
        try (CacheDatabase database = CacheDatabase.open(file)) {
            int count = database.read(connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from customers")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(count).isEqualTo(1);
        }
    }

    @Test
    void aFileFromANewerAppIsRefusedWithAClearMessage() throws Exception {
        Path file = folder.resolve("cache.db");
        CacheDatabase.open(file).close();
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("pragma user_version = 99");
        }
        assertThatThrownBy(() -> CacheDatabase.open(file)).isInstanceOf(CacheException.class)
                .hasMessageContaining("newer FieldDesk");
    }

    @Test
    void aFailedWriteRollsBackAndNotifiesNobody() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            java.util.List<java.util.Set<String>> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();
            database.changes().subscribe(notifications::add);
            assertThatThrownBy(() -> database.write(connection -> {
                connection.createStatement().execute("insert into customers (id, full_name) values ('c1', 'Kim')");
                database.markTouched("customers");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            int count = database.read(connection -> {
                try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from customers")) {
                    rows.next();
                    return rows.getInt(1);
                }
            });
            assertThat(count).isZero();
            // Notices are delivered off the committing thread: a later commit's notice is the first heard.
            database.write(connection -> {
                database.markTouched("work_orders");
                return null;
            });
            com.fielddesk.cache.testing.Await.until("the later commit is heard", java.time.Duration.ofSeconds(10),
                    () -> !notifications.isEmpty());
            assertThat(notifications).containsExactly(java.util.Set.of("work_orders"));
        }
    }

    @Test
    void removeLocalDataDeletesTheFileAndItsWal() {
        Path file = folder.resolve("cache.db");
        CacheDatabase.open(file).close();
        assertThat(file).exists();
        CacheDatabase.deleteFiles(file);
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(Path.of(file + "-wal"))).isFalse();
    }
}
