package com.fielddesk.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** One field an audited change touched, in words: "Status: Scheduled → Dispatched". */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {

    public String describe() {
        String label = label();
        return before.isEmpty() ? label + ": " + afterInWords() : label + ": " + beforeInWords() + " → " + afterInWords();
    }

    /** The field as words: "scheduled_start" → "Scheduled start". */
    public String label() {
        String name = field.replace('_', ' ');
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    /** The old value in words, "(empty)" when there was none. */
    public String beforeInWords() {
        return before.map(FieldChange::shown).orElse(EMPTY);
    }

    /** The new value in words, "(empty)" when there is none. */
    public String afterInWords() {
        return after.map(FieldChange::shown).orElse(EMPTY);
    }

    private static final String EMPTY = "(empty)";

    /** A code like "en_route" as words ("En route"); other values as they are. */
    private static String shown(String value) {
        if (value.matches("[a-z]+(_[a-z]+)*")) {
            String words = value.replace('_', ' ');
            return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }
        return value;
    }
}
