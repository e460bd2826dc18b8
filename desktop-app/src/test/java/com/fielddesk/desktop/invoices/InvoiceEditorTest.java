package com.fielddesk.desktop.invoices;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.InvoiceDraft;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceLine;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.pdf.InvoicePdfGenerator;
import com.fielddesk.domain.invoices.pdf.InvoicePdfUploads;
import com.fielddesk.domain.invoices.pdf.InvoicePdfs;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice editor, Mark paid, Void and the PDF viewer on a real SQLite cache and the real PDF
 * maker, driven from the keyboard and mouse like a CSR would: a draft saved with its number
 * pending, totals following the keys, issued, paid in two parts (an over-payment refused in a
 * sentence), voided only with a reason, and the PDF drawn in the viewer, saved and printed (each
 * told to the audit log).
 */
class InvoiceEditorTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final UUID csr = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID job = UUID.randomUUID();
    private final List<String> audited = new CopyOnWriteArrayList<>();
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private CacheDatabase cache;
    private InvoiceRepository invoices;
    private SectionUnderTest section;
    private InvoicePdfUploads uploads;
    private final List<String> uploaded = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "companies", List.of(row("id", COMPANY, "name", "Çelik Heating", "timezone", "America/New_York",
                "invoice_legal_name", "Çelik Heating & Plumbing LLC", "invoice_address", "12 Harbour Street, Portland",
                "invoice_accent_color", "#0E7C66", "invoice_footer", "Thank you for your business", "payment_terms_days", 14L,
                "invoice_prefix", "INV-")));
        CacheRows.write(cache, "profiles", List.of(row("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź Ñúñez")));
        CacheRows.write(cache, "work_orders", List.of(row("id", job, "company_id", COMPANY, "customer_id", customer, "number", 77L,
                "title", "Replace the boiler's pressure valve", "status", "completed")));
        LocalCache local = new LocalCache(cache, new Outbox(), Clock.systemUTC());
        invoices = new InvoiceRepository(local, new UserId(csr));
        InvoicePdfs pdfs = new InvoicePdfs(invoices, new CompanySettingsRepository(local, new UserId(csr))::invoiceBranding,
                path -> Optional.empty(), () -> CompanyZone.of("America/New_York"), new InvoicePdfGenerator());
        uploads = new InvoicePdfUploads(cache, invoices, pdfs, (path, pdf) -> uploaded.add(path), Clock.systemUTC());
        section = SectionUnderTest.show(InvoicesFeature.feature(invoices, pdfs, uploads,
                (action, invoice, label) -> audited.add(action.code() + " " + label),
                (document, jobName) -> printed.add(jobName + " · " + document.getNumberOfPages() + " page(s)"),
                (owner, title, suggested) -> Optional.of(folder.resolve(suggested))), cache, folder);
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> List.copyOf(Window.getWindows()).stream().filter(window -> window instanceof javafx.stage.Stage stage
                && stage.getOwner() != null).forEach(window -> ((javafx.stage.Stage) window).close()));
        section.close();
        cache.close();
    }

    @Test
    void aDraftIsWrittenFromTheKeyboardIssuedPaidInTwoPartsAndShownAsAPdf() throws Exception {
        robot.clickOn("#invoices-new");
        Fx.waitUntil("the editor is open, its number pending", DEADLINE,
                () -> text("#invoice-editor-title").equals("New invoice · Number pending"));
        Fx.waitUntil("the customers are listed", DEADLINE, () -> !this.<ComboBox<InvoiceCustomer>>find("#invoice-editor-customer")
                .getItems().isEmpty());
        Fx.run(() -> this.<ComboBox<InvoiceCustomer>>find("#invoice-editor-customer").getSelectionModel().select(0));

        robot.clickOn("#line-description-0").write("Boiler service");
        robot.type(KeyCode.TAB).write("2");
        robot.type(KeyCode.TAB).write("149.99");
        Fx.waitUntil("the line and the total follow the keys", DEADLINE, () -> text("#invoice-editor-total").equals("$299.98"));
        robot.type(KeyCode.ENTER);
        Fx.waitUntil("Enter on the last line adds one", DEADLINE, () -> lines() == 2);
        Fx.waitUntil("and puts the cursor in it", DEADLINE, () -> focused("line-price-1"));
        robot.write("25");
        Fx.run(() -> this.<TextInputControl>find("#line-description-1").setText("Parts: valve"));
        robot.clickOn("#invoice-editor-tax-rate").eraseText(1).write("8.875");
        Fx.waitUntil("tax rounded once, half away from zero", DEADLINE, () -> text("#invoice-editor-subtotal").equals("$324.98")
                && text("#invoice-editor-tax").equals("$28.84") && text("#invoice-editor-total").equals("$353.82")
                && text("#invoice-editor-balance").equals("$353.82"));
        robot.clickOn("#line-description-1");
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        Fx.waitUntil("Alt+Up moved the line up", DEADLINE, () -> field("#line-description-0").equals("Parts: valve")
                && field("#line-description-1").equals("Boiler service"));

        robot.clickOn("#invoice-editor-save");
        Fx.waitUntil("saved as a draft, number pending", DEADLINE, () -> text("#invoice-editor-title").startsWith("Number pending · Draft")
                && numbers().equals(List.of("draft")));
        InvoiceSummary draft = Fx.read(() -> listed().get(0));
        Invoice saved = invoices.invoice(draft.id()).orElseThrow();
        assertThat(saved.items()).extracting(item -> item.description()).containsExactly("Parts: valve", "Boiler service");
        assertThat(saved.summary().total()).isEqualTo(Money.of("353.82", "USD"));
        assertThat(saved.summary().number()).isEmpty();

        robot.clickOn("#invoice-editor-issue");
        Fx.waitUntil("issued", DEADLINE, () -> text("#invoice-editor-notice").startsWith("Issued.")
                && invoices.invoice(draft.id()).orElseThrow().summary().status().equals(InvoiceStatus.ISSUED));
        Fx.waitUntil("an issued invoice is not editable", DEADLINE, () -> find("#invoice-editor-save").isDisabled());
        assertThat(uploads.waiting()).as("its PDF waits for the server's number before it is uploaded").containsExactly(draft.id());
        assertThat(uploaded).isEmpty();
        closeWindowOf("#invoice-editor");

        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, draft.id().value().toString())))).isEmpty();
        Fx.waitUntil("the issued invoice is shown", DEADLINE, () -> text("#invoice-state").startsWith("Issued")
                && !find("#invoice-mark-paid").isDisabled());
        robot.clickOn("#invoice-mark-paid");
        Fx.waitUntil("the amount starts at the balance", DEADLINE, () -> field("#mark-paid-amount").equals("353.82"));
        Fx.run(() -> this.<TextField>find("#mark-paid-amount").setText("100"));
        clickButton("#mark-paid-dialog", "Record payment");
        Fx.waitUntil("partly paid", DEADLINE, () -> text("#invoice-money").equals("Total $353.82 · paid $100.00 · balance due $253.82"));

        robot.clickOn("#invoice-mark-paid");
        Fx.waitUntil("the rest is offered", DEADLINE, () -> field("#mark-paid-amount").equals("253.82"));
        Fx.run(() -> this.<TextField>find("#mark-paid-amount").setText("300.00"));
        clickButton("#mark-paid-dialog", "Record payment");
        Fx.waitUntil("an over-payment is refused in a sentence beside the amount", DEADLINE,
                () -> visibleText("That is more than the balance due of 253.82."));
        Fx.run(() -> this.<TextField>find("#mark-paid-amount").setText("253.82"));
        Fx.run(() -> this.<TextField>find("#mark-paid-reference").setText("Check 1042"));
        clickButton("#mark-paid-dialog", "Record payment");
        Fx.waitUntil("paid in full", DEADLINE, () -> text("#invoice-money").equals("Total $353.82 · paid $353.82 · balance due $0.00")
                && find("#invoice-mark-paid").isDisabled());
        assertThat(invoices.invoice(draft.id()).orElseThrow().payments()).hasSize(2);

        robot.clickOn("#invoice-view-pdf");
        Fx.waitUntil("the first page is drawn in the viewer", DEADLINE, () -> text("#invoice-pdf-page").equals("Page 1 of 1")
                && this.<ImageView>find("#invoice-pdf-image").getImage() != null);
        Image page = Fx.read(() -> this.<ImageView>find("#invoice-pdf-image").getImage());
        assertThat(inkedPixels(page)).isGreaterThan((long) (page.getWidth() * page.getHeight() / 100));
        // Fit width, as first drawn: the page and its padding fit the viewport, no horizontal scroll bar.
        javafx.scene.control.ScrollPane pane = Fx.read(() -> find("#invoice-pdf-scroll"));
        assertThat(page.getWidth() + 24).isLessThanOrEqualTo(Fx.read(() -> pane.getViewportBounds().getWidth()));
        String zoomBefore = text("#invoice-pdf-zoom");
        robot.clickOn("#invoice-pdf-zoom-in");
        Fx.waitUntil("zoomed in", DEADLINE, () -> !text("#invoice-pdf-zoom").equals(zoomBefore)
                && !text("#invoice-pdf-zoom").contains("fit width"));
        robot.clickOn("#invoice-pdf-save");
        Path file = folder.resolve("INV-draft.pdf");
        Fx.waitUntil("saved, and the export told to the audit log", DEADLINE, () -> text("#invoice-pdf-notice").startsWith("Saved to")
                && audited.size() == 1);
        Path written;
        try (var files = Files.list(folder)) {
            written = files.filter(p -> p.getFileName().toString().endsWith(".pdf")).findFirst().orElse(file);
        }
        assertThat(Files.readAllBytes(written)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        robot.clickOn("#invoice-pdf-print");
        Fx.waitUntil("printed, and told to the audit log", DEADLINE, () -> printed.size() == 1 && audited.size() == 2);
        assertThat(audited).containsExactly("export Invoice Number pending", "print Invoice Number pending");
        assertThat(printed).containsExactly("Invoice Number pending · 1 page(s)");
        closeWindowOf("#invoice-pdf");
    }

    @Test
    void voidNeedsAReasonAndAVoidInvoiceTakesNoPayment() throws Exception {
        InvoiceId id = invoices.createDraft(new InvoiceDraft(new CustomerId(customer), Optional.empty(), InvoiceRepository.DEFAULT_CURRENCY,
                List.of(InvoiceLine.added("Inspection", BigDecimal.ONE, Money.of("89.00", "USD"))), null, null, null));
        invoices.issue(id);
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, id.value().toString())))).isEmpty();
        Fx.waitUntil("shown", DEADLINE, () -> text("#invoice-state").startsWith("Issued"));
        robot.clickOn("#invoice-void");
        Fx.waitUntil("the reason is asked", DEADLINE, () -> lookup("#void-reason").isPresent());
        clickButton("#void-dialog", "Void invoice");
        Fx.waitUntil("no reason: the dialog stays and says so", DEADLINE, () -> visibleText("Say why the invoice is voided."));
        assertThat(invoices.invoice(id).orElseThrow().summary().status()).isEqualTo(InvoiceStatus.ISSUED);
        robot.clickOn("#void-reason").write("Billed to the wrong customer");
        clickButton("#void-dialog", "Void invoice");
        Fx.waitUntil("voided, with its reason", DEADLINE, () -> text("#invoice-state").startsWith("Void")
                && text("#invoice-void-reason").equals("Voided: Billed to the wrong customer"));
        assertThat(Fx.read(() -> find("#invoice-mark-paid").isDisabled())).isTrue();
        assertThat(invoices.voidReason(id)).contains("Billed to the wrong customer");
    }

    @Test
    void invoiceThisJobFillsTheCustomerAndAFirstLine() throws Exception {
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.JOB_TO_INVOICE, job.toString())))).isEmpty();
        Fx.waitUntil("the editor opens for the job", DEADLINE, () -> text("#invoice-editor-title").equals("New invoice for job 77 · Number pending")
                && field("#line-description-0").equals("Replace the boiler's pressure valve")
                && Fx.read(() -> this.<ComboBox<InvoiceCustomer>>find("#invoice-editor-customer").getValue() != null));
        Fx.run(() -> this.<TextInputControl>find("#line-price-0").setText("420"));
        robot.clickOn("#invoice-editor-save");
        Fx.waitUntil("saved for the job", DEADLINE, () -> numbers().equals(List.of("draft")));
        InvoiceSummary saved = Fx.read(() -> listed().get(0));
        assertThat(saved.customerName()).isEqualTo("Zoë Łódź Ñúñez");
        assertThat(saved.total()).isEqualTo(Money.of("420.00", "USD"));
        closeWindowOf("#invoice-editor");
    }

    // ---- helpers: the section and its windows ----

    private Optional<Node> lookup(String selector) {
        return Fx.read(() -> Window.getWindows().stream().map(Window::getScene).filter(java.util.Objects::nonNull)
                .map(Scene::getRoot).map(root -> root.lookup(selector)).filter(java.util.Objects::nonNull).findFirst());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T find(String selector) {
        return (T) lookup(selector).orElseThrow(() -> new AssertionError("Nothing on screen matches " + selector));
    }

    private String text(String selector) {
        return lookup(selector).map(node -> node instanceof Label label ? label.getText() : "").orElse("");
    }

    private String field(String selector) {
        return lookup(selector).map(node -> node instanceof TextInputControl input ? input.getText() : "").orElse("");
    }

    private boolean visibleText(String sentence) {
        return Fx.read(() -> Window.getWindows().stream().map(Window::getScene).filter(java.util.Objects::nonNull)
                .flatMap(scene -> scene.getRoot().lookupAll(".label").stream())
                .anyMatch(node -> node.isVisible() && node instanceof Label label && sentence.equals(label.getText())));
    }

    private boolean focused(String id) {
        return Fx.read(() -> Window.getWindows().stream().map(Window::getScene).filter(java.util.Objects::nonNull)
                .map(Scene::getFocusOwner).anyMatch(node -> node != null && id.equals(node.getId())));
    }

    private int lines() {
        return Fx.read(() -> this.<TableView<?>>find("#invoice-editor-lines").getItems().size());
    }

    private void clickButton(String dialog, String text) {
        Button button = Fx.read(() -> find(dialog).lookupAll(".button").stream()
                .filter(node -> node instanceof Button b && text.equals(b.getText())).map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("No button " + text + " in " + dialog)));
        robot.clickOn(button);
    }

    private void closeWindowOf(String selector) {
        Fx.run(() -> {
            Window window = find(selector).getScene().getWindow();
            ((javafx.stage.Stage) window).close();
        });
    }

    @SuppressWarnings("unchecked")
    private List<InvoiceSummary> listed() {
        return ((TableView<InvoiceSummary>) section.lookup("#invoices-table")).getItems();
    }

    private List<String> numbers() {
        return Fx.read(() -> listed().stream().map(invoice -> invoice.number().map(String::valueOf).orElse("draft")).toList());
    }

    private static long inkedPixels(Image image) {
        var reader = image.getPixelReader();
        long inked = 0;
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                if (reader.getArgb(x, y) != 0xFFFFFFFF) {
                    inked += 4;
                }
            }
        }
        return inked;
    }
}
