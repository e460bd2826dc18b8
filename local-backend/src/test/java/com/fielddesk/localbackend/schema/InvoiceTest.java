package com.fielddesk.localbackend.schema;

import java.util.Locale;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceTest {

    private static DataSource database;
    private static TenantFixtures fixtures;
    private Company company;
    private AppUser csr;
    private AppUser supervisor;
    private UUID customer;

    /** One database for the class; every test works in a company of its own. */
    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    @BeforeEach
    void createCompanyWithACustomer() {
        TenantFixtures.Crew crew = fixtures.crew("Flow Plumbing", "Robin Payer", "csr", "supervisor");
        company = crew.company();
        csr = crew.member("csr");
        supervisor = crew.member("supervisor");
        customer = crew.customer();
    }

    @Test
    void totalsFollowItemsDiscountAndTaxWhateverTheClientSends() throws SQLException {
        UUID invoice = draftInvoice();
        AsUser.run(database, csr.identity(), c -> {
            Sql.update(c, "insert into public.invoice_items (invoice_id, description, quantity, unit_price) values (?, 'Labour hours', 2, 50)", invoice);
            Sql.update(c, "insert into public.invoice_items (invoice_id, description, quantity, unit_price) values (?, 'Valve', 1, 25.50)", invoice);
            return Sql.update(c, "update public.invoices set discount = 5.50, tax_rate = 8.25, total = 1, subtotal = 2 where id = ?", invoice);
        });

        assertThat(amounts(invoice)).containsEntry("subtotal", new BigDecimal("125.50"))
                .containsEntry("discount", new BigDecimal("5.50")).containsEntry("tax", new BigDecimal("9.90"))
                .containsEntry("total", new BigDecimal("129.90"));

        AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.invoice_items set deleted_at = now() where description = 'Valve' and invoice_id = ?", invoice));
        assertThat(amounts(invoice)).containsEntry("subtotal", new BigDecimal("100.00"))
                .containsEntry("tax", new BigDecimal("7.80")).containsEntry("total", new BigDecimal("102.30"));
    }

    @Test
    void offlineDraftWithoutNumberGetsTheNextNumberAndClientNumbersAreIgnored() throws SQLException {
        UUID clientId = UUID.randomUUID();
        AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "insert into public.invoices (id, customer_id, number) values (?, ?, null)", clientId, customer));
        UUID second = AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.invoices (customer_id, number) values (?, 4242) returning id", customer));
        Company other = fixtures.company("Other Co");
        UUID otherCompanys = fixtures.insertReturningId(
                "insert into public.invoices (company_id, customer_id) values (?, ?) returning id",
                other.id(), fixtures.customer(other, "Sam Elsewhere"));

        assertThat(numberOf(clientId)).isEqualTo(1);
        assertThat(numberOf(second)).isEqualTo(2);
        assertThat(numberOf(otherCompanys)).isEqualTo(1);
    }

    @Test
    void resentInsertOfTheSameInvoiceTakesNoNewNumber() throws SQLException {
        UUID offlineDraft = UUID.randomUUID();
        String ignoreDuplicates = "insert into public.invoices (id, customer_id, number) values (?, ?, null) on conflict (id) do nothing";
        String mergeDuplicates = """
                insert into public.invoices (id, customer_id, number, notes) values (?, ?, null, 'Gate code 1234')
                on conflict (id) do update set customer_id = excluded.customer_id, number = excluded.number, notes = excluded.notes""";

        for (String resend : List.of(ignoreDuplicates, ignoreDuplicates, mergeDuplicates)) {
            AsUser.run(database, csr.identity(), c -> Sql.update(c, resend, offlineDraft, customer));
        }
        UUID next = draftInvoice();

        assertThat(numberOf(offlineDraft)).isEqualTo(1);
        assertThat(numberOf(next)).isEqualTo(2);
        assertThat((String) Sql.value(database, "select notes from public.invoices where id = ?", offlineDraft))
                .isEqualTo("Gate code 1234");
    }

    @Test
    void numbersStayUniqueAndGapFreeUnderConcurrentInsertsEvenWhenSomeRollBack() throws Exception {
        int writers = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                boolean rollBack = i % 4 == 0;
                numbers.add(pool.submit(() -> insertConcurrently(start, rollBack)));
            }
            start.countDown();
            for (Future<Integer> number : numbers) {
                number.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> committed = new ArrayList<>();
        for (Map<String, Object> row : Sql.rows(database,
                "select number from public.invoices where company_id = ? order by number", company.id())) {
            committed.add((Integer) row.get("number"));
        }
        assertThat(committed).containsExactlyElementsOf(IntStream.rangeClosed(1, writers - writers / 4).boxed().toList());
        assertThat((Integer) Sql.value(database, "select invoice_next_number from public.companies where id = ?", company.id()))
                .isEqualTo(writers - writers / 4 + 1);
    }

    private Integer insertConcurrently(CountDownLatch start, boolean rollBack) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            csr.identity().applyTo(connection);
            if (!start.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
            Integer number = Sql.value(connection, "insert into public.invoices (customer_id) values (?) returning number", customer);
            if (rollBack) {
                connection.rollback();
            } else {
                connection.commit();
            }
            return number;
        }
    }

    @Test
    void paymentsMoveAmountPaidPaymentStatusAndStatus() throws SQLException {
        UUID invoice = issuedInvoiceOf("100.00");

        UUID firstPayment = pay(invoice, "40.00", "cash");
        assertThat(amounts(invoice)).containsEntry("amount_paid", new BigDecimal("40.00"))
                .containsEntry("payment_status", "partial").containsEntry("status", "issued");

        pay(invoice, "60.00", "card");
        assertThat(amounts(invoice)).containsEntry("amount_paid", new BigDecimal("100.00"))
                .containsEntry("payment_status", "paid").containsEntry("status", "paid");

        // Removing a payment (a tombstone) is a manager's call.
        AsUser.run(database, supervisor.identity(), c -> Sql.update(c, "update public.payments set deleted_at = now() where id = ?", firstPayment));
        assertThat(amounts(invoice)).containsEntry("amount_paid", new BigDecimal("60.00"))
                .containsEntry("payment_status", "partial").containsEntry("status", "issued");
    }

    @Test
    void overpaymentIsRefusedWithTheBalanceInTheMessageAndNothingIsWritten() throws SQLException {
        UUID invoice = issuedInvoiceOf("100.00");
        pay(invoice, "70.00", "check");

        SQLException refused = Refusals.of(() -> pay(invoice, "40.00", "cash"));

        assertThat(refused.getSQLState()).isEqualTo("23514");
        assertThat(refused.getMessage()).contains("A payment of 40.00 exceeds the balance due of 30.00 on invoice 1.");
        assertThat(Sql.count(database, "select count(*) from public.payments where invoice_id = ?", invoice)).isOne();
        assertThat(amounts(invoice)).containsEntry("amount_paid", new BigDecimal("70.00"));
    }

    @Test
    void voidInvoiceTakesNoPaymentsAndStaysVoid() throws SQLException {
        UUID invoice = issuedInvoiceOf("80.00");
        AsUser.run(database, csr.identity(), c -> Sql.update(c, "update public.invoices set status = 'void' where id = ?", invoice));

        SQLException payment = Refusals.of(() -> pay(invoice, "10.00", "cash"));
        SQLException reopen = Refusals.of(() -> AsUser.run(database, csr.identity(),
                c -> Sql.update(c, "update public.invoices set status = 'issued' where id = ?", invoice)));

        assertThat(payment.getMessage()).contains("Invoice 1 is void and cannot take payments.");
        assertThat(reopen.getMessage()).contains("A void invoice cannot be reopened.");
    }

    @Test
    void invoicesCannotBeDeletedByStaff() throws SQLException {
        UUID invoice = draftInvoice();

        SQLException refused = Refusals.of(() -> AsUser.run(database, csr.identity(),
                c -> Sql.update(c, "delete from public.invoices where id = ?", invoice)));

        assertThat(refused.getSQLState()).isEqualTo("42501");
    }

    @Test
    void theServerRecordsTheCompanysBrandingWhenTheInvoiceIsIssuedAndKeepsIt() throws SQLException {
        brandCompany("Flow Plumbing LLC", "1 Pipe Street", "#112233", company.id() + "/invoice-logo-aaaa.png", 14);
        UUID invoice = draftInvoice();
        assertThat((Object) Sql.value(database, "select branding from public.invoices where id = ?", invoice))
                .as("a draft has no branding of its own").isNull();

        AsUser.run(database, csr.identity(), c -> Sql.update(c, "update public.invoices set status = 'issued' where id = ?", invoice));
        brandCompany("Flow Plumbing & Heating Inc.", "99 New Road", "#445566", company.id() + "/invoice-logo-bbbb.png", 30);
        AsUser.run(database, csr.identity(), c -> Sql.update(c, "update public.invoices set notes = 'Thanks' where id = ?", invoice));
        AsUser.run(database, csr.identity(), c -> Sql.update(c, "update public.invoices set status = 'void', void_reason = 'Typo' where id = ?", invoice));

        assertThat(Sql.json(Sql.value(database, "select branding from public.invoices where id = ?", invoice))).isEqualTo(Sql.json("""
                {"legal_name": "Flow Plumbing LLC", "address": "1 Pipe Street", "accent_color": "#112233", "footer": "Net 14",
                 "payment_terms_days": 14, "prefix": "FP-", "logo_path": "COMPANY/invoice-logo-aaaa.png"}""".replace("COMPANY", company.id().toString())));
        assertThat(Sql.count(database, "select count(*) from public.invoices where id = ? and due_date = issue_date + 14", invoice))
                .as("the due date follows the terms the invoice was issued under").isOne();
    }

    @Test
    void anInvoiceIssuedAtInsertAndADraftVoidedGetTheBrandingOfThatMoment() throws SQLException {
        brandCompany("Flow Plumbing LLC", "1 Pipe Street", "#112233", null, 30);
        UUID issued = AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.invoices (customer_id, status) values (?, 'issued') returning id", customer));
        UUID voidedDraft = draftInvoice();
        AsUser.run(database, csr.identity(), c -> Sql.update(c, "update public.invoices set status = 'void' where id = ?", voidedDraft));
        brandCompany("Renamed Co", "Elsewhere", "#000000", null, 30);

        for (UUID invoice : List.of(issued, voidedDraft)) {
            assertThat((String) Sql.value(database, "select branding ->> 'legal_name' from public.invoices where id = ?", invoice))
                    .isEqualTo("Flow Plumbing LLC");
        }
    }

    @Test
    void noApiCallerMaySetOrChangeAnInvoicesBranding() throws SQLException {
        UUID issued = issuedInvoiceOf("50.00");
        Object recorded = Sql.value(database, "select branding::text from public.invoices where id = ?", issued);
        String forged = "{\"legal_name\": \"Forged Ltd\"}";

        SQLException onInsert = Refusals.of(() -> AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "insert into public.invoices (customer_id, branding) values (?, ?::jsonb)", customer, forged)));
        SQLException onUpdate = Refusals.of(() -> AsUser.run(database, supervisor.identity(), c -> Sql.update(c,
                "update public.invoices set branding = ?::jsonb where id = ?", forged, issued)));
        SQLException cleared = Refusals.of(() -> AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.invoices set branding = null where id = ?", issued)));

        for (SQLException refused : List.of(onInsert, onUpdate, cleared)) {
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("42501");
            assertThat(refused.getMessage()).contains("recorded by the server when it is issued");
        }
        assertThat((Object) Sql.value(database, "select branding::text from public.invoices where id = ?", issued)).isEqualTo(recorded);
    }

    /** Sets the company's invoice settings as its admin would (straight in the table here). */
    private void brandCompany(String legalName, String address, String accent, String logoPath, int termsDays) throws SQLException {
        Sql.update(database, """
                update public.companies set invoice_legal_name = ?, invoice_address = ?, invoice_accent_color = ?,
                       invoice_footer = ?, payment_terms_days = ?, invoice_prefix = 'FP-', invoice_logo_path = ?
                 where id = ?""", legalName, address, accent, "Net " + termsDays, termsDays, logoPath, company.id());
    }

    private UUID draftInvoice() throws SQLException {
        return AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.invoices (customer_id) values (?) returning id", customer));
    }

    private UUID issuedInvoiceOf(String amount) throws SQLException {
        UUID invoice = draftInvoice();
        AsUser.run(database, csr.identity(), c -> {
            Sql.update(c, "insert into public.invoice_items (invoice_id, description, unit_price) values (?, 'Work', ?)",
                    invoice, new BigDecimal(amount));
            return Sql.update(c, "update public.invoices set status = 'issued' where id = ?", invoice);
        });
        return invoice;
    }

    private UUID pay(UUID invoice, String amount, String method) throws SQLException {
        return AsUser.run(database, csr.identity(), c -> Sql.value(c,
                "insert into public.payments (invoice_id, amount, method) values (?, ?, ?) returning id",
                invoice, new BigDecimal(amount), method));
    }

    private Map<String, Object> amounts(UUID invoice) throws SQLException {
        return rowsAsSuperuser(String.format(Locale.ROOT, """
                select subtotal, discount, tax, total, amount_paid, payment_status, status
                  from public.invoices where id = '%s'""", invoice)).get(0);
    }

    private int numberOf(UUID invoice) throws SQLException {
        Integer number = Sql.value(database, "select number from public.invoices where id = ?", invoice);
        return number;
    }

    private List<Map<String, Object>> rowsAsSuperuser(String sql) throws SQLException {
        return Sql.rows(database, sql);
    }
}
