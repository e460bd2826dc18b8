package com.fielddesk.domain.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.audit.AuditLogQuery;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Instants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The offline copy of the audit log's recent entries, in this computer's cache (tables
 * {@code audit_offline_entries} and {@code audit_offline_range}, never synced): the rows as the
 * server sent them, so a supervisor reviews and filters recent activity while the server cannot be
 * reached. The copy knows how far it reaches: complete from {@link Range#since()} up to the newest
 * entry of the last refresh that ran to its end.
 */
public final class AuditOfflineCopy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ENTRY_FIELDS = List.of("seq", "id", "occurred_at", "actor_id", "actor_role", "action",
            "table_name", "row_id", "old_values", "new_values", "hash");
    private static final String COLUMNS = String.join(", ", ENTRY_FIELDS);
    /** The same columns read from {@code audit_offline_entries e}, which the text search joins. */
    private static final String ENTRY_COLUMNS = ENTRY_FIELDS.stream().map(field -> "e." + field)
            .collect(Collectors.joining(", "));
    /** How many of the newest entries of the other filters a text is first looked for in, one by one. */
    static final int NEWEST = 2_000;

    /** What the copy holds for a company: every entry since {@code since}, up to entry {@code completeSeq}. */
    public record Range(Instant since, long completeSeq, Instant refreshedAt) {
    }

    private final CacheDatabase database;

    public AuditOfflineCopy(CacheDatabase database) {
        this.database = database;
    }

    /** How far the copy reaches for the company; empty when it was never filled. */
    public Optional<Range> range(UUID company) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select covered_since, complete_seq, refreshed_at from audit_offline_range where company_id = ?")) {
                query.setString(1, company.toString());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(new Range(Instants.parse(rows.getString(1)), rows.getLong(2),
                            Instants.parse(rows.getString(3)))) : Optional.<Range>empty();
                }
            }
        });
    }

    /**
     * Keeps these server rows for {@code keeper} (the same entry again replaces what was kept) —
     * unless this computer's copy of the keeper's profile says they may not read the log (any more):
     * then the company's copy is emptied instead.
     */
    public void keep(UUID company, UUID keeper, List<JsonNode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        database.write(connection -> {
            if (!mayKeep(connection, company, keeper)) {
                forget(connection, company);
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert or replace into audit_offline_entries"
                    + " (company_id, " + COLUMNS + ", values_text) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (JsonNode row : rows) {
                    insert.setString(1, company.toString());
                    insert.setLong(2, row.path("seq").asLong());
                    insert.setString(3, row.path("id").asText());
                    insert.setString(4, Instants.format(Instants.parse(row.path("occurred_at").asText())));
                    insert.setString(5, textOrNull(row.path("actor_id")));
                    insert.setString(6, row.path("actor_role").asText());
                    insert.setString(7, row.path("action").asText());
                    insert.setString(8, textOrNull(row.path("table_name")));
                    insert.setString(9, textOrNull(row.path("row_id")));
                    insert.setString(10, jsonOrNull(row.path("old_values")));
                    insert.setString(11, jsonOrNull(row.path("new_values")));
                    insert.setString(12, row.path("hash").asText());
                    insert.setString(13, valuesText(row.path("old_values"), row.path("new_values")));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Records a refresh for {@code keeper} that ran to its end: the copy is complete from
     * {@code since} to entry {@code completeSeq}; entries older than {@code since} are dropped. When
     * the keeper's profile on this computer no longer lets them read the log (a sync brought the
     * change while the refresh ran), the company's copy is emptied instead. The copy belongs to the
     * keeper: a sync that takes the role away empties it (the cache's own trigger, V14).
     */
    public void completed(UUID company, UUID keeper, Instant since, long completeSeq, Instant now) {
        database.write(connection -> {
            if (!mayKeep(connection, company, keeper)) {
                forget(connection, company);
                return null;
            }
            try (PreparedStatement trim = connection.prepareStatement(
                    "delete from audit_offline_entries where company_id = ? and occurred_at < ?");
                 PreparedStatement range = connection.prepareStatement("insert or replace into audit_offline_range"
                         + " (company_id, covered_since, complete_seq, refreshed_at, kept_for) values (?, ?, ?, ?, ?)")) {
                trim.setString(1, company.toString());
                trim.setString(2, Instants.format(since));
                trim.executeUpdate();
                range.setString(1, company.toString());
                range.setString(2, Instants.format(since));
                range.setLong(3, completeSeq);
                range.setString(4, Instants.format(now));
                range.setString(5, keeper.toString());
                range.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The kept entries the query asks for, newest first, as the server's rows (the same JSON shape).
     * A text in the values is found as a substring of the values in lower case (a {@code LIKE} on
     * {@code values_text}); how the entries are found depends on how common the text is, never what
     * is found: (1) the newest {@value #NEWEST} entries of the other filters are checked one by one —
     * a common text fills its page there, and a smaller range is answered whole; (2) else, for a
     * text of 3 or more characters, the trigram index (cache V17) names the entries that contain it,
     * and only those are read; (3) a shorter text is checked on every entry of the other filters.
     */
    public List<JsonNode> page(UUID company, AuditLogQuery query) {
        Optional<String> text = query.text().map(words -> words.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return scannedPage(company, query);
        }
        String words = text.get();
        return database.read(connection -> {
            Optional<Long> edge = newestEdge(connection, company, query);
            if (edge.isPresent()) {
                List<JsonNode> newest = scan(connection, company, query, text, edge);
                if (newest.size() >= query.limit()) {
                    return newest;
                }
                if (words.codePointCount(0, words.length()) >= 3) {
                    return indexed(connection, company, query, words);
                }
            }
            return scan(connection, company, query, text, Optional.empty());
        });
    }

    /** The page with every entry of the other filters checked one by one: what {@link #page} answers, the slow way. */
    List<JsonNode> scannedPage(UUID company, AuditLogQuery query) {
        Optional<String> text = query.text().map(words -> words.toLowerCase(Locale.ROOT));
        return database.read(connection -> scan(connection, company, query, text, Optional.empty()));
    }

    /** The seq of the {@value #NEWEST}th newest entry of the filters (the text aside), or empty when there are fewer. */
    private static Optional<Long> newestEdge(Connection connection, UUID company, AuditLogQuery query) throws SQLException {
        List<Object> values = new ArrayList<>();
        String sql = "select seq from audit_offline_entries e where " + filters(company, query, values)
                + " order by e.seq desc limit 1 offset " + (NEWEST - 1);
        try (PreparedStatement edge = prepared(connection, sql, values); ResultSet rows = edge.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        }
    }

    /** The entries of the filters checked one by one (from {@code fromSeq} up only, when given). */
    private static List<JsonNode> scan(Connection connection, UUID company, AuditLogQuery query, Optional<String> text,
                                       Optional<Long> fromSeq) throws SQLException {
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS + " from audit_offline_entries e where ")
                .append(filters(company, query, values));
        text.ifPresent(words -> condition(sql, values, " and e.values_text like ? escape '\\'", AuditLogQuery.containing(words)));
        fromSeq.ifPresent(seq -> condition(sql, values, " and e.seq >= ?", seq));
        sql.append(" order by e.seq desc limit ").append(query.limit());
        return rows(connection, sql.toString(), values);
    }

    /**
     * The entries the trigram index names for the text (its trigrams as one phrase: every entry
     * containing the text, and only those), with the other filters; the LIKE is checked on them too,
     * so the answer is exactly the scan's.
     */
    private static List<JsonNode> indexed(Connection connection, UUID company, AuditLogQuery query, String text)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add("\"" + text.replace("\"", "\"\"") + "\"");
        StringBuilder sql = new StringBuilder("select " + ENTRY_COLUMNS + " from audit_offline_text t"
                + " cross join audit_offline_entries e on e.rowid = t.rowid where audit_offline_text match ? and ")
                .append(filters(company, query, values));
        condition(sql, values, " and e.values_text like ? escape '\\'", AuditLogQuery.containing(text));
        sql.append(" order by e.seq desc limit ").append(query.limit());
        return rows(connection, sql.toString(), values);
    }

    /** Every filter but the text, on {@code audit_offline_entries e}. */
    private static String filters(UUID company, AuditLogQuery query, List<Object> values) {
        StringBuilder sql = new StringBuilder("e.company_id = ?");
        values.add(company.toString());
        query.from().ifPresent(at -> condition(sql, values, " and e.occurred_at >= ?", Instants.format(at)));
        query.to().ifPresent(at -> condition(sql, values, " and e.occurred_at < ?", Instants.format(at)));
        query.actor().ifPresent(actor -> condition(sql, values, " and e.actor_id = ?", actor.toString()));
        query.action().ifPresent(action -> condition(sql, values, " and e.action = ?", action));
        query.table().ifPresent(table -> condition(sql, values, " and e.table_name = ?", table));
        query.rowId().ifPresent(row -> condition(sql, values, " and e.row_id = ?", row.toString()));
        query.beforeSeq().ifPresent(seq -> condition(sql, values, " and e.seq < ?", seq));
        return sql.toString();
    }

    /** Forgets everything kept for the company (a person who may no longer read the log). */
    public void forget(UUID company) {
        database.write(connection -> {
            forget(connection, company);
            return null;
        });
    }

    private static void forget(Connection connection, UUID company) throws SQLException {
        for (String table : List.of("audit_offline_entries", "audit_offline_range")) {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where company_id = ?")) {
                delete.setString(1, company.toString());
                delete.executeUpdate();
            }
        }
    }

    /** Whether this computer's copy of the keeper's profile lets them read the company's log (supervisor or admin of it). */
    private static boolean mayKeep(Connection connection, UUID company, UUID keeper) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from profiles where id = ? and company_id = ?"
                + " and role in ('supervisor', 'admin') and deleted_at is null")) {
            query.setString(1, keeper.toString());
            query.setString(2, company.toString());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void condition(StringBuilder sql, List<Object> values, String clause, Object value) {
        sql.append(clause);
        values.add(value);
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> values) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            return query;
        } catch (SQLException | RuntimeException unbound) {
            query.close();
            throw unbound;
        }
    }

    private static List<JsonNode> rows(Connection connection, String sql, List<Object> values) throws SQLException {
        List<JsonNode> found = new ArrayList<>();
        try (PreparedStatement query = prepared(connection, sql, values)) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    row.put("seq", rows.getLong("seq"));
                    row.put("id", rows.getString("id"));
                    row.put("occurred_at", rows.getString("occurred_at"));
                    row.put("actor_id", rows.getString("actor_id"));
                    row.put("actor_role", rows.getString("actor_role"));
                    row.put("action", rows.getString("action"));
                    row.put("table_name", rows.getString("table_name"));
                    row.put("row_id", rows.getString("row_id"));
                    row.set("old_values", parsed(rows.getString("old_values")));
                    row.set("new_values", parsed(rows.getString("new_values")));
                    row.put("hash", rows.getString("hash"));
                    found.add(row);
                }
            }
        }
        return found;
    }

    /** The values (not the field names) of the old and new values, lower case: what the free-text filter looks in. */
    static String valuesText(JsonNode before, JsonNode after) {
        StringBuilder text = new StringBuilder();
        for (JsonNode values : List.of(before, after)) {
            if (values != null && values.isObject()) {
                Iterator<JsonNode> each = values.elements();
                while (each.hasNext()) {
                    JsonNode value = each.next();
                    text.append(value.isValueNode() ? value.asText() : value.toString()).append('\n');
                }
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String textOrNull(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static String jsonOrNull(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? null : value.toString();
    }

    private static JsonNode parsed(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("An offline audit entry's values are not JSON", unreadable);
        }
    }
}
