package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed writes, sent as an admin of the company exactly as a client would, end in an error
 * that names the broken rule and change nothing.
 */
class BadInputTest {

    private static DataSource database;
    private static AppUser admin;
    private static final Map<String, UUID> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void createTwoCompanies() {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
        Company company = fixtures.company("Careful Electric");
        Company other = fixtures.company("Other Electric");
        admin = fixtures.staff(company, "admin");
        UUID customer = fixtures.customer(company, "Quinn Valid");
        UUID secondCustomer = fixtures.customer(company, "Second Customer");
        UUID otherCustomer = fixtures.customer(other, "Somebody Else");
        UUID workOrder = fixtures.insertReturningId(
                "insert into public.work_orders (company_id, title, customer_id) values (?, 'Rewire', ?) returning id",
                company.id(), customer);
        IDS.put("customer", customer);
        IDS.put("otherCustomer", otherCustomer);
        IDS.put("secondCustomersAddress", fixtures.address(company, secondCustomer, "2 Side St", "30301"));
        IDS.put("workOrder", workOrder);
        IDS.put("otherWorkOrder", fixtures.job(other));
        UUID invoice = fixtures.insertReturningId(
                "insert into public.invoices (company_id, customer_id) values (?, ?) returning id", company.id(), customer);
        // A balance due, so that a payment's only fault is the one each case names.
        fixtures.insertReturningId("insert into public.invoice_items (company_id, invoice_id, description, unit_price)"
                + " values (?, ?, 'Panel upgrade', 100) returning id", company.id(), invoice);
        IDS.put("invoice", invoice);
        IDS.put("thread", fixtures.insertReturningId("""
                insert into public.customer_threads (company_id, work_order_id, customer_id, subject)
                values (?, ?, ?, 'Visit') returning id""", company.id(), workOrder, customer));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            over-long customer name     | customers          | insert into public.customers (full_name) values (repeat('x', 201))                                                | customer_full_name_required
            blank customer name         | customers          | insert into public.customers (full_name) values ('   ')                                                           | customer_full_name_required
            over-long message body      | customer_messages  | insert into public.customer_messages (customer_thread_id, body) values ('{thread}', repeat('x', 4001))           | customer_message_body_required
            negative quantity           | invoice_items      | insert into public.invoice_items (invoice_id, description, quantity, unit_price) values ('{invoice}', 'Wire', -1, 5) | invoice_item_quantity_positive
            negative unit price         | invoice_items      | insert into public.invoice_items (invoice_id, description, quantity, unit_price) values ('{invoice}', 'Wire', 1, -5) | invoice_item_unit_price_not_negative
            negative payment            | payments           | insert into public.payments (invoice_id, amount, method) values ('{invoice}', -10, 'cash')                        | payment_amount_positive
            unknown payment method      | payments           | insert into public.payments (invoice_id, amount, method) values ('{invoice}', 10, 'bitcoin')                      | payment_method_is_valid
            negative discount           | invoices           | insert into public.invoices (customer_id, discount) values ('{customer}', -1)                                    | invoice_discount_not_negative
            unknown invoice status      | invoices           | insert into public.invoices (customer_id, status) values ('{customer}', 'lost')                                   | invoice_status_is_valid
            unknown job status          | work_orders        | insert into public.work_orders (title, customer_id, status) values ('Odd', '{customer}', 'teleported')           | work_order_status_is_valid
            unknown priority            | work_orders        | insert into public.work_orders (title, customer_id, priority) values ('Odd', '{customer}', 'urgent!!')           | work_order_priority_is_valid
            window ending before start  | work_orders        | insert into public.work_orders (title, customer_id, scheduled_start, scheduled_end) values ('Odd', '{customer}', now(), now() - interval '1 hour') | work_order_window_ends_after_start
            scheduled without window    | work_orders        | insert into public.work_orders (title, customer_id, status) values ('Odd', '{customer}', 'scheduled')            | work_order_scheduled_job_needs_window
            customer of another company | work_orders        | insert into public.work_orders (title, customer_id) values ('Odd', '{otherCustomer}')                           | work_order_customer_in_same_company
            address of another customer | work_orders        | insert into public.work_orders (title, customer_id, customer_address_id) values ('Odd', '{customer}', '{secondCustomersAddress}') | work_order_address_of_its_customer
            job of another company      | invoices           | insert into public.invoices (customer_id, work_order_id) values ('{customer}', '{otherWorkOrder}')               | invoice_work_order_in_same_company
            thread about another job    | customer_threads   | insert into public.customer_threads (work_order_id, customer_id, subject) values ('{otherWorkOrder}', '{customer}', 'Hi') | customer_thread_work_order_in_same_company
            accent colour not hex       | companies          | update public.companies set invoice_accent_color = 'blue'                                                          | company_invoice_accent_color_is_hex
            one bad row in a batch      | customers          | insert into public.customers (full_name) values ('Fine Person'), (repeat('y', 500))                              | customer_full_name_required
            """)
    void badInputFailsWithANamedRuleAndWritesNothing(String caseName, String table, String sqlTemplate, String rule)
            throws SQLException {
        String sql = withIds(sqlTemplate);
        String before = tableFingerprint(table);

        SQLException refused = Refusals.of(() -> AsUser.run(database, admin.identity(), c -> Sql.update(c, sql)));

        assertThat(refused.getSQLState()).as(refused.getMessage()).isIn("23514", "23503");
        assertThat(refused.getMessage()).contains(rule);
        assertThat(tableFingerprint(table)).as("nothing written to " + table).isEqualTo(before);
    }

    private static String withIds(String template) {
        String sql = template;
        for (Map.Entry<String, UUID> id : IDS.entrySet()) {
            sql = sql.replace("{" + id.getKey() + "}", id.getValue().toString());
        }
        return sql;
    }

    private static String tableFingerprint(String table) throws SQLException {
        return Sql.value(database, "select count(*) || ':' || coalesce(md5(string_agg(t::text, ',' order by t.id)), '')"
                + " from public." + table + " t");
    }
}
