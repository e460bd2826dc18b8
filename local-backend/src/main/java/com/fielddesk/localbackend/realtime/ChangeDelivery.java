package com.fielddesk.localbackend.realtime;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.http.Json;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns committed changes into the postgres_changes events a subscriber may see. INSERT and
 * UPDATE rows are re-read by primary key <em>as the subscriber</em> (role + claims, so RLS and
 * column grants apply), evaluating the subscriptions' filters in the same query; DELETE carries
 * only the primary key and is not RLS-checked, as in Supabase.
 *
 * <p>A re-read depends only on who reads ({@link VisibilityKeys}), so one re-read serves every
 * subscriber with the same key, and {@link #eventFor} then picks each channel's events from it
 * without touching the database.
 */
final class ChangeDelivery {

    private static final DateTimeFormatter COMMIT_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DataSource authenticator;
    private final PublishedTables tables;

    ChangeDelivery(DataSource authenticator, PublishedTables tables) {
        this.authenticator = authenticator;
        this.tables = tables;
    }

    PublishedTables tables() {
        return tables;
    }

    /** A row as one reader sees it, and which filters (of the subscriptions re-read for) it passes. */
    private record Row(String recordJson, Map<ChangeFilter, Boolean> filterPasses) {
    }

    /** What one reader may see of a batch: per table, the visible rows by primary key. */
    static final class Reread {
        private final String role;
        private final Map<String, Map<String, Row>> rowsByTable = new HashMap<>();

        private Reread(String role) {
            this.role = role;
        }
    }

    /** Someone to re-read a batch for: who reads, and the subscriptions (of one or more channels) served. */
    record Reader(RequestIdentity identity, List<Subscription> subscriptions) {
    }

    /** One table's re-read for one reader: the query, its parameters, and what its columns mean. */
    private record RowQuery(String sql, List<Object> parameters, PublishedTables.Table table, List<ChangeFilter> filters) {
    }

    /**
     * Re-reads the batch for each reader: every inserted or updated row on a table the reader's
     * subscriptions cover, as that reader (role + claims, so RLS and column grants decide),
     * evaluating their filters. All readers share one read-only transaction and one round trip:
     * each reader's identity is applied, then its queries run, then the next reader's identity
     * replaces it (PostgreSQL re-checks a cached plan's row security when the role changes, and the
     * policies read the claims afresh in every statement).
     *
     * @return one re-read per reader, in the same order
     */
    List<Reread> reread(List<Reader> readers, List<ChangeFeed.Change> changes) throws SQLException {
        List<Reread> rereads = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        List<List<RowQuery>> queriesByReader = new ArrayList<>();
        for (Reader reader : readers) {
            String role = reader.identity().role();
            rereads.add(new Reread(role));
            Map<PublishedTables.Table, List<ChangeFeed.Change>> toRead = new LinkedHashMap<>();
            for (ChangeFeed.Change change : changes) {
                if (change.type().equals("DELETE") || reader.subscriptions().stream().noneMatch(s -> s.covers(change))) {
                    continue;
                }
                tables.table(change.schema(), change.table())
                        .filter(table -> !table.visibleTo(role).isEmpty())
                        .ifPresent(table -> toRead.computeIfAbsent(table, t -> new ArrayList<>()).add(change));
            }
            List<RowQuery> queries = new ArrayList<>();
            toRead.forEach((table, rows) -> queries.add(rowQuery(role, table, filtersOn(table, role, reader.subscriptions()), rows)));
            queriesByReader.add(queries);
            if (!queries.isEmpty()) {
                sql.append(RequestIdentity.SETTINGS_SQL).append(";\n");
                queries.forEach(query -> sql.append(query.sql()).append(";\n"));
            }
        }
        if (sql.isEmpty()) {
            return rereads;
        }
        try (Connection connection = authenticator.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement planning = connection.createStatement()) {
                // Plan every execution afresh: a generic plan cached while a table was small keeps
                // probing a company index and filtering by key (measured: 1.4 ms per row at 3,000
                // rows, growing with the table until autovacuum's next ANALYZE invalidated it), where
                // a custom plan for the actual keys probes the primary key.
                planning.execute("set local plan_cache_mode = force_custom_plan");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                // Server-side prepared from the first use on each pooled connection (pgjdbc waits for 5 by
                // default): the same statement text recurs batch after batch, so parsing and row-security
                // rewriting it every time for the first uses on each of the pool's connections is wasted.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
                int index = 1;
                for (int r = 0; r < readers.size(); r++) {
                    if (queriesByReader.get(r).isEmpty()) {
                        continue;
                    }
                    readers.get(r).identity().bindSettings(statement, index);
                    index += RequestIdentity.SETTINGS_PARAMETERS;
                    for (RowQuery query : queriesByReader.get(r)) {
                        for (Object parameter : query.parameters()) {
                            if (parameter instanceof List<?> list) {
                                statement.setArray(index++, connection.createArrayOf("text", list.toArray()));
                            } else {
                                statement.setString(index++, (String) parameter);
                            }
                        }
                    }
                }
                statement.execute();
                for (int r = 0; r < readers.size(); r++) {
                    if (queriesByReader.get(r).isEmpty()) {
                        continue;
                    }
                    statement.getMoreResults(); // past the settings' own one-row result
                    for (RowQuery query : queriesByReader.get(r)) {
                        try (ResultSet rows = statement.getResultSet()) {
                            rereads.get(r).rowsByTable.put(query.table().qualifiedName(), rows(query, rows));
                        }
                        statement.getMoreResults();
                    }
                }
            } finally {
                // Only reads happened; nothing to keep.
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return rereads;
    }

    /**
     * The serialised event data of one batch, built once per distinct content: every channel whose
     * re-read shows a change with the same role's columns and the same row text gets the very same
     * data (only the subscription ids around it differ), so it is serialised once, not per channel.
     * Keyed by content, so sharing never shows anyone a row other than their own re-read's.
     */
    static final class BatchData {
        private record Key(int position, String role, String recordJson) {
        }

        private final Map<Key, RawValue> serialised = new ConcurrentHashMap<>();
    }

    /**
     * The one event of {@code change} (at {@code position} in its batch) for a channel's
     * subscriptions, if any of them receives it.
     */
    Optional<ObjectNode> eventFor(Reread reread, List<Subscription> subscriptions, ChangeFeed.Change change, int position,
                                  BatchData shared) {
        PublishedTables.Table table = tables.table(change.schema(), change.table()).orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        List<Integer> ids = new ArrayList<>();
        if (change.type().equals("DELETE")) {
            if (!table.selectableBy().contains(reread.role)) {
                return Optional.empty();
            }
            for (Subscription subscription : subscriptions) {
                if (subscription.covers(change)
                        && (subscription.filter() == null || matchesKey(subscription.filter(), change.primaryKey()))) {
                    ids.add(subscription.id());
                }
            }
        } else {
            Row row = reread.rowsByTable.getOrDefault(table.qualifiedName(), Map.of()).get(key(table, change.primaryKey()));
            if (row == null) {
                return Optional.empty(); // not visible to this reader (RLS), or deleted again since
            }
            for (Subscription subscription : subscriptions) {
                if (subscription.covers(change)
                        && (subscription.filter() == null || row.filterPasses().getOrDefault(subscription.filter(), false))) {
                    ids.add(subscription.id());
                }
            }
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode idArray = event.putArray("ids");
        ids.forEach(idArray::add);
        Row row = change.type().equals("DELETE") ? null
                : reread.rowsByTable.get(table.qualifiedName()).get(key(table, change.primaryKey()));
        event.putRawValue("data", shared.serialised.computeIfAbsent(
                new BatchData.Key(position, reread.role, row == null ? null : row.recordJson()),
                key -> new RawValue(Json.write(data(key.role(), table, change, key.recordJson())))));
        return Optional.of(event);
    }

    /**
     * Rejects, with a clear message, a filter value that cannot be read as its column's type —
     * otherwise every re-read including that filter would fail.
     */
    void checkFilterValue(Subscription subscription) {
        ChangeFilter filter = subscription.filter();
        if (filter == null) {
            return;
        }
        PublishedTables.Column column = tables.table(subscription.schema(), subscription.table())
                .flatMap(table -> table.column(filter.column())).orElseThrow();
        String cast = filter.operator() == ChangeFilter.Operator.IN
                ? "select cast(cast(? as text[]) as " + column.sqlType() + "[])"
                : "select cast(? as " + column.sqlType() + ")";
        try (Connection connection = authenticator.getConnection();
             PreparedStatement statement = connection.prepareStatement(cast)) {
            if (filter.operator() == ChangeFilter.Operator.IN) {
                statement.setArray(1, connection.createArrayOf("text", filter.values().toArray()));
            } else {
                statement.setString(1, filter.values().get(0));
            }
            statement.executeQuery().close();
        } catch (SQLException e) {
            throw new Subscription.InvalidSubscriptionException("Invalid filter value for column " + column.name()
                    + " (" + column.sqlType() + "): " + filter.values());
        }
    }

    /** The distinct filters on {@code table} among the subscriptions whose column the role may read. */
    private static List<ChangeFilter> filtersOn(PublishedTables.Table table, String role, List<Subscription> subscriptions) {
        Set<ChangeFilter> filters = new LinkedHashSet<>();
        for (Subscription subscription : subscriptions) {
            ChangeFilter filter = subscription.filter();
            // A filter on a column the role cannot read (possible after an access_token switched role)
            // is left out, so it never passes, rather than failing the whole re-read.
            if (filter != null && table.schema().equals(subscription.schema()) && table.name().equals(subscription.table())
                    && table.column(filter.column()).map(c -> c.selectableBy().contains(role)).orElse(false)) {
                filters.add(filter);
            }
        }
        return List.copyOf(filters);
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

    /**
     * The query re-reading the given changed rows of {@code table}: their primary key as text, the
     * columns the role may select as JSON, and one flag per filter.
     *
     * <p>Each key is looked up on its own (a lateral subquery, kept apart by {@code limit 1} — the
     * key is unique anyway), so every row is one primary-key index probe whatever the planner
     * believes about the table's size; a join would let stale statistics pick a scan of every
     * row the reader may see, which grows with the table.
     */
    private static RowQuery rowQuery(String role, PublishedTables.Table table, List<ChangeFilter> filters,
                                     List<ChangeFeed.Change> changes) {
        List<Object> parameters = new ArrayList<>();
        List<String> unnestArguments = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> keyMatches = new ArrayList<>();
        List<String> keyTexts = new ArrayList<>();
        Set<List<String>> distinctKeys = new LinkedHashSet<>();
        for (ChangeFeed.Change change : changes) {
            List<String> keyValues = new ArrayList<>();
            for (String key : table.primaryKey()) {
                JsonNode value = change.primaryKey().get(key);
                keyValues.add(value == null || value.isNull() ? null : value.asText());
            }
            distinctKeys.add(keyValues);
        }
        for (int i = 0; i < table.primaryKey().size(); i++) {
            String key = table.primaryKey().get(i);
            String keySql = "t." + PublishedTables.quote(key);
            unnestArguments.add("cast(? as text[])");
            aliases.add("k" + i);
            keyMatches.add(keySql + " = cast(u.k" + i + " as " + table.column(key).orElseThrow().sqlType() + ")");
            keyTexts.add(keySql + "::text");
            int column = i;
            parameters.add(distinctKeys.stream().map(values -> values.get(column)).toList());
        }
        StringBuilder sql = new StringBuilder("select x.* from unnest(").append(String.join(", ", unnestArguments))
                .append(") as u(").append(String.join(", ", aliases)).append(") cross join lateral (select ")
                .append(String.join(", ", keyTexts))
                .append(", (select row_to_json(r) from (select ")
                .append(String.join(", ", table.visibleTo(role).stream().map(c -> "t." + PublishedTables.quote(c.name())).toList()))
                .append(") r)::text");
        for (ChangeFilter filter : filters) {
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
        sql.append(" from ").append(table.qualifiedName()).append(" t where ").append(String.join(" and ", keyMatches))
                .append(" limit 1) x");
        return new RowQuery(sql.toString(), parameters, table, filters);
    }

    private static Map<String, Row> rows(RowQuery query, ResultSet row) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        int keys = query.table().primaryKey().size();
        while (row.next()) {
            List<String> keyValues = new ArrayList<>();
            for (int i = 1; i <= keys; i++) {
                keyValues.add(row.getString(i));
            }
            Map<ChangeFilter, Boolean> passes = new HashMap<>();
            for (int i = 0; i < query.filters().size(); i++) {
                passes.put(query.filters().get(i), row.getBoolean(keys + 2 + i));
            }
            rows.put(String.join("\u0000", keyValues), new Row(row.getString(keys + 1), passes));
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

    /** The event's data, in Supabase's field order (errors last). */
    private static ObjectNode data(String role, PublishedTables.Table table, ChangeFeed.Change change, String recordJson) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("schema", table.schema());
        data.put("table", table.name());
        data.put("commit_timestamp", COMMIT_TIMESTAMP.format(change.at()));
        data.put("type", change.type());
        ArrayNode columns = data.putArray("columns");
        for (PublishedTables.Column column : table.visibleTo(role)) {
            columns.addObject().put("name", column.name()).put("type", column.typeName());
        }
        if (change.type().equals("DELETE")) {
            data.set("old_record", change.primaryKey());
        } else {
            // PostgreSQL already produced the JSON; embed it as is rather than parse and re-serialise it.
            data.putRawValue("record", new RawValue(recordJson));
            if (change.type().equals("UPDATE")) {
                data.set("old_record", change.primaryKey());
            }
        }
        data.putNull("errors");
        return data;
    }
}
