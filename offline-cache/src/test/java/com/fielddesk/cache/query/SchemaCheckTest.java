package com.fielddesk.cache.query;

import com.fielddesk.cache.store.CacheDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declarations in code against the cache's own catalog (the migrations). */
class SchemaCheckTest {

    @TempDir
    Path folder;

    static final class Misdeclared extends Table {
        final Column<String> fullName = column("full_name", Codecs.TEXT);
        final Column<BigDecimal> phone = column("phone", Codecs.DECIMAL);
        final Column<String> nickname = column("nickname", Codecs.TEXT);

        Misdeclared() {
            super("customers");
        }
    }

    static final class NotSynced extends Table {
        NotSynced() {
            super("sync_meta");
        }
    }

    @Test
    void everyTableTheCacheDeclaresMatchesItsMigrations() {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            SchemaCheck.verify(database.catalog(), CacheTables.ALL);
            assertThat(CacheTables.ALL).extracting(Table::name).containsExactlyElementsOf(
                    database.catalog().all().stream().map(t -> t.name()).toList());
        }
    }

    @Test
    void aMissingColumnOrAWrongStorageTypeFailsFast() {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.db"))) {
            assertThatThrownBy(() -> SchemaCheck.verify(database.catalog(), new Misdeclared(), new NotSynced()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("customers.phone is stored as TEXT but declared as DECIMAL_TEXT")
                    .hasMessageContaining("customers.nickname does not exist")
                    .hasMessageContaining("sync_meta is not a synced table")
                    .hasMessageNotContaining("full_name");
        }
    }
}
