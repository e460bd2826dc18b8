package com.fielddesk.domain.invoices;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.INVOICE_ITEMS;
import static com.fielddesk.cache.query.CacheTables.PAYMENTS;
import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invoices repository against a real SQLite cache: the list and its totals, a draft and its lines, payments. */
class InvoiceRepositoryTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private InvoiceRepository invoices;
    private final UUID csr = UUID.randomUUID();
    private final UUID northwind = UUID.randomUUID();
    private final UUID bakery = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled(database, "profiles", row("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR", "version", 1));
        pulled(database, "customers", row("id", northwind, "company_id", COMPANY, "full_name", "Northwind Traders", "version", 1),
                row("id", bakery, "company_id", COMPANY, "full_name", "Zoë Łódź Bakery", "version", 1));
        invoices = new InvoiceRepository(cache, new UserId(csr));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), InvoiceRepository.DEFAULT_CURRENCY);
    }

    private void serverInvoice(long number, UUID customer, String status, String paymentStatus, String total, String paid,
                               LocalDate issued, LocalDate due) {
        pulled(database, "invoices", row("id", UUID.randomUUID(), "company_id", COMPANY, "customer_id", customer, "number", number,
                "status", status, "payment_status", paymentStatus, "currency", "USD", "total", new BigDecimal(total),
                "amount_paid", new BigDecimal(paid), "issue_date", issued, "due_date", due, "version", 1));
    }

    @Test
    void filtersOverdueAndTheFilteredTotalsComeFromSqlToTheCent() {
        serverInvoice(1, northwind, "issued", "unpaid", "100.10", "0", TODAY.minusDays(40), TODAY.minusDays(10));
        serverInvoice(2, northwind, "issued", "partial", "200.20", "50.05", TODAY.minusDays(20), TODAY.plusDays(10));
        serverInvoice(3, bakery, "paid", "paid", "0.30", "0.30", TODAY.minusDays(60), TODAY.minusDays(30));
        serverInvoice(4, bakery, "void", "unpaid", "999.99", "0", TODAY.minusDays(5), TODAY.plusDays(25));

        assertThat(numbers(InvoiceFilter.all())).containsExactly(4L, 3L, 2L, 1L);
        assertThat(numbers(InvoiceFilter.all().overdueOn(TODAY))).as("issued, unpaid, past due").containsExactly(1L);
        assertThat(numbers(InvoiceFilter.all().withStatuses(Set.of(InvoiceStatus.ISSUED)))).containsExactly(2L, 1L);
        assertThat(numbers(InvoiceFilter.all().withPaymentStatuses(Set.of(PaymentStatus.PARTIAL)))).containsExactly(2L);
        assertThat(numbers(InvoiceFilter.all().withCustomer(new CustomerId(bakery)))).containsExactly(4L, 3L);
        assertThat(numbers(InvoiceFilter.all().issuedBetween(TODAY.minusDays(30), TODAY))).containsExactly(4L, 2L);
        assertThat(numbers(InvoiceFilter.all().withText("łódź"))).as("the customer's name").containsExactly(4L, 3L);
        assertThat(numbers(InvoiceFilter.all().withText("#2"))).as("the number").containsExactly(2L);
        assertThat(invoices.list(InvoiceFilter.all(), InvoiceSort.NUMBER, 10).get(3).overdueOn(TODAY)).isTrue();

        FilteredTotals open = invoices.totals(InvoiceFilter.all().withStatuses(Set.of(InvoiceStatus.ISSUED)));
        assertThat(open.count()).isEqualTo(2);
        assertThat(open.total()).isEqualTo(usd("300.30"));
        assertThat(open.balanceDue()).isEqualTo(usd("250.25"));
    }

    @Test
    void byNumberUnnumberedDraftsComeFirstThenTheHighestNumbersAndTheLimitCountsBoth() {
        serverInvoice(7, northwind, "issued", "unpaid", "10.00", "0", TODAY, TODAY.plusDays(30));
        serverInvoice(9, bakery, "issued", "unpaid", "10.00", "0", TODAY, TODAY.plusDays(30));
        serverInvoice(8, northwind, "paid", "paid", "10.00", "10.00", TODAY, TODAY.plusDays(30));
        InvoiceId draft = invoices.createDraft(new InvoiceDraft(new CustomerId(bakery), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Call-out", BigDecimal.ONE, usd("80.00"))),
                usd("0.00"), BigDecimal.ZERO, ""));

        assertThat(invoices.list(InvoiceFilter.all(), InvoiceSort.NUMBER, 10)).extracting(InvoiceSummary::number)
                .containsExactly(Optional.empty(), Optional.of(9L), Optional.of(8L), Optional.of(7L));
        assertThat(invoices.list(InvoiceFilter.all(), InvoiceSort.NUMBER, 2)).extracting(InvoiceSummary::id)
                .hasSize(2).first().isEqualTo(draft);
        assertThat(numbers(InvoiceFilter.all().withText("bakery"))).containsExactly(-1L, 9L);
        assertThat(invoices.totals(InvoiceFilter.all().withText("northwind")).total()).isEqualTo(usd("20.00"));
    }

    @Test
    void aSearchMatchingVeryManyCustomersStillFindsTheirInvoices() {
        List<com.fasterxml.jackson.databind.node.ObjectNode> many = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(row("id", UUID.randomUUID(), "company_id", COMPANY, "full_name", "Heating client " + i, "version", 1));
        }
        pulled(database, "customers", many.toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        UUID client = UUID.fromString(many.get(599).get("id").asText());
        serverInvoice(5, client, "issued", "unpaid", "12.34", "0", TODAY, TODAY.plusDays(30));
        serverInvoice(6, northwind, "issued", "unpaid", "1.00", "0", TODAY, TODAY.plusDays(30));

        assertThat(numbers(InvoiceFilter.all().withText("heating client"))).containsExactly(5L);
        assertThat(invoices.totals(InvoiceFilter.all().withText("heating client")).total()).isEqualTo(usd("12.34"));
    }

    @Test
    void aDraftAndAllItsLinesAreOneTransactionWithTheServersRounding() {
        InvoiceDraft draft = new InvoiceDraft(new CustomerId(northwind), Optional.empty(), InvoiceRepository.DEFAULT_CURRENCY,
                List.of(InvoiceLine.added("Boiler service", new BigDecimal("1"), usd("149.99")),
                        InvoiceLine.added("Valve, ½ inch", new BigDecimal("3"), usd("0.335")),
                        InvoiceLine.added("Labour (hours)", new BigDecimal("1.5"), usd("85.00"))),
                usd("10.00"), new BigDecimal("8.875"), "Thank you, Zoë!");
        InvoiceId id = invoices.createDraft(draft);

        Invoice saved = invoices.invoice(id).orElseThrow();
        assertThat(saved.summary().describe()).isEqualTo("Draft (number pending)");
        assertThat(saved.summary().pending()).isTrue();
        assertThat(saved.items()).extracting(InvoiceItem::description)
                .containsExactly("Boiler service", "Valve, ½ inch", "Labour (hours)");
        // 149.99 + round(3 × 0.34) + round(1.5 × 85.00) = 149.99 + 1.02 + 127.50 = 278.51;
        // tax = round((278.51 − 10.00) × 8.875 %) = round(23.8302…) = 23.83; total 292.34.
        assertThat(saved.items()).extracting(item -> item.lineTotal().amount().toPlainString())
                .containsExactly("149.99", "1.02", "127.50");
        assertThat(saved.summary().total()).isEqualTo(usd("292.34"));
        assertThat(saved.balanceDue()).isEqualTo(usd("292.34"));
        assertThat(cache.pendingIds(INVOICES)).containsExactly(id.value());
        assertThat(cache.pendingIds(INVOICE_ITEMS)).hasSize(3);
        List<com.fielddesk.cache.outbox.OutboxEntry> queued = database.read(connection -> new Outbox().all(connection));
        assertThat(queued).filteredOn(entry -> entry.table().equals("invoice_items"))
                .hasSize(3).allSatisfy(entry -> assertThat(entry.changes().has("line_total"))
                        .as("the server generates line_total and refuses a push naming it").isFalse());
    }

    @Test
    void anInvalidDraftQueuesNothingAndNamesEachField() {
        InvoiceDraft bad = new InvoiceDraft(new CustomerId(northwind), Optional.empty(), InvoiceRepository.DEFAULT_CURRENCY,
                List.of(InvoiceLine.added("Fine line", BigDecimal.ONE, usd("10.00")),
                        InvoiceLine.added("  ", BigDecimal.ZERO, usd("-1.00"))),
                usd("50.00"), new BigDecimal("101"), "x".repeat(2_001));
        assertThatThrownBy(() -> invoices.createDraft(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.field()).containsExactly("lines[1].description",
                        "lines[1].quantity", "lines[1].unitPrice", "taxRate", "notes"));
        InvoiceDraft tooMuchDiscount = new InvoiceDraft(new CustomerId(northwind), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Fine line", BigDecimal.ONE, usd("10.00"))),
                usd("10.01"), BigDecimal.ZERO, null);
        assertThatThrownBy(() -> invoices.createDraft(tooMuchDiscount)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.errors()).extracting(error -> error.message())
                        .containsExactly("The discount cannot be more than the subtotal (10.00)."));
        assertThat(cache.pendingIds(INVOICES)).isEmpty();
        assertThat(cache.pendingIds(INVOICE_ITEMS)).isEmpty();
    }

    @Test
    void savingADraftUpdatesMovesAddsAndRemovesLinesThenIssuedItIsNoLongerEditable() {
        InvoiceId id = invoices.createDraft(new InvoiceDraft(new CustomerId(northwind), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("A", BigDecimal.ONE, usd("1.00")),
                        InvoiceLine.added("B", BigDecimal.ONE, usd("2.00"))), null, null, null));
        List<InvoiceItem> before = invoices.invoice(id).orElseThrow().items();
        InvoiceItem b = before.get(1);

        invoices.saveDraft(id, new InvoiceDraft(new CustomerId(northwind), Optional.empty(), InvoiceRepository.DEFAULT_CURRENCY,
                List.of(new InvoiceLine(Optional.of(b.id()), "B, renamed", new BigDecimal("2"), usd("2.00")),
                        InvoiceLine.added("C", BigDecimal.ONE, usd("3.00"))), null, null, null));
        Invoice after = invoices.invoice(id).orElseThrow();
        assertThat(after.items()).extracting(InvoiceItem::description).containsExactly("B, renamed", "C");
        assertThat(after.items().get(0).id()).as("the same line, moved up").isEqualTo(b.id());
        assertThat(after.items()).extracting(InvoiceItem::position).containsExactly(1L, 2L);
        assertThat(after.summary().total()).isEqualTo(usd("7.00"));

        invoices.issue(id);
        assertThatThrownBy(() -> invoices.saveDraft(id, new InvoiceDraft(new CustomerId(northwind), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("D", BigDecimal.ONE, usd("4.00"))), null, null, null)))
                .isInstanceOf(InvoiceNotEditableException.class).hasMessage("Only a draft can be edited; this invoice is issued.");
    }

    @Test
    void paymentsCannotOverPayEvenWhileStillQueuedAndAVoidInvoiceTakesNone() {
        InvoiceId id = invoices.createDraft(new InvoiceDraft(new CustomerId(bakery), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Repair", BigDecimal.ONE, usd("100.00"))),
                null, null, null));
        Instant paidAt = Instant.parse("2026-12-05T10:00:00Z");
        assertThatThrownBy(() -> invoices.recordPayment(id, usd("10.00"), PaymentMethod.CASH, paidAt, null))
                .isInstanceOf(InvoiceNotEditableException.class).hasMessage("Issue the invoice before recording a payment.");
        invoices.issue(id);

        invoices.recordPayment(id, usd("60.00"), PaymentMethod.CARD, paidAt, "  auth 4411 ");
        assertThat(invoices.invoice(id).orElseThrow().balanceDue()).isEqualTo(usd("40.00"));
        assertThatThrownBy(() -> invoices.recordPayment(id, usd("40.01"), PaymentMethod.CASH, paidAt, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.message())
                        .containsExactly("That is more than the balance due of 40.00."));
        assertThatThrownBy(() -> invoices.recordPayment(id, usd("5.00"), PaymentMethod.fromCode("crypto"), paidAt, null))
                .isInstanceOf(InvalidInputException.class);
        Invoice invoice = invoices.invoice(id).orElseThrow();
        assertThat(invoice.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.reference()).contains("auth 4411");
            assertThat(payment.pending()).isTrue();
        });

        assertThatThrownBy(() -> invoices.voidInvoice(id, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).extracting(error -> error.field())
                        .containsExactly("voidReason"));
        assertThat(invoices.invoice(id).orElseThrow().summary().status()).isEqualTo(InvoiceStatus.ISSUED);
        invoices.voidInvoice(id, "Billed to the wrong customer");
        assertThat(invoices.voidReason(id)).contains("Billed to the wrong customer");
        assertThatThrownBy(() -> invoices.recordPayment(id, usd("1.00"), PaymentMethod.CASH, paidAt, null))
                .isInstanceOf(InvoiceNotEditableException.class).hasMessage("A void invoice cannot take payments.");
        assertThat(cache.pendingIds(PAYMENTS)).hasSize(1);
    }

    @Test
    void onlyAManagerRemovesAPaymentAndTheBalanceComesBack() {
        UUID supervisor = UUID.randomUUID();
        pulled(database, "profiles", row("id", supervisor, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam",
                "version", 1));
        InvoiceId id = invoices.createDraft(new InvoiceDraft(new CustomerId(northwind), Optional.empty(),
                InvoiceRepository.DEFAULT_CURRENCY, List.of(InvoiceLine.added("Inspection", BigDecimal.ONE, usd("80.00"))), null,
                null, null));
        invoices.issue(id);
        UUID payment = invoices.recordPayment(id, usd("30.00"), PaymentMethod.CASH, Instant.parse("2026-12-05T15:00:00Z"), "");

        assertThat(invoices.mayRemovePayments()).isFalse();
        assertThatThrownBy(() -> invoices.removePayment(id, payment)).isInstanceOf(InvoiceNotEditableException.class)
                .hasMessage("Only a supervisor or an admin can remove a payment.");
        InvoiceRepository managers = new InvoiceRepository(cache, new UserId(supervisor));
        assertThat(managers.mayRemovePayments()).isTrue();
        managers.removePayment(id, payment);
        Invoice after = managers.invoice(id).orElseThrow();
        assertThat(after.payments()).isEmpty();
        assertThat(after.balanceDue()).isEqualTo(usd("80.00"));
    }

    @Test
    void invoiceThisJobReadsTheJobsCustomerAndTitle() {
        UUID job = UUID.randomUUID();
        pulled(database, "work_orders", row("id", job, "company_id", COMPANY, "customer_id", bakery, "number", 12,
                "title", "Replace the oven's thermostat", "version", 1));
        assertThat(invoices.jobToInvoice(job)).hasValueSatisfying(found -> {
            assertThat(found.customer().name()).isEqualTo("Zoë Łódź Bakery");
            assertThat(found.title()).isEqualTo("Replace the oven's thermostat");
            assertThat(found.number()).contains(12L);
        });
        assertThat(invoices.jobToInvoice(UUID.randomUUID())).isEmpty();
        assertThat(invoices.customers("zoë", 10)).extracting(InvoiceCustomer::name).containsExactly("Zoë Łódź Bakery");
    }

    /**
     * The issue-date range is the company's calendar, whatever this computer's zone: at 20:00 UTC on
     * 5 Dec it is already 6 Dec on a computer in Kiritimati (UTC+14) but still 5 Dec for a company
     * in Los Angeles; the range "the last 7 company days" takes the invoices issued 29 Nov … 5 Dec,
     * both ends included, and nothing the server dated the 6th (there is none yet) or the 28th.
     */
    @Test
    void theIssueDateRangeIsTheCompanysDaysBothEndsIncludedWhateverThisComputersZone() {
        java.util.TimeZone computer = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            Clock now = Clock.fixed(Instant.parse("2026-12-05T20:00:00Z"), java.time.ZoneId.of("Pacific/Kiritimati"));
            LocalDate companyToday = LocalDate.now(now.withZone(java.time.ZoneId.of("America/Los_Angeles")));
            assertThat(companyToday).isNotEqualTo(LocalDate.now(now)).isEqualTo(LocalDate.parse("2026-12-05"));
            LocalDate first = companyToday.minusDays(6);
            serverInvoice(1, northwind, "issued", "unpaid", "10.00", "0", first.minusDays(1), first.plusDays(29));
            serverInvoice(2, northwind, "issued", "unpaid", "20.00", "0", first, first.plusDays(30));
            serverInvoice(3, bakery, "paid", "paid", "30.00", "30.00", companyToday.minusDays(3), companyToday.plusDays(27));
            serverInvoice(4, bakery, "issued", "partial", "40.00", "15.00", companyToday, companyToday.plusDays(30));
            serverInvoice(5, bakery, "issued", "unpaid", "50.00", "0", companyToday.plusDays(1), companyToday.plusDays(31));
            invoices.createDraft(new InvoiceDraft(new CustomerId(bakery), Optional.empty(), InvoiceRepository.DEFAULT_CURRENCY,
                    List.of(InvoiceLine.added("Not issued yet", BigDecimal.ONE, usd("60.00"))), usd("0.00"), BigDecimal.ZERO, ""));

            InvoiceFilter lastWeek = InvoiceFilter.all().withIssueDates(Optional.of(first), Optional.of(companyToday));
            assertThat(numbers(lastWeek)).as("both ends included, a draft has no issue date").containsExactly(4L, 3L, 2L);
            FilteredTotals totals = invoices.totals(lastWeek);
            assertThat(totals.count()).isEqualTo(3);
            assertThat(totals.total()).isEqualTo(usd("90.00"));
            assertThat(totals.balanceDue()).isEqualTo(usd("45.00"));
            assertThat(numbers(InvoiceFilter.all().withIssueDates(Optional.of(companyToday), Optional.empty())))
                    .as("from the company's today on").containsExactly(5L, 4L);
            assertThat(numbers(InvoiceFilter.all().withIssueDates(Optional.empty(), Optional.of(first))))
                    .as("up to the first day").containsExactly(2L, 1L);
            assertThat(numbers(InvoiceFilter.all().withIssueDates(Optional.of(companyToday), Optional.of(first))))
                    .as("a last day before the first finds nothing").isEmpty();
            assertThat(numbers(lastWeek.withCustomer(new CustomerId(bakery))
                    .withPaymentStatuses(Set.of(PaymentStatus.PARTIAL)))).as("with the other filters").containsExactly(4L);
        } finally {
            java.util.TimeZone.setDefault(computer);
        }
    }

    private List<Long> numbers(InvoiceFilter filter) {
        return invoices.list(filter, InvoiceSort.NUMBER, 100).stream().map(summary -> summary.number().orElse(-1L)).toList();
    }
}
