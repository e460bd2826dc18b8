package com.fielddesk.supabase.rest;

import java.util.Collection;
import java.util.StringJoiner;

/**
 * Encodes values the way PostgREST parses them. A value at the top level of a filter
 * ({@code col=eq.<value>}) is taken literally up to the end of the parameter. Inside a list
 * ({@code in.(a,b)}) or a logic tree ({@code or=(a.eq.x,b.eq.y)}) the characters
 * {@code , . : ( )} separate items, so such a value — and any value with quotes, backslashes,
 * spaces or nothing at all — is wrapped in double quotes with {@code "} and {@code \} escaped by a
 * backslash. Array literals ({@code cs.{a,b}}) follow PostgreSQL's array syntax, which quotes the
 * same way for {@code , { } "} and {@code \}.
 */
public final class PostgrestValues {

    private PostgrestValues() {
    }

    /** A value inside {@code in.(...)}, {@code or=(...)}, {@code and=(...)}. */
    public static String listItem(Object value) {
        String text = literal(value);
        return needsQuotes(text, ",.:()\"\\ \t\r\n") ? quote(text) : text;
    }

    /** {@code (a,"b,c")} for {@code in}. */
    public static String list(Collection<?> values) {
        StringJoiner joined = new StringJoiner(",", "(", ")");
        for (Object value : values) {
            joined.add(listItem(value));
        }
        return joined.toString();
    }

    /** {@code {a,"b,c"}} for {@code cs}, {@code cd}, {@code ov} on array columns. */
    public static String arrayLiteral(Collection<?> values) {
        StringJoiner joined = new StringJoiner(",", "{", "}");
        for (Object value : values) {
            String text = literal(value);
            joined.add(needsQuotes(text, ",{}\"\\ \t\r\n") || text.equalsIgnoreCase("null") ? quote(text) : text);
        }
        return joined.toString();
    }

    /** A value as PostgREST compares it: text as is, everything else by its string form. */
    public static String literal(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a filter value; use is(column, null) / isNull(column)");
        }
        return value.toString();
    }

    private static boolean needsQuotes(String text, String reserved) {
        if (text.isEmpty()) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (reserved.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
