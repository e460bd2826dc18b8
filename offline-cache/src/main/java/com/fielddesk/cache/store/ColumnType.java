package com.fielddesk.cache.store;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * How a server value (as JSON, the way PostgREST sends it) is kept in an SQLite column and turned
 * back into JSON for a push. The kind comes from the declared column type in the cache schema, so
 * the SQL migration is the only place that lists columns.
 */
public enum ColumnType {
    /** uuid, text, enums, dates (ISO-8601 text as the server sent it). */
    TEXT,
    /** integer, bigint, xid8 (PostgREST sends xid8 as a string of digits). */
    INTEGER,
    REAL,
    /** kept as 0/1. */
    BOOLEAN,
    /** numeric/money kept as its decimal text so no precision is lost. */
    DECIMAL_TEXT,
    /** arrays and jsonb kept as JSON text. */
    JSON_TEXT,
    /** timestamptz kept as {@link Instants}' one text form, so text order is time order. */
    INSTANT_TEXT;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static ColumnType fromDeclared(String declared) {
        String upper = declared == null ? "" : declared.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "INTEGER", "INT", "BIGINT" -> INTEGER;
            case "REAL", "DOUBLE" -> REAL;
            case "BOOLEAN" -> BOOLEAN;
            case "DECIMAL_TEXT" -> DECIMAL_TEXT;
            case "JSON_TEXT" -> JSON_TEXT;
            case "INSTANT_TEXT" -> INSTANT_TEXT;
            default -> TEXT;
        };
    }

    /** Binds a JSON value (null or missing → SQL NULL). */
    public void bind(PreparedStatement statement, int index, JsonNode value) throws SQLException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            statement.setNull(index, Types.NULL);
            return;
        }
        switch (this) {
            case TEXT -> statement.setString(index, value.isTextual() ? value.textValue() : value.toString());
            case INTEGER -> statement.setLong(index, value.isNumber() ? value.longValue() : Long.parseLong(value.asText()));
            case REAL -> statement.setDouble(index, value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText()));
            case BOOLEAN -> statement.setInt(index, value.isBoolean() ? (value.booleanValue() ? 1 : 0)
                    : (Boolean.parseBoolean(value.asText()) ? 1 : 0));
            case DECIMAL_TEXT -> statement.setString(index, value.isNumber()
                    ? value.decimalValue().toPlainString() : new BigDecimal(value.asText()).toPlainString());
            case JSON_TEXT -> statement.setString(index, value.toString());
            case INSTANT_TEXT -> statement.setString(index, Instants.canonical(value.asText()));
        }
    }

    /** Reads a column back as the JSON value the server understands. */
    public JsonNode read(ResultSet rows, int index) throws SQLException {
        Object raw = rows.getObject(index);
        if (raw == null) {
            return NODES.nullNode();
        }
        return switch (this) {
            case TEXT -> NODES.textNode(rows.getString(index));
            case INTEGER -> NODES.numberNode(rows.getLong(index));
            case REAL -> NODES.numberNode(rows.getDouble(index));
            case BOOLEAN -> NODES.booleanNode(rows.getInt(index) != 0);
            case DECIMAL_TEXT -> NODES.numberNode(new BigDecimal(rows.getString(index)));
            case JSON_TEXT -> parse(rows.getString(index));
            case INSTANT_TEXT -> NODES.textNode(rows.getString(index));
        };
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CacheException("Corrupt JSON in the local cache: " + e.getOriginalMessage(), e);
        }
    }
}
