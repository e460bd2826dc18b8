package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;

/**
 * One postgres_changes entry of a join: which changes (event, schema, table, filter) a channel
 * wants, and the id the server gave it (events name the ids they match).
 *
 * @param table  null or {@code "*"} for every published table of the schema
 * @param filter null for all rows
 */
record Subscription(int id, String event, String schema, String table, ChangeFilter filter) {

    private static final Set<String> EVENTS = Set.of("*", "INSERT", "UPDATE", "DELETE");

    static final class InvalidSubscriptionException extends RuntimeException {
        InvalidSubscriptionException(String message) {
            super(message);
        }
    }

    static Subscription from(JsonNode entry, int id, PublishedTables tables, String role) {
        String event = entry.path("event").asText("*").toUpperCase(Locale.ROOT);
        String schema = entry.path("schema").asText(null);
        String table = entry.hasNonNull("table") ? entry.get("table").asText() : null;
        String filterText = entry.hasNonNull("filter") ? entry.get("filter").asText() : null;
        if (!EVENTS.contains(event) || schema == null || schema.isBlank()) {
            throw unable(entry);
        }
        if (tables.matching(schema, table).isEmpty()) {
            throw unable(entry);
        }
        ChangeFilter filter = null;
        if (filterText != null && !filterText.isBlank()) {
            if (table == null || table.equals("*") || schema.equals("*")) {
                throw new InvalidSubscriptionException("A filter needs one schema and table: " + filterText);
            }
            try {
                filter = ChangeFilter.parse(filterText);
            } catch (ChangeFilter.InvalidFilterException e) {
                throw new InvalidSubscriptionException(e.getMessage());
            }
            String column = filter.column();
            PublishedTables.Column filtered = tables.table(schema, table).flatMap(t -> t.column(column))
                    .orElseThrow(() -> new InvalidSubscriptionException("Unknown column in filter: " + column));
            if (!filtered.selectableBy().contains(role)) {
                throw new InvalidSubscriptionException("Not allowed to filter on column " + column);
            }
        }
        return new Subscription(id, event, schema, table, filter);
    }

    boolean covers(ChangeFeed.Change change) {
        return (schema.equals("*") || schema.equals(change.schema()))
                && (table == null || table.equals("*") || table.equals(change.table()))
                && (event.equals("*") || event.equals(change.type()));
    }

    private static InvalidSubscriptionException unable(JsonNode entry) {
        return new InvalidSubscriptionException("Unable to subscribe to changes with given parameters. Please check "
                + "Realtime is enabled for the given connect parameters: [event: " + entry.path("event").asText()
                + ", schema: " + entry.path("schema").asText() + ", table: " + entry.path("table").asText("*")
                + ", filters: " + entry.path("filter").asText("[]") + "]");
    }
}
