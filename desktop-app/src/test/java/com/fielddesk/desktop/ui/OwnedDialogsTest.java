package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.Fx;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.assertj.core.api.Assertions.assertThat;

/** A question before something that cannot be taken back, asked in the console's words. */
class OwnedDialogsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aConfirmationOffersCancelAsTheDefaultAndTheActionByName() {
        Alert confirm = Fx.read(() -> OwnedDialogs.confirmation(null, "Delete customer", "Delete Ada Brennan?", "Delete"));
        assertThat(Fx.read(() -> confirm.getDialogPane().getButtonTypes().stream().map(type -> type.getText()).toList()))
                .as("English on any computer: JavaFX's own Cancel says Abbrechen on a German one").containsExactly("Cancel", "Delete");
        Button cancel = Fx.read(() -> (Button) confirm.getDialogPane().lookupButton(OwnedDialogs.CANCEL));
        assertThat(Fx.read(cancel::isDefaultButton)).as("Enter does not delete").isTrue();
        assertThat(Fx.read(() -> confirm.getDialogPane().getButtonTypes().get(1).getButtonData())).isEqualTo(ButtonBar.ButtonData.OK_DONE);
        assertThat(Fx.read(confirm::getTitle)).isEqualTo("Delete customer");
        assertThat(Fx.read(confirm::getContentText)).isEqualTo("Delete Ada Brennan?");
    }

    @Test
    void closeAndCancelAreTheConsolesWords() {
        assertThat(OwnedDialogs.CLOSE.getText()).isEqualTo("Close");
        assertThat(OwnedDialogs.CANCEL.getText()).isEqualTo("Cancel");
        assertThat(OwnedDialogs.CLOSE.getButtonData()).isEqualTo(ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
