package com.fielddesk.desktop.invoices;

import com.fielddesk.desktop.app.ConsoleSession;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.pdf.InvoicePdfUploads;
import com.fielddesk.domain.invoices.InvoiceSummary;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices through the real console against a running local-backend reached through a relay that
 * can cut the network: a draft written offline says "Number pending" and gets the server's number
 * after reconnecting — in the open editor and in the list, without reopening anything; issued
 * offline, its PDF waits in the upload queue and reaches Storage exactly once after reconnecting,
 * with pdf_path set and, on download, exactly the bytes the console generated and sent (their SHA-256
 * kept when it uploaded them); the invoice says where its PDF is all along (waiting offline, stored).
 * (An invoice issued online reaching Storage once is {@link InvoiceConsoleTest}'s.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoicesEndToEndTest {

    private static final Duration UI_DEADLINE = Duration.ofSeconds(30);
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(90);
    private static final String CUSTOMER = "Zoë Łódź Ñúñez";

    private ConsoleBackend backend;
    private HangingRelay relay;
    private ConsoleUnderTest console;
    private final FxRobot robot = new FxRobot();
    private UUID customer;
    private UUID invoice;
    private int number;

    @BeforeAll
    void startConsole() {
        backend = new ConsoleBackend();
        relay = new HangingRelay(backend.url());
        customer = backend.tenants().customer(backend.acme, CUSTOMER);
        backend.queryValue("update public.companies set invoice_legal_name = 'Acme Heating & Cooling LLC' where id = ? returning id",
                backend.acme.id());
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
    void aDraftWrittenOfflineSaysNumberPendingAndGetsTheServersNumberAfterReconnecting() {
        console.signInWithTheDemoLogin(robot);
        Fx.waitUntil("the console is online", UI_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Online"));
        Fx.waitUntil("the customer is on this computer", SYNC_DEADLINE, () -> session() != null
                && session().repositories().table("customers").get(customer.toString()).isPresent());
        String nav = "#" + ShellView.NAV_PREFIX + InvoicesFeature.ID;
        Fx.waitUntil("Invoices is in the navigation", UI_DEADLINE, () -> console.find(nav).map(node -> node.getScene() != null)
                .orElse(false));
        Fx.run(() -> ((ToggleButton) console.find(nav).orElseThrow()).fire());
        Fx.waitUntil("the invoices section is shown", UI_DEADLINE, () -> console.find("#invoices-table").isPresent());

        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        Fx.run(() -> ((Button) console.find("#invoices-new").orElseThrow()).fire());
        Fx.waitUntil("the editor is open, its number pending", UI_DEADLINE,
                () -> text("#invoice-editor-title").equals("New invoice · Number pending"));
        Fx.waitUntil("the customer can be chosen", UI_DEADLINE, () -> customerPicker().getItems().stream()
                .anyMatch(choice -> choice.name().equals(CUSTOMER)));
        Fx.run(() -> customerPicker().getItems().stream().filter(choice -> choice.name().equals(CUSTOMER)).findFirst()
                .ifPresent(choice -> customerPicker().getSelectionModel().select(choice)));
        robot.clickOn("#line-description-0").write("Boiler service");
        robot.type(KeyCode.TAB).write("1");
        robot.type(KeyCode.TAB).write("129.00");
        Fx.waitUntil("the total follows the keys", UI_DEADLINE, () -> text("#invoice-editor-total").equals("$129.00"));
        Fx.run(() -> ((Button) lookup("#invoice-editor-save").orElseThrow()).fire());

        Fx.waitUntil("saved on this computer, its number pending", UI_DEADLINE,
                () -> text("#invoice-editor-title").equals("Number pending · Draft · waiting to sync"));
        Fx.waitUntil("the list shows it with its number pending", UI_DEADLINE, () -> listed().map(row -> row.pending()
                && numberCell(row).equals("pending")).orElse(false));
        invoice = Fx.read(() -> listed().orElseThrow().id().value());
        assertThat(count("select count(*) from public.invoices where customer_id = ?", customer)).as("nothing reached the server")
                .isZero();

        relay.pass();
        Fx.awaitOffFx("the server has the draft, numbered", SYNC_DEADLINE,
                () -> backend.queryValue("select number from public.invoices where id = ?", invoice) != null);
        number = (Integer) backend.queryValue("select number from public.invoices where id = ?", invoice);
        Fx.awaitOffFx("the server has its line, and the total it computed from it", SYNC_DEADLINE,
                () -> count("select count(*) from public.invoice_items where invoice_id = ? and description = 'Boiler service'"
                        + " and line_total = 129.00", invoice) == 1
                        && count("select count(*) from public.invoices where id = ? and total = 129.00", invoice) == 1);
        Fx.waitUntil("the open editor shows the server's number", SYNC_DEADLINE,
                () -> text("#invoice-editor-title").equals("Invoice " + number + " · Draft"));
        Fx.waitUntil("the list shows the server's number", SYNC_DEADLINE, () -> listed().map(row -> !row.pending()
                && numberCell(row).equals(String.valueOf(number))).orElse(false));
        assertThat(count("select count(*) from public.invoices where customer_id = ?", customer)).as("exactly once").isOne();
    }

    @Test
    @Order(2)
    void aPdfQueuedOfflineReachesStorageOnceAfterReconnecting() throws Exception {
        relay.refuse();
        Fx.waitUntil("the status bar says offline", SYNC_DEADLINE, () -> text("#" + ShellView.CONNECTION_ID).startsWith("Offline"));
        Fx.run(() -> ((Button) lookup("#invoice-editor-issue").orElseThrow()).fire());
        Fx.waitUntil("issued on this computer, waiting to sync", UI_DEADLINE,
                () -> text("#invoice-editor-title").equals("Invoice " + number + " · Issued · waiting to sync"));
        String path = backend.acme.id() + "/" + invoice + ".pdf";
        assertThat(count("select count(*) from storage.objects where bucket_id = 'invoices' and name = ?", path)).isZero();
        assertThat(backend.queryValue("select status from public.invoices where id = ?", invoice)).isEqualTo("draft");
        Fx.waitUntil("the invoice says its PDF waits for the connection", UI_DEADLINE, () -> text("#invoice-pdf-state")
                .equals("PDF upload waiting (offline), will upload when back online"));

        relay.pass();
        Fx.awaitOffFx("the PDF is uploaded and pdf_path set on the server", SYNC_DEADLINE,
                () -> path.equals(backend.queryValue("select pdf_path from public.invoices where id = ?", invoice)));
        Fx.waitUntil("the editor shows the invoice issued and synced", SYNC_DEADLINE,
                () -> text("#invoice-editor-title").equals("Invoice " + number + " · Issued"));
        assertThat(count("select count(*) from storage.objects where bucket_id = 'invoices' and name = ?", path)).isOne();
        assertThat(count("select count(*) from storage.objects where bucket_id = 'invoices' and name = ? and created_at = updated_at",
                path)).as("uploaded once, never replaced").isOne();
        Fx.waitUntil("the invoice says its PDF is stored", UI_DEADLINE, () -> text("#invoice-pdf-state").equals("PDF stored"));
        byte[] downloaded = session().supabase().storage().from("invoices").download(path);
        InvoicePdfUploads.Receipt sent = InvoicePdfUploads.receipt(session().cacheDatabase(), new InvoiceId(invoice)).orElseThrow();
        assertThat(sent.path()).isEqualTo(path);
        assertThat(InvoicePdfUploads.sha256(downloaded)).as("the download is, byte for byte, the PDF the console generated and sent")
                .isEqualTo(sent.sha256());
        assertThat((long) downloaded.length).isEqualTo(sent.bytes());
        try (PDDocument pdf = Loader.loadPDF(downloaded)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("INV-" + number, CUSTOMER, "Boiler service", "$129.00",
                    "Acme Heating & Cooling LLC");
        }
    }

    // ---- helpers ----

    private ConsoleSession session() {
        return console.window().currentSession();
    }

    private long count(String sql, Object parameter) {
        return ((Number) backend.queryValue(sql, parameter)).longValue();
    }

    @SuppressWarnings("unchecked")
    private TableView<InvoiceSummary> table() {
        return (TableView<InvoiceSummary>) console.find("#invoices-table").orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<InvoiceCustomer> customerPicker() {
        return (ComboBox<InvoiceCustomer>) lookup("#invoice-editor-customer").orElseThrow();
    }

    /** The offline draft in the list (the only invoice of its customer). */
    private Optional<InvoiceSummary> listed() {
        return Fx.read(() -> table().getItems().stream().filter(row -> row.customerName().equals(CUSTOMER)).findFirst());
    }

    private String numberCell(InvoiceSummary row) {
        return Fx.read(() -> String.valueOf(table().getColumns().get(0).getCellData(row)));
    }

    private String text(String selector) {
        return Fx.read(() -> lookup(selector).map(node -> node instanceof Label label ? label.getText() : "").orElse(""));
    }

    /** A node in any showing window (the editor is a window of its own). */
    private Optional<Node> lookup(String selector) {
        return Fx.read(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).filter(Objects::nonNull)
                .map(Scene::getRoot).map(root -> root.lookup(selector)).filter(Objects::nonNull).findFirst());
    }
}
