package com.fielddesk.supabase.rest;

/** The {@code select} parameter: whitespace outside double quotes is dropped, as supabase-js does. */
final class Columns {

    private Columns() {
    }

    static String clean(String columns) {
        if (columns == null || columns.isBlank()) {
            return "*";
        }
        StringBuilder cleaned = new StringBuilder(columns.length());
        boolean quoted = false;
        for (char c : columns.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || !Character.isWhitespace(c)) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }
}
