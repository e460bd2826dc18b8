package com.fielddesk.desktop.app;

import com.fielddesk.domain.leads.Lead;
import com.fielddesk.desktop.leads.LeadsView;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import com.fielddesk.desktop.shell.SearchResult;
import com.fielddesk.desktop.app.feature.RecordKind;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console driven headless (Monocle) through its real views against a running local-backend:
 * one dispatcher's day, in order — sign in, claim, lose a race, see new leads live, go offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);

    private ConsoleBackend backend;
    private ConsoleUnderTest console;
    private Services services;
    private final FxRobot robot = new FxRobot();
    private UUID firstLead;
    private UUID secondLead;

    @BeforeAll
    void startConsole() throws Exception {
        backend = new ConsoleBackend();
        firstLead = backend.openLead("No heat since last night, radiators cold", false);
        secondLead = backend.openLead("Furnace pilot light keeps going out", true);
        // No poll and no periodic full pass within the test's span: whatever shows up live came over realtime.
        console = ConsoleUnderTest.open(backend, new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10)), true);
        services = console.services();
    }

    @AfterAll
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    @Order(1)
    void dispatcherSignsInWithADemoLoginAndSeesThePool() {
        console.signInWithTheDemoLogin(robot);
        Fx.waitUntil("the pool shows both open leads", UI_DEADLINE, () -> poolIds().contains(firstLead.toString())
                && poolIds().contains(secondLead.toString()));
        Fx.waitUntil("the header names the dispatcher, role and company", UI_DEADLINE,
                () -> text("#" + ShellView.USER_ID).equals("Dana Dispatcher · Dispatcher · Acme Heating"));
        Fx.waitUntilValue("the status bar says online", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID),
                connection -> connection.startsWith("Online"));
        Fx.waitUntil("the status bar says changes arrive live", UI_DEADLINE,
                () -> text("#" + ShellView.LIVE_ID).equals("Live updates"));
    }

    @Test
    @Order(2)
    void claimWithCtrlEnterMovesTheLeadToMyLeadsWithContactDetailsAndJob() {
        select(firstLead);
        robot.clickOn("#" + LeadsView.POOL_TABLE_ID);
        select(firstLead);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Fx.waitUntil("the claimed lead left the pool", UI_DEADLINE, () -> !poolIds().contains(firstLead.toString()));
        Fx.waitUntil("My leads shows the customer and the job", UI_DEADLINE, () -> {
            TableView<com.fielddesk.domain.leads.ClaimedLead> mine = robot.lookup("#" + LeadsView.MY_LEADS_TABLE_ID).query();
            return mine.getItems().stream().anyMatch(lead -> lead.id().toString().equals(firstLead.toString())
                    && lead.customerName().equals("Pat Customer") && lead.customerPhone().equals("+1 555 0100")
                    && lead.job() != null && lead.job().describe().startsWith("Job #"));
        });
        assertThat(Fx.read(() -> robot.lookup("#" + LeadsView.TABS_ID).<TabPane>query().getSelectionModel().getSelectedIndex()))
                .isEqualTo(1);
        Fx.run(() -> robot.lookup("#" + LeadsView.TABS_ID).<TabPane>query().getSelectionModel().select(0));
    }

    @Test
    @Order(3)
    void losingTheRaceSaysAlreadyClaimedByAnotherCompany() {
        select(secondLead);
        // The rival wins while this console still shows the lead: both happen in one UI-thread turn,
        // so the pool refresh cannot take the lead away before our click.
        Fx.run(() -> {
            backend.rivalClaims(secondLead);
            robot.lookup("#" + LeadsView.CLAIM_BUTTON_ID).<Button>query().fire();
        });
        Fx.waitUntil("the message says another company was faster", UI_DEADLINE,
                () -> text("#" + LeadsView.MESSAGE_ID).contains("already claimed by another company"));
        Fx.waitUntil("the lost lead disappears", UI_DEADLINE, () -> !poolIds().contains(secondLead.toString()));
    }

    @Test
    @Order(4)
    void aLeadInsertedOnTheServerAppearsWithinTwoSecondsOverRealtime() {
        // Both leads are in the pool already; with the poll and full pass ten minutes away, only a
        // realtime event can bring the new one (and must, within 2 s).
        // With the sound on, the real chime runs too: on a machine without audio it must stay silent, not fail.
        robot.clickOn("#" + LeadsView.SOUND_TOGGLE_ID);
        assertThat(services.settings().get(LeadsView.SOUND_SETTING)).contains("true");
        UUID fresh = backend.openLead("Heat pump iced over, emergency", true);
        Duration took = Fx.timeUntil("the new lead is in the pool", Duration.ofSeconds(2),
                () -> poolIds().contains(fresh.toString()));
        assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(2));
        Fx.waitUntil("a notification names its trade and area", UI_DEADLINE, () -> {
            Labeled toast = robot.lookup("#" + LeadsView.TOAST_ID).query();
            return toast.isVisible() && toast.getText().contains("New lead: HVAC in Springfield 12345 — EMERGENCY");
        });
        Fx.run(() -> poolTable().getSelectionModel().clearSelection());
        robot.clickOn("#" + LeadsView.SEARCH_FIELD_ID);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil("the shortcut selects the announced lead and hides the notification", UI_DEADLINE, () -> {
            Lead selected = poolTable().getSelectionModel().getSelectedItem();
            return selected != null && selected.id().value().equals(fresh)
                    && !robot.lookup("#" + LeadsView.TOAST_ID).query().isVisible();
        });
    }

    @Test
    @Order(5)
    void clickingAColumnHeaderSortsThePoolAndTheOrderIsRemembered() {
        backend.openLead("plumbing", "Shower drain blocked", false, "12346", "Shelbyville", null, 5);
        backend.openLead("electrical", "Half the sockets are dead", false, "12350", "Capital City", null, 9);
        Fx.waitUntil("three trades in the pool", UI_DEADLINE, () -> poolTable().getItems().size() == 3);
        assertThat(Fx.read(() -> poolTable().getItems().get(0).description())).as("newest first by default")
                .isEqualTo("Heat pump iced over, emergency");

        robot.clickOn(columnHeader("trade"));
        Fx.waitUntil("sorted by trade, A to Z", UI_DEADLINE, () -> trades().equals(java.util.List.of("Electrical", "HVAC", "Plumbing")));
        robot.clickOn(columnHeader("trade"));
        Fx.waitUntil("sorted by trade, Z to A", UI_DEADLINE, () -> trades().equals(java.util.List.of("Plumbing", "HVAC", "Electrical")));
        assertThat(services.settings().get("leads.pool.sort")).contains("trade:DESCENDING");

        robot.clickOn(columnHeader("age"));
        Fx.waitUntil("newest first again", UI_DEADLINE, () -> poolTable().getItems().get(0).description()
                .equals("Heat pump iced over, emergency"));
    }

    @Test
    @Order(6)
    void searchOpensTheCustomerInCustomersAndAClaimedLeadInMyLeads() {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("Pat Cust");
        Fx.waitUntil("the customer and the claimed lead are found", UI_DEADLINE, () -> searchResults().getItems().size() >= 2);

        chooseResult(RecordKind.CUSTOMER);
        Fx.waitUntil("Customers opens on the claimed lead's customer", UI_DEADLINE,
                () -> robot.lookup("#customer-title").tryQuery().map(title -> ((Label) title).getText().equals("Pat Customer")
                        && title.isVisible()).orElse(false) && !robot.lookup("#" + ShellView.SEARCH_PANEL_ID).query().isVisible());

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("Pat Cust");
        Fx.waitUntil("the claimed lead is found again", UI_DEADLINE, () -> searchResults().getItems().stream()
                .anyMatch(result -> result.kind() == RecordKind.LEAD));
        chooseResult(RecordKind.LEAD);
        Fx.waitUntil("My leads opens on the claimed lead", UI_DEADLINE, () -> {
            TableView<com.fielddesk.domain.leads.ClaimedLead> mine = robot.lookup("#" + LeadsView.MY_LEADS_TABLE_ID).query();
            return robot.lookup("#" + LeadsView.TABS_ID).<TabPane>query().getSelectionModel().getSelectedIndex() == 1
                    && mine.getSelectionModel().getSelectedItem() != null
                    && mine.getSelectionModel().getSelectedItem().id().value().equals(firstLead)
                    && !robot.lookup("#" + ShellView.SEARCH_PANEL_ID).query().isVisible();
        });
        Fx.run(() -> robot.lookup("#" + LeadsView.TABS_ID).<TabPane>query().getSelectionModel().select(0));
    }

    @Test
    @Order(7)
    void stoppingTheBackendShowsOfflineAndThePoolStaysReadableAndFilterable() {
        int before = Fx.read(() -> poolTable().getItems().size());
        assertThat(before).isGreaterThanOrEqualTo(1);
        backend.stop();
        Fx.waitUntil("the status bar says offline", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        Fx.waitUntil("no live-updates claim while offline", UI_DEADLINE,
                () -> !robot.lookup("#" + ShellView.LIVE_ID).query().isVisible());
        select(Fx.read(() -> UUID.fromString(poolTable().getItems().get(0).id().toString())));
        assertThat(Fx.read(() -> robot.lookup("#" + LeadsView.CLAIM_BUTTON_ID).<Button>query().isDisabled())).isTrue();
        assertThat(text("#" + LeadsView.UNAVAILABLE_REASON_ID)).contains("offline");
        assertThat(Fx.read(() -> poolTable().getItems().size())).isEqualTo(before);

        robot.clickOn("#" + LeadsView.SEARCH_FIELD_ID).write("iced");
        Fx.waitUntil("the filter narrows the pool to the heat pump", UI_DEADLINE, () -> poolTable().getItems().size() == 1
                && poolTable().getItems().get(0).description().contains("Heat pump"));
        Fx.run(() -> robot.lookup("#" + LeadsView.SEARCH_FIELD_ID).<TextField>query().clear());
        Fx.waitUntil("clearing the filter shows the pool again", UI_DEADLINE, () -> poolTable().getItems().size() == before);
    }

    // ---- helpers ----

    private Node columnHeader(String columnId) {
        return Fx.read(() -> robot.lookup("#" + LeadsView.POOL_TABLE_ID + " .column-header").queryAll().stream()
                .filter(node -> node instanceof javafx.scene.control.skin.TableColumnHeader header
                        && header.getTableColumn() != null && columnId.equals(header.getTableColumn().getId()))
                .findFirst().orElseThrow());
    }

    private java.util.List<String> trades() {
        return poolTable().getItems().stream().map(lead -> lead.trade().label()).toList();
    }

    private ListView<SearchResult> searchResults() {
        return robot.lookup("#" + ShellView.SEARCH_RESULTS_ID).query();
    }

    /** Picks the first result of that kind with the keyboard (Enter), as a user would after arrowing to it. */
    private void chooseResult(RecordKind kind) {
        Fx.run(() -> {
            ListView<SearchResult> results = searchResults();
            results.getItems().stream().filter(result -> result.kind() == kind).findFirst()
                    .ifPresent(result -> results.getSelectionModel().select(result));
            results.requestFocus();
        });
        robot.type(KeyCode.ENTER);
    }

    private TableView<Lead> poolTable() {
        return robot.lookup("#" + LeadsView.POOL_TABLE_ID).query();
    }

    private java.util.Set<String> poolIds() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        poolTable().getItems().forEach(lead -> ids.add(lead.id().toString()));
        return ids;
    }

    private void select(UUID lead) {
        Fx.waitUntil("lead " + lead + " is in the pool", UI_DEADLINE, () -> poolIds().contains(lead.toString()));
        Fx.run(() -> poolTable().getItems().stream().filter(l -> l.id().value().equals(lead)).findFirst()
                .ifPresent(l -> poolTable().getSelectionModel().select(l)));
    }

    private String text(String query) {
        // This console's window only: a window another test class left behind must not answer.
        return Fx.read(() -> {
            Node node = console.find(query).orElseThrow();
            return node instanceof Label label ? label.getText() : String.valueOf(node);
        });
    }
}
