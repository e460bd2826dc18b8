package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.ui.Durations;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Styles;
import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.Lead;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The selected pool lead beside the table: what the job is (never the customer's contact details,
 * which come with a claim), Claim and Decline, why they are unavailable, and the one message.
 */
final class LeadDetailView {

    private final Node pane;

    LeadDetailView(LeadPoolViewModel viewModel, Formats formats) {
        Label title = new Label();
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        Label badge = new Label("EMERGENCY");
        badge.getStyleClass().add(Styles.EMERGENCY_BADGE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Label age = new Label();
        Label window = new Label();
        Label description = new Label();
        description.setWrapText(true);

        Button claim = new Button("Claim lead", new FontIcon(Material2AL.CHECK_CIRCLE));
        claim.setId(LeadsView.CLAIM_BUTTON_ID);
        claim.getStyleClass().add("accent");
        claim.setDefaultButton(false);
        claim.disableProperty().bind(viewModel.canClaimBinding().not());
        claim.setOnAction(e -> viewModel.claimSelected());
        Label shortcut = new Label("or Ctrl+Enter");
        shortcut.getStyleClass().add(Styles.FORM_HINT);

        ComboBox<DeclineReason> reason = new ComboBox<>();
        reason.setId(LeadsView.DECLINE_REASON_ID);
        reason.getItems().addAll(DeclineReason.values());
        reason.setPromptText("Reason…");
        // Narrow enough that the reason and the Decline button fit the detail pane at the default size.
        reason.setPrefWidth(160);
        reason.setMinWidth(120);
        TextField note = new TextField();
        note.setPromptText("Note (optional)");
        Button decline = new Button("Decline", new FontIcon(Material2AL.BLOCK));
        decline.setId(LeadsView.DECLINE_BUTTON_ID);
        decline.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        decline.disableProperty().bind(viewModel.canDeclineBinding().not().or(reason.valueProperty().isNull()));
        decline.setOnAction(e -> {
            viewModel.declineSelected(reason.getValue(), note.getText());
            note.clear();
        });

        Label unavailable = new Label();
        unavailable.setId(LeadsView.UNAVAILABLE_REASON_ID);
        unavailable.getStyleClass().add(Styles.FORM_HINT);
        unavailable.setWrapText(true);
        unavailable.textProperty().bind(viewModel.claimUnavailableReasonProperty());

        Label message = new Label();
        message.setId(LeadsView.MESSAGE_ID);
        message.setWrapText(true);
        message.getStyleClass().add(Styles.NOTICE);
        message.visibleProperty().bind(viewModel.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        viewModel.messageProperty().addListener((o, old, now) -> {
            message.setText(now == null ? "" : now.sentence());
            message.getStyleClass().remove(Styles.NOTICE_WARNING);
            if (now != null && now.isProblem()) {
                message.getStyleClass().add(Styles.NOTICE_WARNING);
            }
        });

        GridPane facts = new GridPane();
        facts.setHgap(10);
        facts.setVgap(6);
        facts.addRow(0, detailLabel("Posted"), age);
        facts.addRow(1, detailLabel("Preferred"), window);

        VBox selected = new VBox(10, new HBox(8, title, badge), facts, description,
                new HBox(8, claim, shortcut), new Label("Not for you?"), new HBox(8, reason, decline), note);
        selected.visibleProperty().bind(viewModel.selectedLeadProperty().isNotNull());
        selected.managedProperty().bind(selected.visibleProperty());

        Label empty = new Label("Select a lead to see it here. Customer contact details appear once you claim it.");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.FORM_HINT);
        empty.visibleProperty().bind(viewModel.selectedLeadProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        VBox pane = new VBox(12, empty, selected, unavailable, message);
        pane.getStyleClass().add(Styles.DETAIL_PANE);
        pane.setMinWidth(280);

        viewModel.selectedLeadProperty().addListener((o, old, lead) -> {
            if (lead != null) {
                title.setText(lead.trade().label() + " · " + lead.area());
                badge.setVisible(lead.emergency());
                window.setText(lead.preferredWindow().describe(formats.zone()));
                description.setText(lead.description());
                age.setText(Durations.age(lead.ageAt(viewModel.nowProperty().get())) + " ago");
            }
        });
        viewModel.nowProperty().addListener((o, old, now) -> {
            Lead lead = viewModel.selectedLeadProperty().get();
            if (lead != null) {
                age.setText(Durations.age(lead.ageAt(now)) + " ago");
            }
        });
        this.pane = pane;
    }


    Node node() {
        return pane;
    }

    private static Label detailLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.DETAIL_LABEL);
        return label;
    }
}
