package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** How urgent a work order is (server check work_order_priority_is_valid). */
public final class Priority extends CodedValue {

    private static final Vocabulary<Priority> VOCABULARY = new Vocabulary<>(Priority::new);

    public static final Priority LOW = VOCABULARY.known("low", "Low");
    public static final Priority NORMAL = VOCABULARY.known("normal", "Normal");
    public static final Priority HIGH = VOCABULARY.known("high", "High");
    public static final Priority EMERGENCY = VOCABULARY.known("emergency", "Emergency");

    private Priority(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static Priority fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<Priority> values() {
        return VOCABULARY.values();
    }
}
