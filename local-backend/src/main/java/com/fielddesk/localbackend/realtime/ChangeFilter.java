package com.fielddesk.localbackend.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postgres_changes filter {@code column=op.value} as supabase-js sends it, with Realtime's
 * operators. {@code in} takes {@code (a,b,"c,d")}.
 */
public record ChangeFilter(String column, Operator operator, List<String> values) {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(eq|neq|lt|lte|gt|gte|in)\\.(.*)", Pattern.DOTALL);

    public enum Operator {
        EQ("="), NEQ("<>"), LT("<"), LTE("<="), GT(">"), GTE(">="), IN("= any");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** A filter that is not {@code column=op.value} with a supported operator. */
    public static final class InvalidFilterException extends RuntimeException {
        public InvalidFilterException(String message) {
            super(message);
        }
    }

    public static ChangeFilter parse(String filter) {
        Matcher matcher = SHAPE.matcher(filter.trim());
        if (!matcher.matches()) {
            throw new InvalidFilterException("Invalid filter \"" + filter + "\": expected column=op.value with op one of "
                    + Set.of("eq", "neq", "lt", "lte", "gt", "gte", "in"));
        }
        Operator operator = Operator.valueOf(matcher.group(2).toUpperCase(java.util.Locale.ROOT));
        String value = matcher.group(3);
        if (operator != Operator.IN) {
            return new ChangeFilter(matcher.group(1), operator, List.of(value));
        }
        if (!value.startsWith("(") || !value.endsWith(")")) {
            throw new InvalidFilterException("Invalid filter \"" + filter + "\": in takes a list like in.(a,b)");
        }
        return new ChangeFilter(matcher.group(1), operator, splitList(value.substring(1, value.length() - 1)));
    }

    private static List<String> splitList(String list) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < list.length()) {
                current.append(list.charAt(++i));
            } else if (c == ',' && !quoted) {
                values.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString().trim());
        return values;
    }
}
