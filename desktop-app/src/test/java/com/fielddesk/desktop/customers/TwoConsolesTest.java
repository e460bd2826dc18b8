package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.domain.customers.CustomerSummary;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people of one company at two desks, each with the console open on Customers: a customer the
 * CSR creates at one desk appears in the dispatcher's list at the other without anyone refreshing
 * (local write → outbox → server → realtime → the other console's pull → its live list).
 */
class TwoConsolesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final FxRobot robot = new FxRobot();
    private ConsoleUnderTest dispatcherDesk;
    private ConsoleUnderTest csrDesk;
    private ConsoleBackend backend;

    @BeforeEach
    void openTwoConsoles() {
        backend = new ConsoleBackend();
        // Full passes every 10 minutes: within this test, only realtime can bring the customer over.
        LiveUpdateTimings realtimeOnly = new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10));
        dispatcherDesk = ConsoleUnderTest.open(backend, realtimeOnly, false);
        csrDesk = ConsoleUnderTest.openAnother(backend, backend.staffWithPassword(backend.acme, "csr", "Casey Desk"),
                realtimeOnly);
    }

    @AfterEach
    void closeConsoles() throws Exception {
        csrDesk.close();
        dispatcherDesk.close();
    }

    @Test
    void aCustomerCreatedAtOneDeskShowsUpLiveAtTheOther() {
        for (ConsoleUnderTest desk : new ConsoleUnderTest[] {dispatcherDesk, csrDesk}) {
            desk.signInWithTheDemoLogin();
        }
        for (ConsoleUnderTest desk : new ConsoleUnderTest[] {dispatcherDesk, csrDesk}) {
            String nav = "#" + ShellView.NAV_PREFIX + CustomersFeature.ID;
            Fx.waitUntil("Customers is in the navigation", DEADLINE, () -> desk.find(nav).isPresent());
            Fx.run(() -> ((ToggleButton) desk.find(nav).orElseThrow()).fire());
            Fx.waitUntil("the empty list says so", DEADLINE, () -> desk.find("#customer-count")
                    .map(node -> ((Label) node).getText()).orElse("").equals("No customers yet"));
            Fx.waitUntil("realtime is connected", DEADLINE, () -> desk.window().currentSession().liveUpdatesConnected());
        }

        // Not Fx.run: the dialog waits in a nested event loop until it is closed, and so would the test.
        Button newCustomer = Fx.read(() -> (Button) csrDesk.find("#new-customer").orElseThrow());
        Platform.runLater(newCustomer::fire);
        Fx.waitUntil("the New customer dialog", DEADLINE, () -> robot.lookup("#new-customer-dialog").tryQuery().isPresent());
        Fx.run(() -> {
            robot.lookup("#fullName").match(node -> node instanceof TextInputControl).<TextInputControl>query()
                    .setText("Robin Two Desks");
            robot.lookup("#phone").match(node -> node instanceof TextInputControl).<TextInputControl>query()
                    .setText("+1 555 0199");
            DialogPane pane = robot.lookup("#new-customer-dialog").query();
            ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire();
        });

        Fx.waitUntil("the dispatcher's list shows the CSR's new customer", DEADLINE, () -> listed(dispatcherDesk, "Robin Two Desks"));
        assertThat(backend.queryValue("select count(*) from public.customers where company_id = ? and full_name = ?",
                backend.acme.id(), "Robin Two Desks")).as("on the server once").isEqualTo(1L);
        Fx.waitUntil("the dispatcher's count follows", DEADLINE, () -> dispatcherDesk.find("#customer-count")
                .map(node -> ((Label) node).getText()).orElse("").equals("1 customer"));
    }

    @SuppressWarnings("unchecked")
    private static boolean listed(ConsoleUnderTest desk, String name) {
        return desk.find("#customer-table").map(node -> (TableView<CustomerSummary>) node)
                .map(table -> table.getItems().stream().anyMatch(customer -> customer.fullName().equals(name) && !customer.pending()))
                .orElse(false);
    }
}
