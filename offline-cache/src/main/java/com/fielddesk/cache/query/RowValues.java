package com.fielddesk.cache.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed values for an insert or update of one table:
 * {@code RowValues.of(INVOICES).set(INVOICES.customerId, customer).set(INVOICES.total, total)}.
 * Immutable; each {@code set} returns a new instance.
 */
public final class RowValues {

    private final Table table;
    private final Map<String, Entry<?>> values;

    private record Entry<T>(Column<T> column, T value) {
    }

    private RowValues(Table table, Map<String, Entry<?>> values) {
        this.table = table;
        this.values = values;
    }

    public static RowValues of(Table table) {
        return new RowValues(table, Map.of());
    }

    /** Sets a column (null writes SQL NULL); the column must belong to this table. */
    public <T> RowValues set(Column<T> column, T value) {
        if (!column.table().name().equals(table.name())) {
            throw new IllegalArgumentException(column + " is not a column of " + table.name());
        }
        Map<String, Entry<?>> more = new LinkedHashMap<>(values);
        more.put(column.name(), new Entry<>(column, value));
        return new RowValues(table, more);
    }

    public Table table() {
        return table;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The values as the write path and the server take them. */
    ObjectNode toJson() {
        ObjectNode row = Json.object();
        values.forEach((name, entry) -> row.set(name, json(entry)));
        return row;
    }

    private static <T> com.fasterxml.jackson.databind.JsonNode json(Entry<T> entry) {
        return entry.column().codec().toJson(entry.value());
    }
}
