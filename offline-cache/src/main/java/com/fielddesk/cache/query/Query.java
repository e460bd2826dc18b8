package com.fielddesk.cache.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A read of the cache, built from declarations and compiled to one SQL statement with bound
 * values only. Immutable: every method returns a new query, so a screen can keep a base query and
 * add its filter. Tombstones ({@code deleted_at} set) of every table in the query are left out
 * unless {@link #includeDeleted()}. Run it with {@link LocalCache} (or inside a {@link Transaction}).
 *
 * <pre>{@code
 * Query page = Query.from(WORK_ORDERS)
 *         .where(WORK_ORDERS.status.in("scheduled", "dispatched").and(WORK_ORDERS.customerId.eq(customer)))
 *         .orderBy(WORK_ORDERS.scheduledStart.desc(), WORK_ORDERS.id.asc())
 *         .limit(200);
 * }</pre>
 */
public final class Query {

    record Join(Table table, boolean left, Column<?> key, Expr<?> equals) {
    }

    final Table from;
    final List<Join> joins;
    final List<Condition> conditions;
    final List<Order> order;
    final Integer limit;
    final PageCursor after;
    final boolean includeDeleted;
    final List<Expr<?>> extra;

    private Query(Table from, List<Join> joins, List<Condition> conditions, List<Order> order, Integer limit,
                  PageCursor after, boolean includeDeleted, List<Expr<?>> extra) {
        this.from = from;
        this.joins = List.copyOf(joins);
        this.conditions = List.copyOf(conditions);
        this.order = List.copyOf(order);
        this.limit = limit;
        this.after = after;
        this.includeDeleted = includeDeleted;
        this.extra = List.copyOf(extra);
    }

    public static Query from(Table table) {
        return new Query(Objects.requireNonNull(table), List.of(), List.of(), List.of(), null, null, false, List.of());
    }

    /** {@code left join table on key = equals}: the row of {@code table} may be missing (its columns read null). */
    public <K> Query leftJoin(Table table, Column<K> key, Expr<K> equals) {
        return join(new Join(table, true, key, equals));
    }

    /** {@code join table on key = equals}: only rows that have a (live) match. */
    public <K> Query join(Table table, Column<K> key, Expr<K> equals) {
        return join(new Join(table, false, key, equals));
    }

    private Query join(Join join) {
        if (join.table().name().equals(from.name()) || joins.stream().anyMatch(j -> j.table().name().equals(join.table().name()))) {
            throw new IllegalArgumentException(join.table().name() + " is already in this query");
        }
        if (!join.key().table().name().equals(join.table().name())) {
            throw new IllegalArgumentException("The join key " + join.key() + " is not a column of " + join.table().name());
        }
        List<Join> more = new ArrayList<>(joins);
        more.add(join);
        return new Query(from, more, conditions, order, limit, after, includeDeleted, extra);
    }

    /** Adds a filter (ANDed with the ones before). */
    public Query where(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(Objects.requireNonNull(condition));
        return new Query(from, joins, more, order, limit, after, includeDeleted, extra);
    }

    /**
     * The sort, replacing any before. For {@link LocalCache#page} end it with a unique key (e.g.
     * the id) so the keyset position is exact.
     */
    public Query orderBy(Order... keys) {
        return new Query(from, joins, conditions, Arrays.asList(keys), limit, after, includeDeleted, extra);
    }

    public Query limit(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return new Query(from, joins, conditions, order, rows, after, includeDeleted, extra);
    }

    /** Keyset pagination: only rows after this position in the query's order (from {@link Page#next()}). */
    public Query after(PageCursor cursor) {
        if (cursor != null && cursor.values().size() != order.size()) {
            throw new IllegalArgumentException("The cursor was made for a query with another order");
        }
        return new Query(from, joins, conditions, order, limit, cursor, includeDeleted, extra);
    }

    /** Also rows whose {@code deleted_at} is set (normally the cache removes tombstones anyway). */
    public Query includeDeleted() {
        return new Query(from, joins, conditions, order, limit, after, true, extra);
    }

    /** Also selects computed values (e.g. {@link Pending#of}) so mappers can {@code row.get} them. */
    public Query select(Expr<?>... values) {
        List<Expr<?>> more = new ArrayList<>(extra);
        more.addAll(Arrays.asList(values));
        return new Query(from, joins, conditions, order, limit, after, includeDeleted, more);
    }

    List<Table> tables() {
        List<Table> tables = new ArrayList<>();
        tables.add(from);
        joins.forEach(join -> tables.add(join.table()));
        return tables;
    }

    @Override
    public String toString() {
        return QueryCompiler.select(this, false).toString();
    }
}
