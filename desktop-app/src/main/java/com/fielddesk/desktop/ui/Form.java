package com.fielddesk.desktop.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A form's fields as every screen shows them: the name above the field, and beside it (below) the
 * field's problem in one sentence as soon as the user has changed it — or tried to save — so
 * errors show before anything is queued. The rules are also registered with ControlsFX's
 * {@link ValidationSupport}, whose decoration marks a field with a problem in the theme's danger
 * colour; Ctrl+S saves and Esc cancels ({@link #installKeys}). The values and their dirty state
 * live in the ViewModel ({@link FormState}).
 *
 * <p>The ValidationSupport is made once the form is on screen (two frames after the first rule),
 * not with it: making one loads ControlsFX's decoration images, which the sign-in screen's first
 * frame should not wait for. The sentences under the fields do not depend on it.
 */
public final class Form {

    /** AtlantaFX's state for an input with a problem (red border in both themes). */
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private ValidationSupport validation;
    private boolean validationScheduled;
    private final Map<Control, Supplier<Optional<String>>> rules = new LinkedHashMap<>();
    private final Map<Control, Label> errors = new LinkedHashMap<>();
    private final Set<Control> shown = new HashSet<>();
    private final ReadOnlyBooleanWrapper invalid = new ReadOnlyBooleanWrapper();

    /** ControlsFX's validation of the rules so far (made now if it was not yet). */
    private ValidationSupport validation() {
        if (validation == null) {
            validation = new ValidationSupport();
            validation.setValidationDecorator(new DangerDecoration());
            rules.keySet().forEach(this::registerWithValidation);
        }
        return validation;
    }

    private void registerWithValidation(Control control) {
        validation.registerValidator(control, false, (Control c, Object ignored) -> {
            Optional<String> now = problemOf(c);
            return ValidationResult.fromErrorIf(c, now.orElse(""), now.isPresent());
        });
    }

    /** The field with its name above it (the prompt text vanishes while a field has focus) and room for its problem below. */
    public VBox field(String name, Control control) {
        Label label = new Label(name);
        label.setLabelFor(control);
        Label error = new Label();
        errorBeside(control, error);
        return new VBox(4, label, control, error);
    }

    /** Uses {@code error} (e.g. one an FXML form declares under the field) for the field's problem. */
    public Form errorBeside(Control control, Label error) {
        Label previous = errors.put(control, error);
        if (previous != null && previous != error) {
            throw new IllegalStateException("The field already has its problem label");
        }
        error.getStyleClass().add(Styles.FIELD_ERROR);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        refresh();
        return this;
    }

    /** Checks every field again (a rule depends on something besides its own value, e.g. the chosen workspace). */
    public void recheck() {
        refresh();
        redecorate();
    }

    private void redecorate() {
        if (validation != null) {
            validation.revalidate();
            validation.redecorate();
        }
    }

    /**
     * Checks {@code value} of {@code control} with {@code problem} (one sentence, or empty when the
     * value is fine) whenever it changes. The problem shows once the user changed the field or
     * tried to save.
     */
    public <T> Form rule(Control control, ObservableValue<T> value, Function<? super T, Optional<String>> problem) {
        rules.put(control, () -> problem.apply(value.getValue()));
        value.addListener((o, before, now) -> {
            shown.add(control);
            refresh();
        });
        if (validation != null) {
            registerWithValidation(control);
        } else if (!validationScheduled) {
            validationScheduled = true;
            AfterFramesShown.run(this::validation);
        }
        refresh();
        return this;
    }

    /** A text the user must fill in. */
    public Form required(TextInputControl field, String sentence) {
        return rule(field, field.textProperty(), text -> text == null || text.isBlank() ? Optional.of(sentence)
                : Optional.empty());
    }

    /** The field's problem now (whether or not it is shown yet). */
    public Optional<String> problemOf(Control control) {
        Supplier<Optional<String>> rule = rules.get(control);
        return rule == null ? Optional.empty() : rule.get();
    }

    /**
     * Shows every field's problem; runs {@code save} only when there are none, else puts the
     * cursor in the first field with one. Returns whether it saved.
     */
    public boolean trySave(Runnable save) {
        shown.addAll(rules.keySet());
        refresh();
        validation();
        redecorate();
        Optional<Control> first = rules.keySet().stream().filter(c -> problemOf(c).isPresent()).findFirst();
        if (first.isPresent()) {
            first.get().requestFocus();
            return false;
        }
        save.run();
        return true;
    }

    /** Hides the problems again (after a cancel put the saved values back). */
    public void hideProblems() {
        shown.clear();
        refresh();
        redecorate();
    }

    /** Ctrl+S saves through {@link #trySave}; Esc cancels (typically: revert the values, then {@link #hideProblems}). */
    public void installKeys(Node root, Runnable save, Runnable cancel) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (SAVE.match(event)) {
                trySave(save);
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                cancel.run();
                event.consume();
            }
        });
    }

    /** Whether any field has a problem now (shown or not). */
    public ReadOnlyBooleanProperty invalidProperty() {
        return invalid.getReadOnlyProperty();
    }

    private void refresh() {
        boolean anyProblem = false;
        for (Map.Entry<Control, Supplier<Optional<String>>> rule : rules.entrySet()) {
            Optional<String> problem = rule.getValue().get();
            anyProblem |= problem.isPresent();
            boolean visible = problem.isPresent() && shown.contains(rule.getKey());
            Label error = errors.get(rule.getKey());
            if (error != null) {
                error.setText(problem.orElse(""));
                error.setVisible(visible);
            }
        }
        invalid.set(anyProblem);
    }

    /** ControlsFX's decoration hook, drawing a problem as AtlantaFX's danger state once it may show. */
    private final class DangerDecoration implements ValidationDecoration {
        @Override
        public void removeDecorations(Control target) {
            target.pseudoClassStateChanged(DANGER, false);
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            target.pseudoClassStateChanged(DANGER, message.getSeverity() == Severity.ERROR && shown.contains(target));
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // A required field says so through its rule's sentence, not a corner marker.
        }
    }
}
