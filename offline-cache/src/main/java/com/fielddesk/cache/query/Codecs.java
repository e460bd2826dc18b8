package com.fielddesk.cache.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.store.ColumnType;
import com.fielddesk.cache.store.Instants;
import com.fielddesk.cache.store.Json;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/** The codecs of the cache's column kinds. */
public final class Codecs {

    private Codecs() {
    }

    public static final Codec<String> TEXT = new Base<>(ColumnType.TEXT) {
        @Override
        public Object toSql(String value) {
            return value;
        }

        @Override
        public String read(ResultSet rows, int index) throws SQLException {
            return rows.getString(index);
        }

        @Override
        JsonNode json(String value) {
            return Json.NODES.textNode(value);
        }
    };

    public static final Codec<Long> LONG = new Base<>(ColumnType.INTEGER) {
        @Override
        public Object toSql(Long value) {
            return value;
        }

        @Override
        public Long read(ResultSet rows, int index) throws SQLException {
            long value = rows.getLong(index);
            return rows.wasNull() ? null : value;
        }

        @Override
        JsonNode json(Long value) {
            return Json.NODES.numberNode(value);
        }
    };

    public static final Codec<Integer> INT = LONG.map(Math::toIntExact, Integer::longValue);

    /** Kept as 0/1. */
    public static final Codec<Boolean> BOOL = new Base<>(ColumnType.BOOLEAN) {
        @Override
        public Object toSql(Boolean value) {
            return value == null ? null : value ? 1 : 0;
        }

        @Override
        public Boolean read(ResultSet rows, int index) throws SQLException {
            int value = rows.getInt(index);
            return rows.wasNull() ? null : value != 0;
        }

        @Override
        JsonNode json(Boolean value) {
            return Json.NODES.booleanNode(value);
        }
    };

    /**
     * Exact: kept as its decimal text and read back as the same {@link BigDecimal}. Comparisons and
     * ordering in SQL go through a REAL cast ({@link Expr}), exact to 15 significant digits.
     */
    public static final Codec<BigDecimal> DECIMAL = new Base<>(ColumnType.DECIMAL_TEXT) {
        @Override
        public Object toSql(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }

        @Override
        public BigDecimal read(ResultSet rows, int index) throws SQLException {
            String value = rows.getString(index);
            return value == null ? null : new BigDecimal(value);
        }

        @Override
        JsonNode json(BigDecimal value) {
            return Json.NODES.numberNode(value);
        }
    };

    public static final Codec<UUID> UUID_TEXT = TEXT.map(UUID::fromString, UUID::toString);

    /** Kept in {@link Instants}' one text form, so SQL order and ranges are time order. */
    public static final Codec<Instant> INSTANT = new Base<>(ColumnType.INSTANT_TEXT) {
        @Override
        public Object toSql(Instant value) {
            return value == null ? null : Instants.format(value);
        }

        @Override
        public Instant read(ResultSet rows, int index) throws SQLException {
            String value = rows.getString(index);
            return value == null ? null : Instants.parse(value);
        }

        @Override
        JsonNode json(Instant value) {
            return Json.NODES.textNode(Instants.format(value));
        }
    };

    /** A {@code date} column (ISO text, which sorts in date order). */
    public static final Codec<LocalDate> DATE = TEXT.map(LocalDate::parse, LocalDate::toString);

    /** jsonb and arrays, kept as JSON text. */
    public static final Codec<JsonNode> JSON = new Base<>(ColumnType.JSON_TEXT) {
        @Override
        public Object toSql(JsonNode value) {
            return value == null || value.isNull() ? null : value.toString();
        }

        @Override
        public JsonNode read(ResultSet rows, int index) throws SQLException {
            String value = rows.getString(index);
            return value == null ? null : Json.parse(value);
        }

        @Override
        JsonNode json(JsonNode value) {
            return value;
        }
    };

    /**
     * An enum-like kept as its wire text. {@code fromWire} must accept every text, including values
     * a newer server sends that this program does not know (keep them, e.g. as an "unknown" value
     * carrying the text) — a list must never fail or go blank because of one new status.
     */
    public static <T> Codec<T> enumLike(Function<String, T> fromWire, Function<T, String> toWire) {
        return TEXT.map(fromWire, toWire);
    }

    private abstract static class Base<T> implements Codec<T> {
        private final ColumnType storage;

        Base(ColumnType storage) {
            this.storage = storage;
        }

        @Override
        public ColumnType storage() {
            return storage;
        }

        @Override
        public JsonNode toJson(T value) {
            return value == null ? Json.NODES.nullNode() : json(value);
        }

        abstract JsonNode json(T value);
    }
}
