package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.Fx;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A small customer form on a real stage, driven with the keyboard: errors beside fields before saving, Ctrl+S, Esc. */
class FormTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final FxRobot robot = new FxRobot();
    private final FormState state = new FormState();
    private final StringProperty name = state.track(new SimpleStringProperty("Pat Customer"));
    private final StringProperty email = state.track(new SimpleStringProperty("pat@example.test"));
    private final AtomicInteger saves = new AtomicInteger();
    private Form form;
    private TextField nameField;
    private TextField emailField;
    private VBox root;

    @BeforeEach
    void showForm() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            form = new Form();
            nameField = new TextField();
            nameField.setId("name");
            nameField.textProperty().bindBidirectional(name);
            emailField = new TextField();
            emailField.setId("email");
            emailField.textProperty().bindBidirectional(email);
            form.required(nameField, "Enter the customer's name.")
                    .rule(emailField, emailField.textProperty(), text -> text.isBlank() || text.contains("@") ? Optional.empty()
                            : Optional.of("An email address needs an @."));
            root = new VBox(8, form.field("Name", nameField), form.field("Email", emailField));
            form.installKeys(root, () -> {
                saves.incrementAndGet();
                state.markSaved();
            }, () -> {
                state.revert();
                form.hideProblems();
            });
            stage.setScene(new Scene(root, 400, 200));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aProblemShowsBesideItsFieldAsSoonAsTheUserChangesIt() {
        assertThat(Fx.read(() -> visibleErrors())).as("nothing shouts before the user touched anything").isEmpty();
        robot.clickOn("#email").eraseText(16).write("pat.example.test");
        Fx.waitUntil("the email's problem is under the email field", DEADLINE,
                () -> visibleErrors().equals(java.util.List.of("An email address needs an @."))
                        && errorUnder(emailField).isVisible());
        Fx.waitUntil("ControlsFX's validation marks the field in the theme's danger colour", DEADLINE,
                () -> emailField.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));
        assertThat(Fx.read(() -> form.invalidProperty().get())).isTrue();
        assertThat(Fx.read(state::isDirty)).isTrue();
    }

    @Test
    void ctrlSWithAProblemSavesNothingAndPutsTheCursorInTheField() {
        robot.clickOn("#name").eraseText(12);
        robot.clickOn("#email");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Fx.waitUntil("the cursor is back in the empty name", DEADLINE, () -> nameField.isFocused());
        assertThat(saves).hasValue(0);
        assertThat(Fx.read(() -> visibleErrors())).containsExactly("Enter the customer's name.");

        robot.write("Pat Smith");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Fx.waitUntil("saved once", DEADLINE, () -> saves.get() == 1);
        assertThat(Fx.read(state::isDirty)).isFalse();
        assertThat(Fx.read(() -> visibleErrors())).isEmpty();
    }

    @Test
    void escPutsTheSavedValuesBackAndHidesTheProblems() {
        robot.clickOn("#email").eraseText(16).write("nonsense");
        Fx.waitUntil("the problem shows", DEADLINE, () -> !visibleErrors().isEmpty());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        Fx.waitUntil("the saved email is back, unmarked", DEADLINE, () -> emailField.getText().equals("pat@example.test")
                && !emailField.getPseudoClassStates().contains(PseudoClass.getPseudoClass("danger")));
        assertThat(Fx.read(() -> visibleErrors())).isEmpty();
        assertThat(Fx.read(state::isDirty)).isFalse();
        assertThat(saves).hasValue(0);
    }

    private java.util.List<String> visibleErrors() {
        return root.lookupAll("." + Styles.FIELD_ERROR).stream().filter(javafx.scene.Node::isVisible)
                .map(node -> ((Label) node).getText()).toList();
    }

    private Label errorUnder(TextField field) {
        VBox box = (VBox) field.getParent();
        return (Label) box.getChildren().get(box.getChildren().indexOf(field) + 1);
    }
}
