package com.fielddesk.cache.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A filter of a query, compiled to SQL with bound values. Combine with {@link #and}, {@link #or}, {@link #not}. */
public final class Condition {

    @FunctionalInterface
    interface Renderer {
        void render(Sql sql);
    }

    private final Renderer renderer;

    Condition(Renderer renderer) {
        this.renderer = renderer;
    }

    void render(Sql sql) {
        renderer.render(sql);
    }

    public Condition and(Condition other) {
        return all(this, other);
    }

    public Condition or(Condition other) {
        return any(this, other);
    }

    public Condition not() {
        return new Condition(sql -> {
            sql.append("not (");
            render(sql);
            sql.append(")");
        });
    }

    /** Every condition holds (true for none). */
    public static Condition all(Condition... conditions) {
        return join(" and ", "1 = 1", Arrays.asList(conditions));
    }

    public static Condition all(List<Condition> conditions) {
        return join(" and ", "1 = 1", conditions);
    }

    /** At least one condition holds (false for none). */
    public static Condition any(Condition... conditions) {
        return join(" or ", "1 = 0", Arrays.asList(conditions));
    }

    public static Condition any(List<Condition> conditions) {
        return join(" or ", "1 = 0", conditions);
    }

    private static Condition join(String operator, String empty, List<Condition> conditions) {
        List<Condition> parts = List.copyOf(conditions);
        parts.forEach(Objects::requireNonNull);
        return new Condition(sql -> {
            if (parts.isEmpty()) {
                sql.append(empty);
                return;
            }
            sql.append("(");
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    sql.append(operator);
                }
                parts.get(i).render(sql);
            }
            sql.append(")");
        });
    }

    static Condition raw(String text) {
        return new Condition(sql -> sql.append(text));
    }
}
