package com.fielddesk.cache.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A server table mirrored in the cache, with its columns as declared in the cache schema.
 *
 * @param writable whether the console may change it (the lead pool is read-only: claims go through an RPC)
 */
public record SyncedTable(String name, int pullOrder, boolean writable, List<Column> columns) {

    /** Columns the server owns: the cache stores them but a push never sends them. */
    public static final List<String> SERVER_MANAGED = List.of("version", "sync_xid", "last_mutation_id",
            "created_at", "updated_at", "deleted_at");

    public record Column(String name, ColumnType type) {
    }

    public SyncedTable {
        columns = List.copyOf(columns);
    }

    public Map<String, Column> byName() {
        return columns.stream().collect(Collectors.toMap(Column::name, c -> c, (a, b) -> a, LinkedHashMap::new));
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The comma-separated column list, every name quoted (names come from the cache schema, not input). */
    public String quotedColumnList() {
        return columns.stream().map(c -> '"' + c.name() + '"').collect(Collectors.joining(","));
    }
}
