package com.fielddesk.desktop.invoices;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.RecordingSection;
import com.fielddesk.desktop.testing.SectionUnderTest;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.InvoiceDraft;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceLine;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.InvoiceCustomer;
import com.fielddesk.domain.invoices.PaymentStatus;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fielddesk.desktop.testing.CacheRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Invoices section on a real SQLite cache, shown by the real navigator: the list with exact
 * totals, the overdue filter by the company's today, the payment-status, customer (type-ahead) and
 * issue-date filters with the totals following each and Clear filters, every filter reached by its
 * mnemonic, an invoice opened by id with its lines, and a draft issued from the detail (queued at once).
 */
class InvoicesFeatureTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private SectionUnderTest section;
    private final UUID dispatcher = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID bakery = UUID.randomUUID();
    private com.fielddesk.domain.invoices.pdf.InvoicePdfUploads uploads;
    private final Map<String, byte[]> storedPdfs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean reachable;
    private InvoiceId showInvoicesDraft;

    @AfterEach
    void close() throws Exception {
        section.close();
        cache.close();
    }

    @Test
    void theListAddsUpOverdueFiltersAndADraftIsIssued() throws Exception {
        InvoiceId draft = showInvoices(List.of());

        Fx.waitUntil("all three are listed", DEADLINE, () -> numbers().size() == 3);
        Fx.waitUntil("and added up to the cent", DEADLINE,
                () -> section.text("#invoices-totals").equals("3 invoices · total $250.29 · due $250.09"));
        Fx.run(() -> ((javafx.scene.control.CheckBox) section.lookup("#invoices-overdue")).setSelected(true));
        Fx.waitUntil("only the overdue one", DEADLINE, () -> numbers().equals(List.of("1")));
        Fx.run(() -> ((javafx.scene.control.CheckBox) section.lookup("#invoices-overdue")).setSelected(false));

        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, draft.value().toString())))).isEmpty();
        Fx.waitUntil("the draft is shown with its line", DEADLINE,
                () -> section.text("#invoice-title").equals("Draft (number pending) · Northwind Traders")
                        && section.text("#invoice-money").startsWith("Total $149.99"));
        assertThat(Fx.read(() -> section.lookup("#invoice-history").isVisible()))
                .as("no History where this role has no audit log").isFalse();
        Fx.run(() -> ((Button) section.lookup("#invoice-issue")).fire());
        Fx.waitUntil("issued, queued", DEADLINE, () -> section.text("#invoice-state").startsWith("Issued")
                && section.text("#invoice-state").endsWith("waiting to sync"));
        assertThat(section.text("#invoice-notice")).isEqualTo("Issued. The server numbers and dates it with the next sync.");
    }

    /** Beside the detail at 1280 pixels: the issue day (in the detail too) starts hidden, the menu shows it. */
    @Test
    void theListStartsWithTheColumnsThatFitBesideTheDetail() throws Exception {
        showInvoices(List.of());
        Fx.waitUntil("all three are listed", DEADLINE, () -> numbers().size() == 3);
        TableView<?> table = Fx.read(() -> (TableView<?>) section.lookup("#invoices-table"));
        assertThat(Fx.read(() -> table.getColumns().stream().filter(column -> column.isVisible()).map(column -> column.getText())
                .toList())).containsExactly("No.", "Customer", "Due", "Status", "Total", "Balance due");
        assertThat(Fx.read(table::isTableMenuButtonVisible)).isTrue();
    }

    @Test
    void historyAsksTheSectionThatShowsHistoriesForThisInvoice() throws Exception {
        // Stands for the audit log, which opens invoice histories for supervisors (its filtering by
        // record is AuditFeatureTest's): here only what the invoice's History asks for is checked.
        RecordingSection histories = new RecordingSection("histories", RecordKind.INVOICE_HISTORY);
        InvoiceId draft = showInvoices(List.of(histories.feature()));
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, draft.value().toString())))).isEmpty();
        Fx.waitUntil("the draft's History button", DEADLINE, () -> section.lookup("#invoice-history") != null
                && section.lookup("#invoice-history").isVisible());
        Fx.run(() -> ((Button) section.lookup("#invoice-history")).fire());
        assertThat(histories.asked()).isNotEmpty().containsOnly(new RecordRef(RecordKind.INVOICE_HISTORY, draft.value().toString()));
        assertThat(Fx.read(() -> section.navigator().currentProperty().get().id())).isEqualTo("histories");
    }

    @Test
    void paymentStatusCustomerAndIssueDatesNarrowTheListTheTotalsFollowAndClearFiltersResetsThem() throws Exception {
        showInvoices(List.of(), () -> {
            CacheRows.write(cache, "customers", List.of(row("id", bakery, "company_id", COMPANY, "full_name", "Zoë Łódź Bakery")));
            invoice(3, bakery, "issued", "partial", "40.00", "15.00", today().minusDays(20), today().plusDays(10));
            invoice(4, bakery, "issued", "unpaid", "7.50", "0", today(), today().plusDays(30));
        });
        Fx.waitUntil("all five are listed and added up", DEADLINE, () -> numbers().size() == 5
                && section.text("#invoices-totals").equals("5 invoices · total $297.79 · due $282.59"));

        Fx.run(() -> paymentStatus().setValue(PaymentStatus.UNPAID));
        Fx.waitUntil("the unpaid ones, the draft too", DEADLINE, () -> numbers().equals(List.of("draft", "4", "1"))
                && section.text("#invoices-totals").equals("3 invoices · total $257.59 · due $257.59"));
        Fx.run(() -> paymentStatus().setValue(PaymentStatus.PARTIAL));
        Fx.waitUntil("the partly paid one", DEADLINE, () -> numbers().equals(List.of("3"))
                && section.text("#invoices-totals").equals("1 invoice · total $40.00 · due $25.00"));
        Fx.run(() -> paymentStatus().setValue(PaymentStatus.PAID));
        Fx.waitUntil("the paid one", DEADLINE, () -> numbers().equals(List.of("2"))
                && section.text("#invoices-totals").equals("1 invoice · total $0.20 · due $0.00"));
        Fx.run(() -> paymentStatus().setValue(null));

        Fx.run(() -> customer().getEditor().setText("łódź"));
        Fx.waitUntil("typing offers the matching customers", DEADLINE, () -> Fx.read(() -> customer().getItems().stream()
                .map(InvoiceCustomer::name).toList()).equals(List.of("Zoë Łódź Bakery")));
        Fx.run(() -> customer().commitValue());
        Fx.waitUntil("Enter takes the match: only the bakery's invoices", DEADLINE, () -> numbers().equals(List.of("4", "3"))
                && section.text("#invoices-totals").equals("2 invoices · total $47.50 · due $32.50"));
        assertThat(Fx.read(() -> customer().getEditor().getText())).isEqualTo("Zoë Łódź Bakery");

        Fx.run(() -> issuedFrom().setValue(today().minusDays(20)));
        Fx.waitUntil("from the first day on, that day included", DEADLINE, () -> numbers().equals(List.of("4", "3")));
        Fx.run(() -> issuedTo().setValue(today().minusDays(1)));
        Fx.waitUntil("up to yesterday: the customer and the range together", DEADLINE, () -> numbers().equals(List.of("3"))
                && section.text("#invoices-totals").equals("1 invoice · total $40.00 · due $25.00"));
        Fx.run(() -> customer().getEditor().setText(""));
        Fx.waitUntil("no customer: everyone's in the range", DEADLINE, () -> numbers().equals(List.of("3", "2"))
                && section.text("#invoices-totals").equals("2 invoices · total $40.20 · due $25.00"));
        Fx.run(() -> issuedTo().setValue(today().minusDays(21)));
        Fx.waitUntil("a last day before the first is said, and nothing matches", DEADLINE, () -> numbers().isEmpty()
                && section.text("#invoices-filter-problem").equals("The last issue day is before the first, so no invoice can match.")
                && section.text("#invoices-totals").equals("0 invoices · total $0.00 · due $0.00"));

        Fx.run(() -> {
            paymentStatus().setValue(PaymentStatus.UNPAID);
            ((javafx.scene.control.CheckBox) section.lookup("#invoices-overdue")).setSelected(true);
            ((javafx.scene.control.TextField) section.lookup("#invoices-search")).setText("north");
            ((Button) section.lookup("#invoices-clear-filters")).fire();
        });
        Fx.waitUntil("Clear filters lists everything again", DEADLINE, () -> numbers().size() == 5
                && section.text("#invoices-totals").equals("5 invoices · total $297.79 · due $282.59")
                && section.text("#invoices-filter-problem").isEmpty());
        assertThat(Fx.read(() -> java.util.Arrays.asList(paymentStatus().getValue(), customer().getValue(),
                customer().getEditor().getText(), issuedFrom().getValue(), issuedTo().getValue(),
                ((javafx.scene.control.TextField) section.lookup("#invoices-search")).getText(),
                ((javafx.scene.control.CheckBox) section.lookup("#invoices-overdue")).isSelected())))
                .containsExactly(null, null, "", null, null, "", false);
    }

    /**
     * Each filter has a label whose mnemonic points at it (Alt+letter moves the focus there), and
     * no two mnemonics of the section share a key.
     */
    @Test
    void everyFilterIsReachedByItsOwnMnemonic() throws Exception {
        showInvoices(List.of());
        Fx.waitUntil("listed", DEADLINE, () -> numbers().size() == 3);
        Map<String, String> keys = Map.of("invoices-status", "Alt+'S'", "invoices-payment-status", "Alt+'y'",
                "invoices-customer", "Alt+'C'", "invoices-issued-from", "Alt+'r'", "invoices-issued-to", "Alt+'o'",
                "invoices-overdue", "Alt+'d'", "invoices-clear-filters", "Alt+'l'");
        Map<String, List<String>> mnemonics = Fx.read(() -> section.lookup("#invoices-table").getScene().getMnemonics()
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(entry -> entry.getKey().getName(),
                        entry -> entry.getValue().stream().map(mnemonic -> mnemonic.getNode().getId()).toList())));
        keys.forEach((control, key) -> assertThat(mnemonics.get(key)).as(control + " by " + key).containsExactly(control));
        assertThat(mnemonics.values()).as("one control a key").allSatisfy(controls -> assertThat(controls).hasSize(1));
    }

    /**
     * The selected invoice says where its PDF is, read from the upload queue and pdf_path and
     * following the queue live: the upload fails (the server cannot be reached) → "failed: why,
     * retrying"; the next drain (a list change) uploads it → "PDF stored", with pdf_path written.
     */
    @Test
    void theSelectedInvoiceSaysWhereItsPdfIsAndFollowsTheQueue() throws Exception {
        UUID issued = UUID.randomUUID();
        showInvoices(List.of(), () -> {
            CacheRows.write(cache, "invoices", List.of(row("id", issued, "company_id", COMPANY, "customer_id", customer,
                    "number", 3, "status", "issued", "payment_status", "unpaid", "currency", "USD",
                    "total", new java.math.BigDecimal("80.00"), "amount_paid", java.math.BigDecimal.ZERO,
                    "issue_date", today(), "due_date", today().plusDays(30),
                    "branding", com.fielddesk.cache.store.Json.object().put("legal_name", "Northwind Heating LLC")
                            .put("payment_terms_days", 30).put("prefix", "INV-"))));
            uploads.queue(new InvoiceId(issued));
        });
        assertThat(Fx.read(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, issued.toString())))).isEmpty();
        Fx.waitUntil("the failed upload is said, with why, as a sentence", DEADLINE, () -> section.text("#invoice-pdf-state")
                .equals("PDF upload failed: Cannot reach the server. Check the connection; the console keeps working from this"
                        + " computer's copy. Retrying."));
        assertThat(storedPdfs).isEmpty();

        reachable = true;
        Fx.run(() -> ((javafx.scene.control.CheckBox) section.lookup("#invoices-overdue")).setSelected(true));
        Fx.waitUntil("the next drain uploads it, and the invoice says so", DEADLINE,
                () -> section.text("#invoice-pdf-state").equals("PDF stored"));
        assertThat(storedPdfs).containsOnlyKeys(COMPANY + "/" + issued + ".pdf");
        assertThat(uploads.receipt(new InvoiceId(issued)).orElseThrow().sha256())
                .isEqualTo(com.fielddesk.domain.invoices.pdf.InvoicePdfUploads.sha256(storedPdfs.values().iterator().next()));

        Fx.run(() -> section.navigator().open(new RecordRef(RecordKind.INVOICE, showInvoicesDraft.value().toString())));
        Fx.waitUntil("a draft has no PDF to speak of", DEADLINE, () -> section.text("#invoice-title").startsWith("Draft")
                && !Fx.read(() -> section.lookup("#invoice-pdf-state").isVisible()));
    }

    private LocalDate today() {
        return LocalDate.now(SectionUnderTest.COMPANY_ZONE);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<PaymentStatus> paymentStatus() {
        return (ComboBox<PaymentStatus>) section.lookup("#invoices-payment-status");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<InvoiceCustomer> customer() {
        return (ComboBox<InvoiceCustomer>) section.lookup("#invoices-customer");
    }

    private DatePicker issuedFrom() {
        return (DatePicker) section.lookup("#invoices-issued-from");
    }

    private DatePicker issuedTo() {
        return (DatePicker) section.lookup("#invoices-issued-to");
    }

    private InvoiceId showInvoices(List<Feature> others) throws Exception {
        return showInvoices(others, () -> { });
    }

    /**
     * Three invoices (one overdue, one paid, a draft of one line) in the Invoices section, beside
     * {@code others}, and whatever {@code more} writes before it is shown; answers the draft.
     */
    private InvoiceId showInvoices(List<Feature> others, Runnable more) throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        CacheRows.write(cache, "profiles", List.of(row("id", dispatcher, "company_id", COMPANY, "role", "csr",
                "full_name", "Casey CSR")));
        CacheRows.write(cache, "customers", List.of(row("id", customer, "company_id", COMPANY, "full_name", "Northwind Traders")));
        java.time.LocalDate today = java.time.LocalDate.now(SectionUnderTest.COMPANY_ZONE);
        invoice(1, "issued", "unpaid", "100.10", "0", today.minusDays(40), today.minusDays(10));
        invoice(2, "paid", "paid", "0.20", "0.20", today.minusDays(5), today.plusDays(25));
        InvoiceRepository invoices = new InvoiceRepository(new LocalCache(cache, new Outbox(), Clock.systemUTC()),
                new UserId(dispatcher));
        InvoiceId draft = invoices.createDraft(new InvoiceDraft(new CustomerId(customer), java.util.Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Boiler service", java.math.BigDecimal.ONE,
                Money.of(new java.math.BigDecimal("149.99"), InvoiceRepository.DEFAULT_CURRENCY))), null, null, null));
        LocalCache local = new LocalCache(cache, new Outbox(), Clock.systemUTC());
        var pdfs = new com.fielddesk.domain.invoices.pdf.InvoicePdfs(invoices,
                new com.fielddesk.domain.settings.CompanySettingsRepository(local, new UserId(dispatcher))::invoiceBranding,
                path -> java.util.Optional.empty(), () -> com.fielddesk.domain.common.CompanyZone.UTC,
                new com.fielddesk.domain.invoices.pdf.InvoicePdfGenerator());
        uploads = new com.fielddesk.domain.invoices.pdf.InvoicePdfUploads(cache, invoices, pdfs, (path, pdf) -> {
            if (!reachable) {
                throw new com.fielddesk.supabase.errors.NetworkException("connection refused", new java.io.IOException("refused"));
            }
            storedPdfs.put(path, pdf.clone());
        }, Clock.systemUTC());
        more.run();
        showInvoicesDraft = draft;
        section = SectionUnderTest.show(InvoicesFeature.feature(invoices, pdfs, uploads,
                (action, invoice, label) -> { }, (document, jobName) -> false, (owner, title, name) -> java.util.Optional.empty()),
                others, cache, folder);
        return draft;
    }

    private void invoice(long number, String status, String paymentStatus, String total, String paid,
                         java.time.LocalDate issued, java.time.LocalDate due) {
        invoice(number, customer, status, paymentStatus, total, paid, issued, due);
    }

    private void invoice(long number, UUID customer, String status, String paymentStatus, String total, String paid,
                         java.time.LocalDate issued, java.time.LocalDate due) {
        CacheRows.write(cache, "invoices", List.of(row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_id", customer,
                "number", number, "status", status, "payment_status", paymentStatus, "currency", "USD",
                "total", new java.math.BigDecimal(total), "amount_paid", new java.math.BigDecimal(paid),
                "issue_date", issued, "due_date", due)));
    }


    @SuppressWarnings("unchecked")
    private List<String> numbers() {
        return Fx.read(() -> ((TableView<InvoiceSummary>) section.lookup("#invoices-table")).getItems().stream()
                .map(invoice -> invoice.number().map(String::valueOf).orElse("draft")).toList());
    }

}
