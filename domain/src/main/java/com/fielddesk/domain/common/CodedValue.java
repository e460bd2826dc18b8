package com.fielddesk.domain.common;

import java.util.Objects;

/**
 * A value the server stores as a short code ({@code "en_route"}, {@code "hvac"}) with the words the
 * console shows for it. The server may know codes this console does not (a newer migration, another
 * client): such a value is kept, not dropped or nulled, and shows its code as-is, so a list never
 * loses a row because of a word it does not know. Two values are equal when they are of the same
 * type and have the same code.
 *
 * <p>Each type lists its known values in a {@link Vocabulary}; see {@code Trade} for the pattern.
 */
public abstract class CodedValue {

    private final String code;
    private final String label;
    private final boolean known;

    protected CodedValue(String code, String label, boolean known) {
        this.code = Objects.requireNonNull(code, "code");
        this.label = Objects.requireNonNull(label, "label");
        this.known = known;
    }

    /** The code as the server stores it ({@code "en_route"}). */
    public final String code() {
        return code;
    }

    /** The words the console shows ("En route"); for a value the console does not know, its code. */
    public final String label() {
        return label;
    }

    /** Whether this console knows the value (false for a code only the server knows). */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((CodedValue) other).code.equals(code);
    }

    @Override
    public final int hashCode() {
        return code.hashCode();
    }

    /** The label, so a value can go straight into a combo box or a table cell. */
    @Override
    public final String toString() {
        return label;
    }
}
