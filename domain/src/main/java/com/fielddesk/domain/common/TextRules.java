package com.fielddesk.domain.common;

import java.util.List;

/**
 * The server's text check constraints ({@code char_length(btrim(x)) between 1 and n},
 * {@code char_length(x) <= n}) as checks a form runs before anything is queued, with sentences.
 * Lengths count characters as PostgreSQL does (code points), not UTF-16 units, so "Zoë Łódź 😀"
 * counts the emoji once.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Blank text is no value: stored as null. Otherwise the text without surrounding whitespace. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** A required field of at most {@code max} characters. */
    public static void required(List<FieldError> errors, String field, String what, String value, int max) {
        if (value == null) {
            errors.add(new FieldError(field, capitalized(what) + " is required."));
        } else {
            atMost(errors, field, what, value, max);
        }
    }

    /** An optional field of at most {@code max} characters. */
    public static void atMost(List<FieldError> errors, String field, String what, String value, int max) {
        int length = length(value);
        if (length > max) {
            errors.add(new FieldError(field, capitalized(what) + " can be at most " + max + " characters ("
                    + length + " now)."));
        }
    }

    /**
     * A record number as someone types it into a search ("42" or "#42"); empty for anything else,
     * which is then only text to look for.
     */
    public static java.util.Optional<Long> recordNumber(String text) {
        String digits = text == null ? "" : text.strip().startsWith("#") ? text.strip().substring(1) : text.strip();
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(digits));
    }

    private static String capitalized(String what) {
        return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
