package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fielddesk.localbackend.db.RequestIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns committed changes into the postgres_changes events one channel may see: INSERT and
 * UPDATE rows are re-read by primary key <em>as the channel's caller</em> (role + claims, so RLS
 * and column grants apply) together with each subscription's filter; DELETE carries only the
 * primary key and is not RLS-checked, as in Supabase.
 */
final class ChangeDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDelivery.class);
    private static final DateTimeFormatter COMMIT_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final DataSource authenticator;
    private final PublishedTables tables;

    ChangeDelivery(DataSource authenticator, PublishedTables tables) {
        this.authenticator = authenticator;
        this.tables = tables;
    }

    PublishedTables tables() {
        return tables;
    }

    /**
     * The event payloads, in commit order, of the changes the caller may see. One transaction as
     * the caller, and one re-read per table for the whole batch, so a burst costs a few queries
     * per subscriber rather than a few per change.
     */
    List<ObjectNode> eventsFor(RequestIdentity caller, List<Subscription> subscriptions, List<ChangeFeed.Change> changes) {
        List<ObjectNode> events = new ArrayList<>();
        try (Connection connection = authenticator.getConnection()) {
            connection.setAutoCommit(false);
            try {
                caller.applyTo(connection);
                Map<String, Map<String, Reread>> rereads = new HashMap<>();
                for (ChangeFeed.Change change : changes) {
                    PublishedTables.Table table = tables.table(change.schema(), change.table()).orElse(null);
                    if (table == null) {
                        continue;
                    }
                    List<Subscription> covering = subscriptions.stream().filter(s -> s.covers(change)).toList();
                    ObjectNode event;
                    if (change.type().equals("DELETE")) {
                        event = deleted(caller, table, covering, change);
                    } else {
                        Map<String, Reread> rows = rereads.get(table.qualifiedName());
                        if (rows == null) {
                            rows = reread(connection, caller, table, subscriptions, changes);
                            rereads.put(table.qualifiedName(), rows);
                        }
                        event = visible(caller, table, covering, change, rows.get(key(table, change.primaryKey())));
                    }
                    if (event != null) {
                        events.add(event);
                    }
                }
            } finally {
                // Only reads happened; nothing to keep.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // E.g. a grant changed since start: this caller gets nothing from this batch.
            LOG.warn("Realtime delivery could not re-read changes: {}", e.getMessage());
        }
        return events;
    }

    /** A row as the caller sees it, and which of the table's subscriptions' filters it passes. */
    private record Reread(String recordJson, Map<Integer, Boolean> filterPasses) {
    }

    private ObjectNode deleted(RequestIdentity caller, PublishedTables.Table table, List<Subscription> covering,
                               ChangeFeed.Change change) {
        if (!table.selectableBy().contains(caller.role())) {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        for (Subscription subscription : covering) {
            ChangeFilter filter = subscription.filter();
            if (filter == null || matchesKey(filter, change.primaryKey())) {
                ids.add(subscription.id());
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        ObjectNode data = data(table, caller.role(), change);
        data.set("old_record", change.primaryKey());
        return event(ids, data);
    }

    /** A DELETE knows only the key, so only filters on key columns can be decided. */
    private static boolean matchesKey(ChangeFilter filter, JsonNode primaryKey) {
        JsonNode value = primaryKey.get(filter.column());
        if (value == null) {
            return false;
        }
        return switch (filter.operator()) {
            case EQ -> filter.values().get(0).equals(value.asText());
            case NEQ -> !filter.values().get(0).equals(value.asText());
            case IN -> filter.values().contains(value.asText());
            default -> false;
        };
    }

    private ObjectNode visible(RequestIdentity caller, PublishedTables.Table table, List<Subscription> covering,
                               ChangeFeed.Change change, Reread row) {
        if (row == null) {
            return null; // not visible to this caller (RLS), or deleted again since
        }
        List<Integer> ids = covering.stream().map(Subscription::id)
                .filter(id -> row.filterPasses().getOrDefault(id, false)).toList();
        if (ids.isEmpty()) {
            return null;
        }
        ObjectNode data = data(table, caller.role(), change);
        // PostgreSQL already produced the JSON; embed it as is rather than parse and re-serialise it.
        data.putRawValue("record", new RawValue(row.recordJson()));
        if (change.type().equals("UPDATE")) {
            data.set("old_record", change.primaryKey());
        }
        return event(ids, data);
    }

    /**
     * Re-reads, as the caller, every inserted or updated row of {@code table} in the batch: the
     * columns the caller's role may select, plus one flag per subscription filter on the table.
     */
    private Map<String, Reread> reread(Connection connection, RequestIdentity caller, PublishedTables.Table table,
                                       List<Subscription> subscriptions, List<ChangeFeed.Change> changes) throws SQLException {
        List<PublishedTables.Column> visible = table.visibleTo(caller.role());
        List<Subscription> onTable = subscriptions.stream()
                .filter(s -> (s.schema().equals("*") || s.schema().equals(table.schema()))
                        && (s.table() == null || s.table().equals("*") || s.table().equals(table.name())))
                .toList();
        Map<String, Reread> rows = new HashMap<>();
        if (visible.isEmpty() || onTable.isEmpty()) {
            return rows;
        }
        StringBuilder sql = new StringBuilder("select ");
        List<String> keyTexts = table.primaryKey().stream().map(key -> "t." + PublishedTables.quote(key) + "::text").toList();
        sql.append(String.join(", ", keyTexts));
        sql.append(", (select row_to_json(r) from (select ");
        sql.append(String.join(", ", visible.stream().map(c -> "t." + PublishedTables.quote(c.name())).toList()));
        sql.append(") r)::text");
        List<Object> parameters = new ArrayList<>();
        for (Subscription subscription : onTable) {
            ChangeFilter filter = subscription.filter();
            if (filter == null) {
                sql.append(", true");
                continue;
            }
            PublishedTables.Column column = table.column(filter.column()).orElseThrow();
            String columnSql = "t." + PublishedTables.quote(column.name());
            if (filter.operator() == ChangeFilter.Operator.IN) {
                sql.append(", coalesce(").append(columnSql).append(" = any(cast(cast(? as text[]) as ")
                        .append(column.sqlType()).append("[])), false)");
                parameters.add(filter.values());
            } else {
                sql.append(", coalesce(").append(columnSql).append(' ').append(filter.operator().sql())
                        .append(" cast(? as ").append(column.sqlType()).append("), false)");
                parameters.add(filter.values().get(0));
            }
        }
        // (t.k1, t.k2) in (the batch's keys, cast to the key columns' types)
        List<String> keyColumns = new ArrayList<>();
        List<String> keyCasts = new ArrayList<>();
        List<String> unnestArguments = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < table.primaryKey().size(); i++) {
            String key = table.primaryKey().get(i);
            keyColumns.add("t." + PublishedTables.quote(key));
            keyCasts.add("cast(u.k" + i + " as " + table.column(key).orElseThrow().sqlType() + ")");
            unnestArguments.add("cast(? as text[])");
            aliases.add("k" + i);
            List<String> values = new ArrayList<>();
            for (ChangeFeed.Change change : changes) {
                if (!change.type().equals("DELETE") && change.schema().equals(table.schema())
                        && change.table().equals(table.name())) {
                    JsonNode value = change.primaryKey().get(key);
                    values.add(value == null || value.isNull() ? null : value.asText());
                }
            }
            parameters.add(values);
        }
        sql.append(" from ").append(table.qualifiedName()).append(" t where (").append(String.join(", ", keyColumns))
                .append(") in (select ").append(String.join(", ", keyCasts)).append(" from unnest(")
                .append(String.join(", ", unnestArguments)).append(") as u(").append(String.join(", ", aliases)).append("))");

        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            int keys = table.primaryKey().size();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    List<String> keyValues = new ArrayList<>();
                    for (int i = 1; i <= keys; i++) {
                        keyValues.add(row.getString(i));
                    }
                    Map<Integer, Boolean> passes = new HashMap<>();
                    for (int i = 0; i < onTable.size(); i++) {
                        passes.put(onTable.get(i).id(), row.getBoolean(keys + 2 + i));
                    }
                    rows.put(String.join("\u0000", keyValues), new Reread(row.getString(keys + 1), passes));
                }
            }
        }
        return rows;
    }

    private static String key(PublishedTables.Table table, JsonNode primaryKey) {
        List<String> keyValues = new ArrayList<>();
        for (String key : table.primaryKey()) {
            JsonNode value = primaryKey.get(key);
            keyValues.add(value == null || value.isNull() ? null : value.asText());
        }
        return String.join("\u0000", keyValues);
    }

    private ObjectNode data(PublishedTables.Table table, String role, ChangeFeed.Change change) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("schema", table.schema());
        data.put("table", table.name());
        data.put("commit_timestamp", COMMIT_TIMESTAMP.format(change.at()));
        data.put("type", change.type());
        ArrayNode columns = data.putArray("columns");
        for (PublishedTables.Column column : table.visibleTo(role)) {
            columns.addObject().put("name", column.name()).put("type", column.typeName());
        }
        data.putNull("errors");
        return data;
    }

    private static ObjectNode event(List<Integer> ids, ObjectNode data) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode idArray = event.putArray("ids");
        ids.forEach(idArray::add);
        // errors last, as Supabase orders it; record/old_record were set after it, so move it.
        JsonNode errors = data.remove("errors");
        data.set("errors", Objects.requireNonNullElse(errors, JsonNodeFactory.instance.nullNode()));
        event.set("data", data);
        return event;
    }
}
