package com.fielddesk.cache.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles a {@link Query} to SQL: identifiers from declarations, every value bound. */
final class QueryCompiler {

    private QueryCompiler() {
    }

    /** The compiled select and where each selected value is in its result. */
    record Compiled(Sql sql, Map<String, Integer> columnIndexes, HashMap<Expr<?>, Integer> extraIndexes,
                    List<Integer> sortKeyIndexes) {
    }

    static Sql select(Query query, boolean oneMoreRow) {
        return compile(query, oneMoreRow).sql();
    }

    static Compiled compile(Query query, boolean oneMoreRow) {
        Sql sql = new Sql().append("select ");
        Map<String, Integer> columnIndexes = new LinkedHashMap<>();
        HashMap<Expr<?>, Integer> extraIndexes = new HashMap<>();
        List<Integer> sortKeyIndexes = new ArrayList<>();
        int index = 0;
        for (Table table : query.tables()) {
            for (Column<?> column : table.columns()) {
                if (index > 0) {
                    sql.append(", ");
                }
                column.render(sql);
                columnIndexes.put(Row.key(column), ++index);
            }
        }
        for (Expr<?> value : query.extra) {
            sql.append(", ");
            value.render(sql);
            extraIndexes.put(value, ++index);
        }
        // The sort keys as SQL compares them, for the next page's cursor.
        for (Order key : query.order) {
            sql.append(", ");
            key.expr().renderComparable(sql);
            sortKeyIndexes.add(++index);
        }
        fromAndWhere(query, sql);
        orderAndLimit(query, sql, oneMoreRow);
        return new Compiled(sql, columnIndexes, extraIndexes, sortKeyIndexes);
    }

    /**
     * Only the ids of the query's rows, in its order and limit: no other column is read, so an
     * index holding the filter's and the order's columns answers it alone (no row look-ups).
     */
    static Sql ids(Query query) {
        Sql sql = new Sql().append("select ");
        query.from.id.render(sql);
        fromAndWhere(query, sql);
        orderAndLimit(query, sql, false);
        return sql;
    }

    private static void orderAndLimit(Query query, Sql sql, boolean oneMoreRow) {
        if (!query.order.isEmpty()) {
            sql.append(" order by ");
            for (int i = 0; i < query.order.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                query.order.get(i).render(sql);
            }
        }
        if (query.limit != null) {
            sql.append(" limit ").bind(oneMoreRow ? query.limit + 1 : query.limit);
        }
    }

    static Sql count(Query query) {
        Sql sql = new Sql().append("select count(*)");
        fromAndWhere(query, sql);
        return sql;
    }

    static Sql countBy(Query query, Expr<?> key) {
        Sql sql = new Sql().append("select ");
        key.render(sql);
        sql.append(", count(*)");
        fromAndWhere(query, sql);
        sql.append(" group by 1 order by 1");
        return sql;
    }

    /**
     * The sum of a decimal expression over the matching rows, as an integer count of
     * 10^-{@code decimals} units (cents for 2): each value is rounded to that many places before it
     * is added, so the sum is exact however many rows there are (no floating-point drift).
     */
    static Sql sumUnits(Query query, Expr<java.math.BigDecimal> amount, int decimals) {
        Sql sql = new Sql().append("select coalesce(sum(cast(round(cast(");
        amount.render(sql);
        sql.append(" as real) * ").bind(Math.pow(10, decimals)).append(") as integer)), 0)");
        fromAndWhere(query, sql);
        return sql;
    }

    private static void fromAndWhere(Query query, Sql sql) {
        sql.append(" from ").append(Sql.quote(query.from.name()));
        for (Query.Join join : query.joins) {
            sql.append(join.left() ? " left join " : " join ").append(Sql.quote(join.table().name())).append(" on ");
            join.key().render(sql);
            sql.append(" = ");
            join.equals().render(sql);
            if (!query.includeDeleted) {
                // In the join condition, so a left join keeps the row when the joined one is a tombstone.
                sql.append(" and ");
                join.table().deletedAt.render(sql);
                sql.append(" is null");
            }
        }
        List<Condition> conditions = new ArrayList<>();
        if (!query.includeDeleted) {
            conditions.add(query.from.deletedAt.isNull());
        }
        conditions.addAll(query.conditions);
        if (query.after != null) {
            conditions.add(keyset(query.order, query.after.values()));
        }
        if (!conditions.isEmpty()) {
            sql.append(" where ");
            Condition.all(conditions).render(sql);
        }
    }

    /**
     * Rows strictly after the cursor in the query's order: after on the first key, or equal on it
     * and after on the second, and so on — with each key's direction and null placement.
     */
    private static Condition keyset(List<Order> order, List<Object> values) {
        List<Condition> alternatives = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            List<Condition> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(equal(order.get(j), values.get(j)));
            }
            parts.add(after(order.get(i), values.get(i)));
            alternatives.add(Condition.all(parts));
        }
        Condition keyset = Condition.any(alternatives);
        Order first = order.get(0);
        Object firstValue = values.get(0);
        if (firstValue != null && !first.nullsAtEnd()) {
            // Redundant but index-friendly: a range on the first key lets SQLite start the scan at
            // the cursor instead of walking (and filtering) every row of the earlier pages.
            keyset = keyset.and(new Condition(sql -> {
                first.expr().renderComparable(sql);
                sql.append(first.descending() ? " <= " : " >= ").bind(firstValue);
            }));
        }
        return keyset;
    }

    private static Condition equal(Order key, Object value) {
        return new Condition(sql -> {
            key.expr().renderComparable(sql);
            if (value == null) {
                sql.append(" is null");
            } else {
                sql.append(" = ").bind(value);
            }
        });
    }

    private static Condition after(Order key, Object value) {
        boolean nullsAtEnd = key.nullsAtEnd();
        if (value == null) {
            // Nulls last: nothing comes after a null. Nulls first: every non-null comes after.
            return nullsAtEnd ? Condition.raw("1 = 0") : new Condition(sql -> {
                key.expr().renderComparable(sql);
                sql.append(" is not null");
            });
        }
        return new Condition(sql -> {
            sql.append("(");
            key.expr().renderComparable(sql);
            sql.append(key.descending() ? " < " : " > ").bind(value);
            if (nullsAtEnd) {
                sql.append(" or ");
                key.expr().renderComparable(sql);
                sql.append(" is null");
            }
            sql.append(")");
        });
    }
}
