package com.fielddesk.cache.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.store.ColumnType;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * How values of one Java type live in a cache column: the storage type it needs (checked against
 * the cache's catalog), the value bound in SQL, the value read back, and the JSON the server
 * receives when the value is written. Ready-made codecs are in {@link Codecs}.
 */
public interface Codec<T> {

    /** The declared type of the column in the cache schema. */
    ColumnType storage();

    /** The value to bind in SQL (String, Long, Integer, Double or null); null stays null. */
    Object toSql(T value);

    /** The value of a result column, or null for SQL NULL. */
    T read(ResultSet rows, int index) throws SQLException;

    /** The value as the server receives it in a push (and as the outbox keeps it). */
    JsonNode toJson(T value);

    /**
     * A codec for a type built on this one, e.g. an enum-like kept as its wire text. Both functions
     * see non-null values only; {@code read} must accept any stored value (see {@link Codecs#enumLike}).
     */
    default <U> Codec<U> map(Function<? super T, ? extends U> read, Function<? super U, ? extends T> write) {
        Codec<T> base = this;
        return new Codec<>() {
            @Override
            public ColumnType storage() {
                return base.storage();
            }

            @Override
            public Object toSql(U value) {
                return value == null ? null : base.toSql(write.apply(value));
            }

            @Override
            public U read(ResultSet rows, int index) throws SQLException {
                T stored = base.read(rows, index);
                return stored == null ? null : read.apply(stored);
            }

            @Override
            public JsonNode toJson(U value) {
                return value == null ? com.fielddesk.cache.store.Json.NODES.nullNode() : base.toJson(write.apply(value));
            }
        };
    }
}
