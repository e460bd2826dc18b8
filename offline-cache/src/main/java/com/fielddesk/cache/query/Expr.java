package com.fielddesk.cache.query;

import com.fielddesk.cache.store.ColumnType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed value in a query: a {@link Column}, or a computed one such as {@link Pending#of}. Builds
 * the conditions and sort keys on it; every value is bound, never written into the SQL.
 */
public abstract class Expr<T> {

    private final Codec<T> codec;

    Expr(Codec<T> codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    public Codec<T> codec() {
        return codec;
    }

    abstract void render(Sql sql);

    /** How the value compares and sorts: decimals kept as text compare as numbers. */
    void renderComparable(Sql sql) {
        if (codec.storage() == ColumnType.DECIMAL_TEXT) {
            sql.append("cast(");
            render(sql);
            sql.append(" as real)");
        } else {
            render(sql);
        }
    }

    Object comparable(T value) {
        Objects.requireNonNull(value, "use isNull()/isNotNull() for null");
        Object bound = codec.toSql(value);
        return codec.storage() == ColumnType.DECIMAL_TEXT ? new BigDecimal((String) bound).doubleValue() : bound;
    }

    private Condition compare(String operator, T value) {
        Object bound = comparable(value);
        return new Condition(sql -> {
            renderComparable(sql);
            sql.append(operator).bind(bound);
        });
    }

    public Condition eq(T value) {
        return compare(" = ", value);
    }

    /** Not equal, null-safe: rows where the value is null are included (SQL {@code is not}). */
    public Condition ne(T value) {
        return compare(" is not ", value);
    }

    public Condition lt(T value) {
        return compare(" < ", value);
    }

    public Condition le(T value) {
        return compare(" <= ", value);
    }

    public Condition gt(T value) {
        return compare(" > ", value);
    }

    public Condition ge(T value) {
        return compare(" >= ", value);
    }

    /** Greater than another value of the row (a column of a joined table, say); false when either is null. */
    public Condition gt(Expr<T> other) {
        return new Condition(sql -> {
            renderComparable(sql);
            sql.append(" > ");
            other.renderComparable(sql);
        });
    }

    /** Inclusive at both ends. */
    public Condition between(T low, T high) {
        return ge(low).and(le(high));
    }

    @SafeVarargs
    public final Condition in(T... values) {
        return in(Arrays.asList(values));
    }

    /** One of the values (none → no row). */
    public Condition in(Collection<? extends T> values) {
        List<Object> bound = values.stream().map(this::comparable).toList();
        if (bound.isEmpty()) {
            return Condition.raw("1 = 0");
        }
        return new Condition(sql -> {
            renderComparable(sql);
            sql.append(" in (");
            for (int i = 0; i < bound.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                sql.bind(bound.get(i));
            }
            sql.append(")");
        });
    }

    public Condition isNull() {
        return new Condition(sql -> {
            render(sql);
            sql.append(" is null");
        });
    }

    public Condition isNotNull() {
        return new Condition(sql -> {
            render(sql);
            sql.append(" is not null");
        });
    }

    /**
     * Case-insensitive "contains" on a text value. A needle of plain ASCII uses SQLite's
     * {@code like} (which folds only A–Z, enough for it, and can be fast); a needle with other
     * letters ("Łódź") compares both sides lower-cased by Unicode rules ({@link Locale#ROOT}) in the
     * cache's {@code fielddesk_fold} function — correct for every script, slower on large tables.
     * {@code %}, {@code _} and {@code \} in the needle are plain characters.
     */
    public Condition containsText(String needle) {
        if (codec.storage() != ColumnType.TEXT) {
            throw new IllegalArgumentException("containsText needs a TEXT column");
        }
        Objects.requireNonNull(needle, "needle");
        boolean ascii = needle.chars().allMatch(c -> c < 128);
        String pattern = "%" + (ascii ? needle : needle.toLowerCase(Locale.ROOT))
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new Condition(sql -> {
            if (ascii) {
                render(sql);
            } else {
                sql.append("fielddesk_fold(");
                render(sql);
                sql.append(")");
            }
            sql.append(" like ").bind(pattern).append(" escape '\\'");
        });
    }

    public Order asc() {
        return new Order(this, false, Order.Nulls.DEFAULT);
    }

    public Order desc() {
        return new Order(this, true, Order.Nulls.DEFAULT);
    }
}
