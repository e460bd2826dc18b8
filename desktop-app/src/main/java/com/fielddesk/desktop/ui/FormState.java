package com.fielddesk.desktop.ui;

import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A form's values against what was last saved (or loaded): dirty while any differs, revert puts
 * them back, and a save makes the current values the new baseline. Holds no nodes, so a ViewModel
 * owns it; {@link Form} shows it.
 */
public final class FormState {

    private final List<Tracked<?>> fields = new ArrayList<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();

    /** Follows {@code value}; its current value is its baseline until {@link #markSaved()}. */
    public <P extends Property<?>> P track(P value) {
        Property<?> tracked = value;
        fields.add(Tracked.of(tracked));
        value.addListener((o, a, b) -> recompute());
        return value;
    }

    /** The current values are what is saved now (after a save, or after loading the record). */
    public void markSaved() {
        fields.forEach(Tracked::rebase);
        recompute();
    }

    /** Puts every value back to what was last saved. */
    public void revert() {
        fields.forEach(Tracked::restore);
        recompute();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    private void recompute() {
        dirty.set(fields.stream().anyMatch(Tracked::changed));
    }

    private static final class Tracked<T> {
        private final Property<T> value;
        private T baseline;

        private Tracked(Property<T> value) {
            this.value = value;
            this.baseline = value.getValue();
        }

        static <T> Tracked<T> of(Property<T> value) {
            return new Tracked<>(value);
        }

        boolean changed() {
            return !Objects.equals(normalised(value.getValue()), normalised(baseline));
        }

        void rebase() {
            baseline = value.getValue();
        }

        void restore() {
            value.setValue(baseline);
        }

        /** An empty text field reads "" or null depending on how it was filled; both mean "nothing". */
        private static Object normalised(Object value) {
            return value instanceof String text && text.isEmpty() ? null : value;
        }
    }
}
