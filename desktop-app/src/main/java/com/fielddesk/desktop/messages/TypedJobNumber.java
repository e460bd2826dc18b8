package com.fielddesk.desktop.messages;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * What the inbox's Job field holds: nothing (threads about any job or none), a job number as the
 * office writes it ("42", "#42", "Job 42"), or text that is not one — which filters nothing and
 * is said so.
 */
record TypedJobNumber(boolean valid, OptionalLong number) {

    /** The longest number a job can have (PostgreSQL bigint has 19 digits; 18 always fit a long). */
    private static final int MAX_DIGITS = 18;

    static TypedJobNumber of(String typed) {
        String text = typed == null ? "" : typed.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("job")) {
            text = text.substring("job".length()).strip();
        }
        if (text.startsWith("#")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            return new TypedJobNumber(typed == null || typed.isBlank(), OptionalLong.empty());
        }
        if (text.length() > MAX_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new TypedJobNumber(false, OptionalLong.empty());
        }
        return new TypedJobNumber(true, OptionalLong.of(Long.parseLong(text)));
    }
}
