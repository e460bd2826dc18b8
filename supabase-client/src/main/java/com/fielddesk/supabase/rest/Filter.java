package com.fielddesk.supabase.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One PostgREST filter: a column condition, a negation or an and/or group. Built with the static
 * factories and combined freely: {@code Filter.or(Filter.eq("a", 1), Filter.not(Filter.and(...)))}.
 */
public sealed interface Filter {

    /** The query parameter this filter becomes at the top level of a request. */
    Map.Entry<String, String> toQueryParameter();

    /** The form inside a logic tree: {@code col.op.value}, {@code not.and(...)}. */
    String toLogicItem();

    static Filter eq(String column, Object value) {
        return new Condition(column, "eq", value);
    }

    static Filter neq(String column, Object value) {
        return new Condition(column, "neq", value);
    }

    static Filter gt(String column, Object value) {
        return new Condition(column, "gt", value);
    }

    static Filter gte(String column, Object value) {
        return new Condition(column, "gte", value);
    }

    static Filter lt(String column, Object value) {
        return new Condition(column, "lt", value);
    }

    static Filter lte(String column, Object value) {
        return new Condition(column, "lte", value);
    }

    /** SQL LIKE; write {@code %} or {@code *} as the wildcard. */
    static Filter like(String column, String pattern) {
        return new Condition(column, "like", pattern);
    }

    static Filter ilike(String column, String pattern) {
        return new Condition(column, "ilike", pattern);
    }

    /** {@code IS NULL / TRUE / FALSE}: value is null, true or false. */
    static Filter is(String column, Boolean value) {
        return new Raw(column, "is", value == null ? "null" : value.toString());
    }

    static Filter isNull(String column) {
        return is(column, null);
    }

    static Filter in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("in(" + column + ") needs at least one value");
        }
        return new Raw(column, "in", PostgrestValues.list(values));
    }

    /** Array column contains all of the values. */
    static Filter contains(String column, Collection<?> values) {
        return new Raw(column, "cs", PostgrestValues.arrayLiteral(values));
    }

    static Filter containedBy(String column, Collection<?> values) {
        return new Raw(column, "cd", PostgrestValues.arrayLiteral(values));
    }

    static Filter overlaps(String column, Collection<?> values) {
        return new Raw(column, "ov", PostgrestValues.arrayLiteral(values));
    }

    static Filter not(Filter filter) {
        return new Not(filter);
    }

    static Filter or(Filter... filters) {
        return new Group("or", List.of(filters));
    }

    static Filter and(Filter... filters) {
        return new Group("and", List.of(filters));
    }

    /** {@code column op value} where the value is a single literal. */
    record Condition(String column, String operator, Object value) implements Filter {
        public Condition {
            requireColumn(column);
            PostgrestValues.literal(value);
        }

        @Override
        public Map.Entry<String, String> toQueryParameter() {
            // Top level: PostgREST reads everything after "op." literally, so nothing is quoted.
            return Map.entry(column, operator + "." + PostgrestValues.literal(value));
        }

        @Override
        public String toLogicItem() {
            return column + "." + operator + "." + PostgrestValues.listItem(value);
        }
    }

    /** {@code column op value} where the value is already in PostgREST syntax (lists, arrays, is-keywords). */
    record Raw(String column, String operator, String encodedValue) implements Filter {
        public Raw {
            requireColumn(column);
        }

        @Override
        public Map.Entry<String, String> toQueryParameter() {
            return Map.entry(column, operator + "." + encodedValue);
        }

        @Override
        public String toLogicItem() {
            return column + "." + operator + "." + encodedValue;
        }
    }

    record Not(Filter filter) implements Filter {
        @Override
        public Map.Entry<String, String> toQueryParameter() {
            Map.Entry<String, String> inner = filter.toQueryParameter();
            if (filter instanceof Group) {
                return Map.entry("not." + inner.getKey(), inner.getValue()); // not.or=(...)
            }
            return Map.entry(inner.getKey(), "not." + inner.getValue());
        }

        @Override
        public String toLogicItem() {
            return "not." + filter.toLogicItem();
        }
    }

    record Group(String operator, List<Filter> filters) implements Filter {
        public Group {
            if (filters.isEmpty()) {
                throw new IllegalArgumentException(operator + "() needs at least one filter");
            }
            filters = List.copyOf(new ArrayList<>(filters));
        }

        @Override
        public Map.Entry<String, String> toQueryParameter() {
            return Map.entry(operator, items());
        }

        @Override
        public String toLogicItem() {
            return operator + items();
        }

        private String items() {
            StringJoiner joined = new StringJoiner(",", "(", ")");
            filters.forEach(filter -> joined.add(filter.toLogicItem()));
            return joined.toString();
        }
    }

    private static void requireColumn(String column) {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a filter needs a column name");
        }
    }
}
