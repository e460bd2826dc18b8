package com.fielddesk.cache.store;

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
        bindStored(statement, index, stored(value));
    }

    /** Binds a value already in its stored form ({@link #stored}); null → SQL NULL. */
    public static void bindStored(PreparedStatement statement, int index, Object stored) throws SQLException {
        if (stored == null) {
            statement.setNull(index, Types.NULL);
        } else if (stored instanceof String text) {
            statement.setString(index, text);
        } else if (stored instanceof Long number) {
            statement.setLong(index, number);
        } else if (stored instanceof Integer flag) {
            statement.setInt(index, flag);
        } else {
            statement.setDouble(index, (Double) stored);
        }
    }

    /**
     * The value as this column stores it: String (TEXT, DECIMAL_TEXT, JSON_TEXT), Long (INTEGER),
     * Double (REAL), Integer 0/1 (BOOLEAN), or null for a JSON null or a missing value.
     */
    public Object stored(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return switch (this) {
            case TEXT -> value.isTextual() ? value.textValue() : value.toString();
            case INTEGER -> value.isNumber() ? value.longValue() : Long.parseLong(value.asText());
            case REAL -> value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText());
            case BOOLEAN -> (value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(value.asText())) ? 1 : 0;
            case DECIMAL_TEXT -> value.isNumber()
                    ? value.decimalValue().toPlainString() : new BigDecimal(value.asText()).toPlainString();
            case JSON_TEXT -> value.toString();
            case INSTANT_TEXT -> Instants.canonical(value.asText());
        };
    }

    /**
     * The same as {@link #stored(JsonNode)} for a scalar read by a streaming parser (String, Long,
     * BigInteger, Double, Boolean — what a default ObjectMapper's tree would hold), without
     * building the tree; anything else (an array or object) is passed as its JsonNode.
     */
    public Object storedScalar(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return stored(node);
        }
        return switch (this) {
            case TEXT -> value instanceof String text ? text : String.valueOf(value);
            case INTEGER -> value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
            case REAL -> value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString());
            case BOOLEAN -> (value instanceof Boolean flag ? flag : Boolean.parseBoolean(value.toString())) ? 1 : 0;
            case DECIMAL_TEXT -> decimal(value).toPlainString();
            case JSON_TEXT -> stored(JSON.valueToTree(value));
            case INSTANT_TEXT -> Instants.canonical(value.toString());
        };
    }

    /** As a tree's number node would give it (a double through BigDecimal.valueOf, like DoubleNode). */
    private static BigDecimal decimal(Object value) {
        if (value instanceof Double real) {
            return BigDecimal.valueOf(real);
        }
        if (value instanceof Long whole) {
            return BigDecimal.valueOf(whole);
        }
        if (value instanceof java.math.BigInteger big) {
            return new BigDecimal(big);
        }
        return new BigDecimal(value.toString());
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
