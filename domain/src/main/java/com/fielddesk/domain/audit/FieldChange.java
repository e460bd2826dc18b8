package com.fielddesk.domain.audit;

import java.util.Locale;
import java.util.Optional;

/** One field an audited change touched, in words: "Status: Scheduled → Dispatched". */
public record FieldChange(String field, Optional<String> before, Optional<String> after) {

    public String describe() {
        String name = field.replace('_', ' ');
        String label = name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        String from = before.map(FieldChange::shown).orElse("(empty)");
        String to = after.map(FieldChange::shown).orElse("(empty)");
        return before.isEmpty() ? label + ": " + to : label + ": " + from + " → " + to;
    }

    /** A code like "en_route" as words ("En route"); other values as they are. */
    private static String shown(String value) {
        if (value.matches("[a-z]+(_[a-z]+)*")) {
            String words = value.replace('_', ' ');
            return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
        }
        return value;
    }
}
