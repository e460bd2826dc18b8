package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Crew;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write naming another company is refused before any trigger touches that company's locks: its
 * numbering (chain lock and counter row) for work orders and invoices, its chain and the invoice
 * row for payments. Shown while company B's writer holds all of those in an open transaction: each
 * forgery by company A must be refused at once, not queue for B's locks. (A forgery that queued
 * would, once granted, also hold up every B writer queued behind it. PostgreSQL releases an aborted
 * transaction's locks at the error, so what a forgery took does not outlive its statement; waiting
 * on B's locks is what it could do, and what this rules out.)
 */
class ForeignCompanyWritesTest {

    /** Far above a refusal's few milliseconds, even on a loaded machine; a forgery queued on B's locks never finishes. */
    private static final long DEADLINE_SECONDS = 15;

    private static TenantFixtures fixtures;
    private static DataSource database;
    private static AppUser forgerOfA;
    private static AppUser writerOfB;
    private static Crew b;
    private static UUID invoiceOfB;
    private static final ExecutorService FORGER = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createTwoCompanies() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
        forgerOfA = fixtures.crew("Forger Heating", "A's Customer", "csr").member("csr");
        b = fixtures.crew("Busy Plumbing", "B's Customer", "csr");
        writerOfB = b.member("csr");
        invoiceOfB = fixtures.insertReturningId("""
                insert into public.invoices (company_id, customer_id, status) values (?, ?, 'issued') returning id""",
                b.company().id(), b.customer());
        fixtures.insertReturningId("""
                insert into public.invoice_items (company_id, invoice_id, description, quantity, unit_price)
                values (?, ?, 'Service call', 1, 1000) returning id""", b.company().id(), invoiceOfB);
    }

    @AfterAll
    static void stopForger() {
        FORGER.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a work order of B's          | 42501 | insert into public.work_orders (company_id, title, customer_id) values (:b, 'Forged', :customer_of_b)
            an invoice of B's            | 42501 | insert into public.invoices (company_id, customer_id) values (:b, :customer_of_b)
            a payment of B's             | 42501 | insert into public.payments (company_id, invoice_id, amount, method) values (:b, :invoice_of_b, 1, 'cash')
            a payment on B's invoice     | 23503 | insert into public.payments (invoice_id, amount, method) values (:invoice_of_b, 1, 'cash')
            """)
    void aForgeryIsRefusedAtOnceWhileCompanyBsWriterHoldsItsLocks(String forged, String refusedWith, String forgery)
            throws Exception {
        try (Connection writer = database.getConnection()) {
            writer.setAutoCommit(false);
            writerOfB.identity().applyTo(writer);
            // B's chain lock and counter row (numbering), and the invoice row (a payment), held until commit.
            execute(writer, "insert into public.work_orders (title, customer_id) values ('Real job', :customer_of_b)");
            execute(writer, "insert into public.invoices (customer_id) values (:customer_of_b)");
            execute(writer, "insert into public.payments (invoice_id, amount, method) values (:invoice_of_b, 1, 'card')");

            Future<SQLException> forgeryOfA = FORGER.submit(() -> Refusals.of(() -> writeAs(forgerOfA, forgery)));
            SQLException refused;
            try {
                refused = forgeryOfA.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException queued) {
                writer.rollback();   // let the forger finish before failing
                forgeryOfA.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("Company A's forgery of " + forged + " waited for company B's locks");
            }
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo(refusedWith);
            writer.commit();
        }
    }

    private static void writeAs(AppUser user, String sql) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            user.identity().applyTo(connection);
            execute(connection, sql);
            connection.commit();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        String bound = sql.replace(":customer_of_b", "'" + b.customer() + "'")
                .replace(":invoice_of_b", "'" + invoiceOfB + "'")
                .replace(":b", "'" + b.company().id() + "'");
        try (PreparedStatement statement = connection.prepareStatement(bound)) {
            statement.executeUpdate();
        }
    }
}
