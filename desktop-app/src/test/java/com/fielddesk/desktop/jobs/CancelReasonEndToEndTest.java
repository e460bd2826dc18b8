package com.fielddesk.desktop.jobs;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.domain.jobs.WorkOrderSummary;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole console against local-backend: a dispatcher cancels a job with a reason, the reason
 * reaches the server (the work order and the cancel's status-history line keep it), and the history
 * the console pulls back shows it; a quote accepted in the console is a job on the server.
 */
class CancelReasonEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String REASON = "Customer sold the house";

    private final FxRobot robot = new FxRobot();
    private ConsoleBackend backend;
    private ConsoleUnderTest console;

    @BeforeEach
    void open() {
        backend = new ConsoleBackend();
        console = ConsoleUnderTest.open(backend, LiveUpdateTimings.DEFAULT, false);
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    @Test
    void aCancelReasonReachesTheServerAndComesBackInTheHistory() {
        UUID customer = (UUID) backend.queryValue("insert into public.customers (company_id, full_name) values (?, ?) returning id",
                backend.acme.id(), "Northwind Traders");
        UUID job = (UUID) backend.queryValue("""
                insert into public.work_orders (company_id, stage, title, customer_id, priority)
                values (?, 'job', 'Boiler service', ?, 'normal') returning id""", backend.acme.id(), customer);
        console.signInWithTheDemoLogin();
        String nav = "#" + ShellView.NAV_PREFIX + JobsFeature.ID;
        Fx.waitUntil("Jobs is in the navigation", DEADLINE, () -> console.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("the job has synced and is selected", DEADLINE, () -> Fx.read(() -> select(job)));
        Fx.waitUntil("Cancel is offered", DEADLINE, () -> console.find("#job-move-canceled").isPresent());

        Button cancel = Fx.read(() -> (Button) console.find("#job-move-canceled").orElseThrow());
        Platform.runLater(cancel::fire);
        Fx.waitUntil("the reason dialog", DEADLINE, () -> robot.lookup("#cancel-job-dialog").tryQuery().isPresent());
        Fx.run(() -> {
            DialogPane pane = robot.lookup("#cancel-job-dialog").query();
            ((TextArea) pane.lookup("#cancel-job-dialog-reason")).setText(REASON);
            ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire();
        });

        Fx.awaitOffFx("the server has the cancel with its reason", DEADLINE, () -> REASON.equals(backend.queryValue(
                "select reason from public.work_order_status_history where work_order_id = ? and to_status = 'canceled'", job)));
        assertThat(backend.queryValue("select cancel_reason from public.work_orders where id = ?", job)).isEqualTo(REASON);
        Fx.waitUntil("the pulled history shows the reason", DEADLINE, () -> Fx.read(() -> console.find("#job-history")
                .map(node -> ((ListView<?>) node).getItems().stream().map(Object::toString)
                        .anyMatch(line -> line.contains("Unscheduled → Canceled: " + REASON) && line.endsWith("Dana Dispatcher")))
                .orElse(false)));
    }

    @Test
    void anAcceptedQuoteBecomesAJobOnTheServer() {
        UUID customer = (UUID) backend.queryValue("insert into public.customers (company_id, full_name) values (?, ?) returning id",
                backend.acme.id(), "Northwind Traders");
        UUID quote = (UUID) backend.queryValue("""
                insert into public.work_orders (company_id, stage, quote_status, title, customer_id, priority, total)
                values (?, 'quote', 'sent', 'New boiler', ?, 'normal', 4250) returning id""", backend.acme.id(), customer);
        console.signInWithTheDemoLogin();
        String nav = "#" + ShellView.NAV_PREFIX + JobsFeature.QUOTES_ID;
        Fx.waitUntil("Quotes is in the navigation", DEADLINE, () -> console.find(nav).isPresent());
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("the Quotes section", DEADLINE, () -> console.find("#jobs-quote-status").isPresent());
        Fx.waitUntil("the quote has synced and is selected", DEADLINE, () -> Fx.read(() -> select(quote)));
        Fx.waitUntil("Accept is offered", DEADLINE, () -> console.find("#job-quote-accepted").isPresent());
        Fx.run(() -> ((Button) console.find("#job-quote-accepted").orElseThrow()).fire());

        Fx.awaitOffFx("the server has a job", DEADLINE, () -> "job".equals(backend.queryValue(
                "select stage from public.work_orders where id = ?", quote)));
        assertThat(backend.queryValue("select quote_status || '/' || status from public.work_orders where id = ?", quote))
                .isEqualTo("accepted/unscheduled");
        Fx.waitUntil("the history says it became a job", DEADLINE, () -> Fx.read(() -> console.find("#job-history")
                .map(node -> ((ListView<?>) node).getItems().stream().map(Object::toString)
                        .anyMatch(line -> line.contains("Stage: Quote → Job") && line.endsWith("Dana Dispatcher")))
                .orElse(false)));
    }

    @SuppressWarnings("unchecked")
    private TableView<WorkOrderSummary> table() {
        return (TableView<WorkOrderSummary>) console.find("#jobs-table").orElseThrow();
    }

    /** Selects the work order in the list once it is there (on the FX thread); whether it is selected. */
    private boolean select(UUID id) {
        if (console.find("#jobs-table").isEmpty()) {
            return false;
        }
        TableView<WorkOrderSummary> table = table();
        table.getItems().stream().filter(row -> row.id().value().equals(id)).findFirst()
                .ifPresent(row -> table.getSelectionModel().select(row));
        WorkOrderSummary selected = table.getSelectionModel().getSelectedItem();
        return selected != null && selected.id().value().equals(id);
    }
}
