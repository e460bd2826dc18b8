package com.fielddesk.desktop.leads;

import com.fielddesk.desktop.ui.Columns;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.TableLayouts;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.domain.leads.ClaimedLead;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.util.List;
import java.util.function.Function;

/** My leads as a table: when claimed (company zone), the customer, the address and the claim's job. */
final class MyLeadsView {

    private final TableView<ClaimedLead> table = new TableView<>();
    private final BorderPane pane = new BorderPane(table);

    /** @param onFocus called when search asks to show a claimed lead (the leads view switches to this tab) */
    MyLeadsView(MyLeadsViewModel viewModel, Formats formats, ViewSettings settings, Runnable onFocus) {
        table.setId(LeadsView.MY_LEADS_TABLE_ID);
        table.getColumns().add(column("claimed", "Claimed", 115, lead -> formats.dayAndTime(lead.claimedAt())));
        table.getColumns().add(column("trade", "Trade", 90, lead -> lead.trade().label()));
        table.getColumns().add(column("customer", "Customer", 160, ClaimedLead::customerName));
        table.getColumns().add(column("phone", "Phone", 130, ClaimedLead::customerPhone));
        table.getColumns().add(column("email", "Email", 190, ClaimedLead::customerEmail));
        table.getColumns().add(column("address", "Address", 220,
                lead -> lead.streetAddress() + ", " + lead.city() + " " + lead.postalCode()));
        table.getColumns().add(column("job", "Job", 190, lead -> lead.job() == null ? "Job syncing…" : lead.job().describe()));
        table.getColumns().add(column("description", "Description", 300, ClaimedLead::description));
        // Date, trade, phone and job stay whole; the free-text columns give way when space is short.
        for (String whole : List.of("claimed", "trade", "phone", "job")) {
            table.getColumns().stream().filter(c -> whole.equals(c.getId())).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        }
        table.setItems(viewModel.items());
        table.setPlaceholder(new Label("Leads you claim appear here with the customer's details and their job."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableLayouts.remember(table, "leads.mine", settings);
        pane.setPadding(new Insets(8));
        Button newQuote = new Button("New quote for this lead…");
        newQuote.setId("my-leads-new-quote");
        Button newJob = new Button("New job for this lead…");
        newJob.setId("my-leads-new-job");
        newQuote.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        newJob.disableProperty().bind(newQuote.disableProperty());
        newQuote.setOnAction(e -> viewModel.newWorkOrder(table.getSelectionModel().getSelectedItem(), true));
        newJob.setOnAction(e -> viewModel.newWorkOrder(table.getSelectionModel().getSelectedItem(), false));
        Label why = new Label();
        why.setId("my-leads-notice");
        why.textProperty().bind(viewModel.noticeProperty());
        HBox actions = new HBox(8, newQuote, newJob, why);
        actions.setPadding(new Insets(8, 0, 0, 0));
        pane.setBottom(actions);
        viewModel.focusedProperty().addListener((o, old, lead) -> {
            if (lead != null) {
                onFocus.run();
                table.getSelectionModel().select(lead);
                table.scrollTo(lead);
            }
        });
    }

    Node node() {
        return pane;
    }

    private static TableColumn<ClaimedLead, String> column(String id, String title, double width,
                                                          Function<ClaimedLead, String> value) {
        TableColumn<ClaimedLead, String> column = Columns.text(id, title, value);
        column.setPrefWidth(width);
        return column;
    }
}
