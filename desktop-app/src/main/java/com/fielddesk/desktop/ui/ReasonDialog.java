package com.fielddesk.desktop.ui;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Function;

/**
 * Asks why before something that cannot be taken back lightly (canceling a job): a question, a
 * required reason, the main button and "Keep it". The main button checks the reason first (its
 * problem shows under the field and the dialog stays open); Esc or "Keep it" closes it with no
 * answer. The dialog pane's id is {@code id}, its field {@code id + "-reason"}.
 */
public final class ReasonDialog {

    private ReasonDialog() {
    }

    /**
     * @param problem the reason's problem in one sentence (blank, too long), empty when it will do
     * @return the reason as typed, or empty when the user kept things as they were
     */
    public static Optional<String> ask(Window owner, String id, String title, String question, String confirm,
                                       Function<String, Optional<String>> problem) {
        Dialog<String> dialog = OwnedDialogs.create(owner, title, id);
        ButtonType main = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep it", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(main, keep);

        Label prompt = new Label(question);
        prompt.setWrapText(true);
        TextArea reason = new TextArea();
        reason.setId(id + "-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText("Why (required)");
        Form form = new Form();
        VBox field = form.field("_Reason", reason);
        ((Label) field.getChildren().get(0)).setMnemonicParsing(true);
        form.rule(reason, reason.textProperty(), problem);
        VBox content = new VBox(8, prompt, field);
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);

        Node button = dialog.getDialogPane().lookupButton(main);
        button.addEventFilter(ActionEvent.ACTION, event -> {
            if (!form.trySave(() -> { })) {
                event.consume();
            }
        });
        dialog.setResultConverter(pressed -> pressed == main ? reason.getText().strip() : null);
        Platform.runLater(reason::requestFocus);
        return dialog.showAndWait();
    }
}
