package com.fielddesk.cache.query;

/** Turns one result row into a value, e.g. a record: {@code row -> new Customer(row.get(C.id), row.get(C.fullName))}. */
@FunctionalInterface
public interface RowMapper<R> {
    R map(Row row);
}
