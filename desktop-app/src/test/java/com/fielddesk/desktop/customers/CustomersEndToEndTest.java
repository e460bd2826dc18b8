package com.fielddesk.desktop.customers;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import com.fielddesk.domain.customers.CustomerSummary;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Customers section driven headless through its real views against a running local-backend,
 * reached through a relay that can cut the network: a dispatcher's customer work in order —
 * validation, a new customer, one created offline that reaches the server exactly once, a
 * customer added elsewhere showing up live, phone intake, and the delete a dispatcher may not do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomersEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(90);

    private ConsoleBackend backend;
    private HangingRelay relay;
    private ConsoleUnderTest console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void startConsole() {
        backend = new ConsoleBackend();
        relay = new HangingRelay(backend.url());
        console = ConsoleUnderTest.open(backend, backend.asLocalDemoAt(relay.url()),
                new LiveUpdateTimings(Duration.ofSeconds(2), Duration.ofSeconds(1)), false);
    }

    @AfterAll
    void stopConsole() throws Exception {
        console.close();
        relay.close();
    }

    @Test
    @Order(1)
    void theDispatcherOpensCustomersFromTheNavigation() {
        console.signInWithTheDemoLogin(robot);
        Fx.waitUntil("the console is online", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
        String nav = "#" + ShellView.NAV_PREFIX + CustomersFeature.ID;
        Fx.waitUntil("Customers is in the navigation", UI_DEADLINE, () -> robot.lookup(nav).tryQuery()
                .map(node -> node.getScene() != null).orElse(false));
        Fx.run(() -> robot.lookup(nav).<javafx.scene.control.ToggleButton>query().fire());
        Fx.waitUntil("the empty list says so", UI_DEADLINE, () -> text("#customer-count").equals("No customers yet"));
        Fx.waitUntil("typing goes to the search field", UI_DEADLINE,
                () -> robot.lookup("#customer-search").query().isFocused());
    }

    @Test
    @Order(2)
    void anInvalidNewCustomerShowsTheProblemBesideTheFieldAndQueuesNothing() {
        Fx.run(() -> robot.lookup("#customer-search").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Fx.waitUntil("the New customer dialog", UI_DEADLINE, () -> robot.lookup("#new-customer-dialog").tryQuery().isPresent());
        type("#email", "not an address");
        clickMainButton("#new-customer-dialog");
        Fx.waitUntil("the name's problem under the name", UI_DEADLINE, () -> visibleText("#fullNameError").contains("name"));
        assertThat(visibleText("#emailError")).contains("does not look like an address");
        assertThat(robot.lookup("#new-customer-dialog").tryQuery()).as("the dialog stays open").isPresent();
        assertThat(serverCustomers()).isZero();

        type("#fullName", "Zoë Łódź Ñúñez");
        type("#email", "zoe@example.test");
        type("#phone", "+1 555 0101");
        type("#street", "12 Elm St");
        type("#postalCode", "12345");
        clickMainButton("#new-customer-dialog");
        Fx.waitUntil("the dialog closed and the customer is shown", UI_DEADLINE,
                () -> robot.lookup("#new-customer-dialog").tryQuery().isEmpty() && text("#customer-title").equals("Zoë Łódź Ñúñez"));
        Fx.waitUntil("the server has the customer, with the name as typed", SYNC_DEADLINE,
                () -> count("select count(*) from public.customers where company_id = ? and full_name = 'Zoë Łódź Ñúñez'") == 1);
        assertThat(count("select count(*) from public.customer_addresses a join public.customers c on c.id = a.customer_id"
                + " where c.company_id = ? and a.street = '12 Elm St' and a.postal_code = '12345'")).isEqualTo(1);
        Fx.waitUntil("no longer pending once the server confirmed it", UI_DEADLINE,
                () -> !robot.lookup("#customer-pending").query().isVisible());
    }

    @Test
    @Order(3)
    void aCustomerCreatedOfflineIsPendingAndReachesTheServerExactlyOnceWhenTheNetworkIsBack() {
        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        Fx.run(() -> robot.lookup("#customer-search").query().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        Fx.waitUntil("the New customer dialog", UI_DEADLINE, () -> robot.lookup("#new-customer-dialog").tryQuery().isPresent());
        type("#fullName", "Olga Offline");
        type("#phone", "+1 555 0102");
        clickMainButton("#new-customer-dialog");
        Fx.waitUntil("the new customer is listed as pending", UI_DEADLINE, () -> listed("Olga Offline").map(CustomerSummary::pending)
                .orElse(false));
        assertThat(text("#customer-notice")).contains("on this computer");
        assertThat(count("select count(*) from public.customers where company_id = ? and full_name = 'Olga Offline'")).isZero();

        relay.pass();
        Fx.waitUntil("the server has the offline customer", SYNC_DEADLINE,
                () -> count("select count(*) from public.customers where company_id = ? and full_name = 'Olga Offline'") == 1);
        Fx.waitUntil("the list shows it confirmed", SYNC_DEADLINE, () -> listed("Olga Offline").map(c -> !c.pending()).orElse(false));
        Fx.waitUntil("the status bar says online again", SYNC_DEADLINE,
                () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
        assertThat(count("select count(*) from public.customers where company_id = ? and full_name = 'Olga Offline'"))
                .as("exactly once, though the console retried while offline").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aCustomerAddedElsewhereShowsUpLive() {
        backend.tenants().customer(backend.acme, "Sam From The Other Desk");
        Fx.waitUntil("the list shows the other desk's customer", UI_DEADLINE, () -> listed("Sam From The Other Desk").isPresent());
        Fx.run(() -> robot.lookup("#customer-search").<TextInputControl>query().setText("other desk"));
        Fx.waitUntil("the search narrows the list to them", UI_DEADLINE, () -> table().getItems().size() == 1
                && text("#customer-count").equals("1 customer"));
        Fx.run(() -> robot.lookup("#customer-search").<TextInputControl>query().setText(""));
    }

    @Test
    @Order(5)
    void phoneIntakeCreatesCustomerAddressAndJobLinkedOnTheServer() {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil("the Phone intake dialog", UI_DEADLINE, () -> robot.lookup("#phone-intake-dialog").tryQuery().isPresent());
        type("#fullName", "Pat Caller");
        type("#phone", "+1 555 0199");
        type("#street", "9 Oak Ave");
        type("#postalCode", "12346");
        clickMainButton("#phone-intake-dialog");
        Fx.waitUntil("the job title's problem is shown first", UI_DEADLINE, () -> visibleText("#titleError").contains("title"));
        type("#title", "No heat");
        type("#description", "Furnace stopped overnight");
        clickMainButton("#phone-intake-dialog");
        Fx.waitUntil("the caller's customer is shown with the job", UI_DEADLINE,
                () -> text("#customer-title").equals("Pat Caller") && !jobs().getItems().isEmpty());
        Fx.waitUntil("the server has customer, address and job, linked", SYNC_DEADLINE, () -> count("""
                select count(*) from public.work_orders w
                  join public.customers c on c.id = w.customer_id
                  join public.customer_addresses a on a.id = w.customer_address_id and a.customer_id = c.id
                 where w.company_id = ? and c.full_name = 'Pat Caller' and a.street = '9 Oak Ave'
                   and w.title = 'No heat' and w.status = 'unscheduled' and w.stage = 'job'""") == 1);
        Fx.waitUntil("the job got its number from the server", SYNC_DEADLINE,
                () -> !String.valueOf(jobs().getColumns().get(0).getCellData(0)).equals("pending"));
    }

    @Test
    @Order(6)
    void aDispatcherCannotDeleteAndIsToldWhy() {
        assertThat(Fx.read(() -> robot.lookup("#customer-delete").<Button>query().isDisabled())).isTrue();
        assertThat(visibleText("#customer-delete-why")).isEqualTo("Only a supervisor or an admin can delete a customer.");
    }

    // ---- helpers ----

    private long serverCustomers() {
        return count("select count(*) from public.customers where company_id = ?");
    }

    private long count(String sql) {
        return ((Number) backend.queryValue(sql, backend.acme.id())).longValue();
    }

    private TableView<CustomerSummary> table() {
        return robot.lookup("#customer-table").query();
    }

    private TableView<?> jobs() {
        return robot.lookup("#customer-jobs").query();
    }

    private Optional<CustomerSummary> listed(String name) {
        return Fx.read(() -> table().getItems().stream().filter(c -> c.fullName().equals(name)).findFirst());
    }

    /** Fills a form field (the id of the text field; a table column may share the name). */
    private void type(String field, String text) {
        Fx.run(() -> robot.lookup(field).match(node -> node instanceof TextInputControl).<TextInputControl>query()
                .setText(text));
    }

    private void clickMainButton(String dialog) {
        Fx.run(() -> {
            DialogPane pane = robot.lookup(dialog).query();
            ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire();
        });
    }

    private String visibleText(String query) {
        return Fx.read(() -> {
            Node node = robot.lookup(query).query();
            return node.isVisible() && node instanceof Label label ? label.getText() : "";
        });
    }

    private String text(String query) {
        return Fx.read(() -> robot.lookup(query).tryQuery().map(node -> node instanceof Label label ? label.getText() : "")
                .orElse(""));
    }
}
