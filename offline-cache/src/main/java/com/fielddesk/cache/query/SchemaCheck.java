package com.fielddesk.cache.query;

import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.cache.store.TableCatalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Verifies table declarations against the cache's own catalog (the migrations): every declared
 * table is synced, every declared column exists with the storage its codec needs. Call it from a
 * test (and, cheaply, at start-up) so a typo or a changed migration fails fast, not in a screen.
 */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    /** @throws IllegalStateException naming every mismatch */
    public static void verify(TableCatalog catalog, Table... tables) {
        verify(catalog, Arrays.asList(tables));
    }

    public static void verify(TableCatalog catalog, Collection<? extends Table> tables) {
        List<String> problems = problems(catalog, tables);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Table declarations do not match the cache schema: " + String.join("; ", problems));
        }
    }

    public static List<String> problems(TableCatalog catalog, Collection<? extends Table> tables) {
        List<String> problems = new ArrayList<>();
        for (Table table : tables) {
            if (!catalog.contains(table.name())) {
                problems.add(table.name() + " is not a synced table");
                continue;
            }
            SyncedTable synced = catalog.require(table.name());
            for (Column<?> column : table.columns()) {
                synced.column(column.name()).ifPresentOrElse(found -> {
                    if (found.type() != column.codec().storage()) {
                        problems.add(column + " is stored as " + found.type() + " but declared as " + column.codec().storage());
                    }
                }, () -> problems.add(column + " does not exist"));
            }
        }
        return problems;
    }
}
