package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.app.ConsoleSession;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.SyncIssue;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.domain.invoices.InvoiceSummary;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mark paid through the real console against a running local-backend: a payment this console
 * records while another one reaches the server first (so the local balance still allowed it) is
 * refused by the server as an over-payment, and the console says so in one sentence naming the
 * amounts — never the server's SQL text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceConsoleTest {

    private static final Duration DEADLINE = Duration.ofSeconds(40);

    private ConsoleBackend backend;
    private ConsoleUnderTest console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void startConsole() {
        backend = new ConsoleBackend();
        console = ConsoleUnderTest.open(backend, LiveUpdateTimings.DEFAULT, false);
    }

    @AfterAll
    void stopConsole() throws Exception {
        console.close();
    }

    @Test
    void anOverPaymentTheServerRefusesIsToldInASentence() throws Exception {
        UUID customer = backend.tenants().customer(backend.acme, "Zoë Łódź Ñúñez");
        UUID invoice = (UUID) backend.queryValue("insert into public.invoices (company_id, customer_id) values (?, ?) returning id",
                backend.acme.id(), customer);
        backend.queryValue("insert into public.invoice_items (company_id, invoice_id, position, description, quantity, unit_price)"
                + " values (?, ?, 1, 'Boiler service', 1, 100.00) returning id", backend.acme.id(), invoice);
        backend.queryValue("update public.invoices set status = 'issued' where id = ? returning id", invoice);
        Object number = backend.queryValue("select number from public.invoices where id = ?", invoice);

        console.signInWithTheDemoLogin(robot);
        Fx.waitUntil("the issued invoice is in the cache", DEADLINE, () -> session() != null
                && session().repositories().table("invoices").get(invoice.toString())
                .map(row -> "issued".equals(row.path("status").asText())).orElse(false));
        String nav = "#" + ShellView.NAV_PREFIX + InvoicesFeature.ID;
        Fx.waitUntil("Invoices is in the navigation", DEADLINE, () -> console.find(nav).map(node -> node.getScene() != null)
                .orElse(false));
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("listed", DEADLINE, () -> console.find("#invoices-table").isPresent() && !table().getItems().isEmpty());
        Fx.run(() -> table().getItems().stream().filter(row -> row.id().value().equals(invoice)).findFirst()
                .ifPresent(row -> table().getSelectionModel().select(row)));
        Fx.waitUntil("its detail offers Mark paid", DEADLINE, () -> console.find("#invoice-mark-paid")
                .map(node -> !node.isDisabled()).orElse(false));

        // A colleague's 60.00 reaches the server first and holds the invoice until this console's 100.00 is queued.
        try (Connection server = backend.tenants().superuser().getConnection()) {
            server.setAutoCommit(false);
            try (PreparedStatement pay = server.prepareStatement("insert into public.payments (company_id, invoice_id, amount, method)"
                    + " values (?, ?, 60.00, 'cash')")) {
                pay.setObject(1, backend.acme.id());
                pay.setObject(2, invoice);
                pay.executeUpdate();
            }
            Fx.run(() -> ((Button) console.find("#invoice-mark-paid").orElseThrow()).fire());
            Fx.waitUntil("the dialog offers the whole balance", DEADLINE, () -> lookup("#mark-paid-amount")
                    .map(node -> ((javafx.scene.control.TextField) node).getText().equals("100.00")).orElse(false));
            Button record = Fx.read(() -> lookup("#mark-paid-dialog").orElseThrow().lookupAll(".button").stream()
                    .filter(node -> node instanceof Button b && "Record payment".equals(b.getText())).map(Button.class::cast)
                    .findFirst().orElseThrow());
            Fx.run(record::fire);
            Fx.waitUntil("queued on this computer", DEADLINE, () -> lookup("#mark-paid-dialog").isEmpty()
                    && session().status().pendingCount() > 0);
            server.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }

        Fx.waitUntil("the refusal is counted", DEADLINE, () -> {
            Button badge = robot.lookup("#" + ShellView.ISSUES_BUTTON_ID).query();
            return badge.isVisible() && badge.getText().equals("1 sync issue");
        });
        robot.clickOn("#" + ShellView.ISSUES_BUTTON_ID);
        Fx.waitUntil("the list is open", DEADLINE, () -> robot.lookup("#" + ShellView.ISSUES_PANEL_ID).query().isVisible());
        SyncIssue issue = Fx.read(() -> issueList().getItems().get(0));
        assertThat(issue.title()).isEqualTo("New payment refused");
        assertThat(issue.detail()).isEqualTo("A payment of 100.00 is more than the 40.00 still due on invoice " + number + ".");
    }

    @Test
    void anIssuedInvoicesPdfReachesStorageOnceAndItsPathIsSet() {
        if (session() == null) {
            console.signInWithTheDemoLogin(robot);
        }
        UUID customer = backend.tenants().customer(backend.acme, "Ada Brennan");
        UUID invoice = (UUID) backend.queryValue("insert into public.invoices (company_id, customer_id) values (?, ?) returning id",
                backend.acme.id(), customer);
        backend.queryValue("insert into public.invoice_items (company_id, invoice_id, position, description, quantity, unit_price)"
                + " values (?, ?, 1, 'Thermostat replacement', 1, 129.00) returning id", backend.acme.id(), invoice);
        Fx.waitUntil("the draft is in the cache", DEADLINE, () -> session() != null
                && session().repositories().table("invoices").get(invoice.toString()).isPresent());
        String nav = "#" + ShellView.NAV_PREFIX + InvoicesFeature.ID;
        Fx.waitUntil("Invoices is in the navigation", DEADLINE, () -> console.find(nav).map(node -> node.getScene() != null)
                .orElse(false));
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("listed", DEADLINE, () -> console.find("#invoices-table").isPresent()
                && table().getItems().stream().anyMatch(row -> row.id().value().equals(invoice)));
        Fx.run(() -> table().getItems().stream().filter(row -> row.id().value().equals(invoice)).findFirst()
                .ifPresent(row -> table().getSelectionModel().select(row)));
        Fx.waitUntil("the draft offers Issue", DEADLINE, () -> console.find("#invoice-issue")
                .map(node -> !node.isDisabled()).orElse(false) && console.find("#invoice-title")
                .map(node -> ((javafx.scene.control.Label) node).getText().contains("Ada")).orElse(false));
        Fx.run(() -> ((Button) console.find("#invoice-issue").orElseThrow()).fire());

        String path = backend.acme.id() + "/" + invoice + ".pdf";
        Fx.awaitOffFx("the PDF is uploaded and pdf_path set on the server", Duration.ofSeconds(60),
                () -> path.equals(backend.queryValue("select pdf_path from public.invoices where id = ?", invoice)));
        assertThat(((Number) backend.queryValue("select count(*) from storage.objects where bucket_id = 'invoices' and name = ?",
                path)).longValue()).isEqualTo(1);
        byte[] stored = session().supabase().storage().from("invoices").download(path);
        assertThat(new String(stored, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    }

    private ConsoleSession session() {
        return console.window().currentSession();
    }

    @SuppressWarnings("unchecked")
    private TableView<InvoiceSummary> table() {
        return (TableView<InvoiceSummary>) console.find("#invoices-table").orElseThrow();
    }

    private ListView<SyncIssue> issueList() {
        return robot.lookup("#" + ShellView.ISSUES_PANEL_ID + " .list-view").query();
    }

    private Optional<Node> lookup(String selector) {
        return Fx.read(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).filter(Objects::nonNull)
                .map(Scene::getRoot).map(root -> root.lookup(selector)).filter(Objects::nonNull).findFirst());
    }
}
