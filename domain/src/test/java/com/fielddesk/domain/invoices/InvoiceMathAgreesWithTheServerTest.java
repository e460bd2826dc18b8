package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's invoice math against the database's own trigger: each case is inserted into the
 * real schema (embedded PostgreSQL, the real migrations) and every number the server stores must
 * equal what {@link InvoiceMath} computed — to the cent, on the classic one-cent cases.
 */
class InvoiceMathAgreesWithTheServerTest {

    private static TenantFixtures fixtures;
    private static Company company;
    private static UUID customer;

    @BeforeAll
    static void company() {
        fixtures = TenantFixtures.onNewDatabase();
        company = fixtures.company("Rounding Heating & Air");
        customer = fixtures.customer(company, "Penny Cents");
    }

    /**
     * @param items "quantity×price" separated by spaces
     */
    @ParameterizedTest(name = "{0} | discount {1} | tax {2}% | paid {3}")
    @CsvSource({
            // half a cent on one line: 0.005 rounds up (away from zero), per line
            "1×0.005,                  0,     0,      0",
            "3×0.335,                  0,     0,      0",
            // the sum of rounded lines is not the rounded sum of lines
            "1×0.333 1×0.333 1×0.333,  0,     0,      0",
            "3×0.333,                  0,     0,      0",
            "0.5×0.01 0.5×0.01,        0,     0,      0",
            // binary floating point gets these wrong: 1.15 × 100, 0.1 + 0.2, 1.005
            "100×1.15,                 0,     0,      0",
            "1×0.1 1×0.2,              0,     0,      0",
            "1×1.005,                  0,     0,      0",
            // quantities keep 3 decimals: 2.0005 is stored as 2.001
            "2.0005×9.99,              0,     0,      0",
            "0.333×3.00,               0,     0,      0",
            // tax on a discounted subtotal, rounded once
            "1×100.00,                 10.00, 8.875,  0",
            "1×19.99 2×4.35,           1.01,  7.25,   0",
            "1×0.10,                   0,     5,      0",
            "1×0.30,                   0,     5,      0",
            "7×14.29,                  0.03,  6.5,    0",
            "1×33.33,                  0,     33.333, 0",
            // a tax rate with more than 3 decimals is kept to 3
            "1×1000.00,                0,     8.8755, 0",
            // paid in part, and in full
            "2×49.95,                  0,     10,     50.00",
            "1×10.00,                  0,     8.25,   10.83",
            "12.5×80.00,               100.00, 9.5,   0"
    })
    void computesWhatTheServerStores(String items, String discount, String taxRate, String paid) throws SQLException {
        List<InvoiceMath.Line> lines = new ArrayList<>();
        for (String item : items.strip().split("\\s+")) {
            String[] parts = item.split("×");
            lines.add(new InvoiceMath.Line(new BigDecimal(parts[0]), Money.of(parts[1], "USD")));
        }
        InvoiceMath.Totals expected = InvoiceMath.compute(Money.USD, lines, Money.of(discount, "USD"),
                new BigDecimal(taxRate), Money.of(paid, "USD"));

        UUID invoice = fixtures.insertReturningId("""
                insert into public.invoices (company_id, customer_id, tax_rate) values (?, ?, ?) returning id""",
                company.id(), customer, new BigDecimal(taxRate));
        List<String> lineTexts = Arrays.asList(items.strip().split("\\s+"));
        for (int i = 0; i < lineTexts.size(); i++) {
            String[] parts = lineTexts.get(i).split("×");
            fixtures.insertReturningId("""
                    insert into public.invoice_items (company_id, invoice_id, position, description, quantity, unit_price)
                    values (?, ?, ?, 'Line', ?, ?) returning id""",
                    company.id(), invoice, i, new BigDecimal(parts[0]), new BigDecimal(parts[1]));
        }
        execute("update public.invoices set discount = ?, status = 'issued' where id = ?", new BigDecimal(discount), invoice);
        if (new BigDecimal(paid).signum() > 0) {
            fixtures.insertReturningId("""
                    insert into public.payments (company_id, invoice_id, amount, method) values (?, ?, ?, 'cash') returning id""",
                    company.id(), invoice, new BigDecimal(paid));
        }

        try (Connection connection = fixtures.superuser().getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select subtotal, discount, tax_rate, tax, total, amount_paid, payment_status
                       from public.invoices where id = ?""")) {
            query.setObject(1, invoice);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBigDecimal("subtotal")).isEqualTo(expected.subtotal().amount());
                assertThat(row.getBigDecimal("discount")).isEqualTo(expected.discount().amount());
                assertThat(row.getBigDecimal("tax_rate")).isEqualTo(expected.taxRate());
                assertThat(row.getBigDecimal("tax")).isEqualTo(expected.tax().amount());
                assertThat(row.getBigDecimal("total")).isEqualTo(expected.total().amount());
                assertThat(row.getBigDecimal("amount_paid")).isEqualTo(expected.amountPaid().amount());
                assertThat(row.getString("payment_status")).isEqualTo(expected.paymentStatus().code());
            }
        }
        try (Connection connection = fixtures.superuser().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select line_total from public.invoice_items where invoice_id = ? order by position")) {
            query.setObject(1, invoice);
            try (ResultSet rows = query.executeQuery()) {
                for (InvoiceMath.Line line : lines) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getBigDecimal(1)).isEqualTo(line.lineTotal().amount());
                }
            }
        }
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = fixtures.superuser().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
