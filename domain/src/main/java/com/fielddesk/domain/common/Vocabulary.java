package com.fielddesk.domain.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The known values of one {@link CodedValue} type, in the order the console lists them, and the
 * unknown ones met so far (made on first sight, then reused so equal codes are the same object).
 *
 * @param <T> the value type
 */
public final class Vocabulary<T extends CodedValue> {

    private final Map<String, T> known = new LinkedHashMap<>();
    private final Map<String, T> unknown = new ConcurrentHashMap<>();
    private final Factory<T> factory;
    private volatile List<T> knownValues = List.of();

    /** How a type makes its values: its private constructor. */
    @FunctionalInterface
    public interface Factory<T> {
        T make(String code, String label, boolean known);
    }

    public Vocabulary(Factory<T> factory) {
        this.factory = factory;
    }

    /** Declares a known value; the type's constants call it in listing order. */
    public synchronized T known(String code, String label) {
        T value = factory.make(code, label, true);
        if (known.putIfAbsent(code, value) != null) {
            throw new IllegalArgumentException("Code listed twice: " + code);
        }
        knownValues = List.copyOf(known.values());
        return value;
    }

    /**
     * The value of a stored code: the known one, else a kept unknown value showing the code. Codes
     * are compared exactly (the server writes them in lower case; no case folding, which would
     * depend on the computer's locale). A null code has no value: null.
     */
    public T of(String code) {
        if (code == null) {
            return null;
        }
        T value = known.get(code);
        return value != null ? value : unknown.computeIfAbsent(code, c -> factory.make(c, c, false));
    }

    /** The known values, in listing order (for pick lists; unknown values are never offered). */
    public List<T> values() {
        return Collections.unmodifiableList(knownValues);
    }
}
