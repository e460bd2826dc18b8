package com.fielddesk.localbackend.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

    /** The event payloads, in commit order, of the changes the caller may see. */
    List<ObjectNode> eventsFor(RequestIdentity caller, List<Subscription> subscriptions, List<ChangeFeed.Change> changes) {
        List<ObjectNode> events = new ArrayList<>();
        try (Connection connection = authenticator.getConnection()) {
            connection.setAutoCommit(false);
            try {
                caller.applyTo(connection);
                for (ChangeFeed.Change change : changes) {
                    PublishedTables.Table table = tables.table(change.schema(), change.table()).orElse(null);
                    if (table == null) {
                        continue;
                    }
                    List<Subscription> covering = subscriptions.stream().filter(s -> s.covers(change)).toList();
                    ObjectNode event;
                    try {
                        event = change.type().equals("DELETE")
                                ? deleted(caller, table, covering, change)
                                : reread(connection, caller, table, covering, change);
                    } catch (SQLException refused) {
                        // E.g. a column grant changed since start: deliver nothing, keep serving the rest.
                        LOG.debug("Realtime re-read refused for {}.{}: {}", table.schema(), table.name(), refused.getMessage());
                        connection.rollback();
                        caller.applyTo(connection);
                        continue;
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
            LOG.warn("Realtime delivery could not read changes: {}", e.getMessage());
        }
        return events;
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

    private ObjectNode reread(Connection connection, RequestIdentity caller, PublishedTables.Table table,
                              List<Subscription> covering, ChangeFeed.Change change) throws SQLException {
        List<PublishedTables.Column> visible = table.visibleTo(caller.role());
        if (visible.isEmpty()) {
            return null;
        }
        StringBuilder sql = new StringBuilder("select (select row_to_json(r) from (select ");
        sql.append(String.join(", ", visible.stream().map(c -> "t." + PublishedTables.quote(c.name())).toList()));
        sql.append(") r)::text");
        List<Object> parameters = new ArrayList<>();
        for (Subscription subscription : covering) {
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
        sql.append(" from ").append(table.qualifiedName()).append(" t where ");
        List<String> keyConditions = new ArrayList<>();
        for (String key : table.primaryKey()) {
            PublishedTables.Column column = table.column(key).orElseThrow();
            keyConditions.add("t." + PublishedTables.quote(key) + " = cast(? as " + column.sqlType() + ")");
            JsonNode value = change.primaryKey().get(key);
            parameters.add(value == null || value.isNull() ? null : value.asText());
        }
        sql.append(String.join(" and ", keyConditions));

        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof List<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("text", list.toArray()));
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null; // not visible to this caller (RLS), or gone again
                }
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < covering.size(); i++) {
                    if (row.getBoolean(2 + i)) {
                        ids.add(covering.get(i).id());
                    }
                }
                if (ids.isEmpty()) {
                    return null;
                }
                ObjectNode data = data(table, caller.role(), change);
                data.set("record", parse(row.getString(1)));
                if (change.type().equals("UPDATE")) {
                    data.set("old_record", change.primaryKey());
                }
                return event(ids, data);
            }
        }
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

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL returned invalid JSON", e);
        }
    }

}
