package com.fielddesk.cache.query;

/**
 * One sort key of a query. Nulls default to SQLite's own placement (first ascending, last
 * descending), which an index can serve; {@link #nullsFirst}/{@link #nullsLast} override it.
 */
public record Order(Expr<?> expr, boolean descending, Nulls nulls) {

    public enum Nulls { DEFAULT, FIRST, LAST }

    public Order nullsFirst() {
        return new Order(expr, descending, Nulls.FIRST);
    }

    public Order nullsLast() {
        return new Order(expr, descending, Nulls.LAST);
    }

    /** Whether nulls come after the other values in this order. */
    boolean nullsAtEnd() {
        return switch (nulls) {
            case FIRST -> false;
            case LAST -> true;
            case DEFAULT -> descending;
        };
    }

    void render(Sql sql) {
        expr.renderComparable(sql);
        sql.append(descending ? " desc" : " asc");
        if (nulls != Nulls.DEFAULT && nullsAtEnd() != descending) {
            sql.append(nullsAtEnd() ? " nulls last" : " nulls first");
        }
    }
}
