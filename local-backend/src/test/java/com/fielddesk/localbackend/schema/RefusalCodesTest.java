package com.fielddesk.localbackend.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.Crew;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal our SQL raises carries its code and facts (supabase/README.md, "Refusal codes"): the
 * SQLSTATE is the one the HTTP status maps from, the message an English sentence, the DETAIL the
 * JSON object {"code", ...facts}. Each case is raised by a user over JDBC (as PostgREST would run
 * the statement) and, where the sync can reach it, through apply_mutations, whose rejected answer
 * carries the same object as "details".
 */
class RefusalCodesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    private static DataSource database;
    private static TenantFixtures fixtures;
    private final Map<String, Object> ids = new HashMap<>();
    private Crew crew;

    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    /** A company of its own per case, with a row in every state the cases start from. */
    @BeforeEach
    void createCompanyWithRowsInEveryState() throws SQLException {
        Company company = fixtures.company("Refusal Co", LeadPreferences.serving("hvac", "60601"));
        crew = new Crew(company, Map.of("csr", fixtures.staff(company, "csr"), "dispatcher", fixtures.staff(company, "dispatcher"),
                "technician", fixtures.staff(company, "technician")), fixtures.customer(company, "Refusal Customer"));
        AppUser csr = crew.member("csr");
        ids.put("customer", crew.customer());
        ids.put("csr_id", csr.id());
        ids.put("other_company", fixtures.company("Someone Else").id());
        ids.put("random", UUID.randomUUID());
        ids.put("job", owned("insert into public.work_orders (company_id, title, customer_id) values (?, 'Job', ?) returning id"));
        ids.put("canceled_job", owned("""
                insert into public.work_orders (company_id, title, customer_id, status) values (?, 'Job', ?, 'canceled')
                returning id"""));
        ids.put("quote", owned("""
                insert into public.work_orders (company_id, stage, title, customer_id) values (?, 'quote', 'Quote', ?)
                returning id"""));
        ids.put("invoice", invoice("issued", "100.00", null));
        ids.put("paid_invoice", invoice("issued", "100.00", "100.00"));
        ids.put("void_invoice", invoice("void", "100.00", null));
        UUID lead = fixtures.openLead("hvac", "60601");
        AsUser.run(database, csr.identity(), c -> Sql.value(c, "select public.claim_service_request(?)", lead));
        ids.put("claimed_request", lead);
        for (String invoice : List.of("invoice", "paid_invoice", "void_invoice")) {
            ids.put(invoice + "_number", Sql.value(database, "select number from public.invoices where id = ?", ids.get(invoice)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            transition_refused: job           | dispatcher | update public.work_orders set status = 'completed' where id = '{job}'          | update work_orders {job} {"status":"completed"}                 | 23514 | {"code":"transition_refused","table":"work_orders","field":"status","from":"unscheduled","to":"completed","reopen_required":false}
            transition_refused: reopen        | dispatcher | update public.work_orders set status = 'unscheduled' where id = '{canceled_job}' | update work_orders {canceled_job} {"status":"unscheduled"}      | 23514 | {"code":"transition_refused","table":"work_orders","field":"status","from":"canceled","to":"unscheduled","reopen_required":true}
            transition_refused: quote         | dispatcher | update public.work_orders set quote_status = 'accepted' where id = '{quote}'   | update work_orders {quote} {"quote_status":"accepted"}          | 23514 | {"code":"transition_refused","table":"work_orders","field":"quote_status","from":"draft","to":"accepted","reopen_required":false}
            transition_refused: request       | csr        | update public.service_requests set status = 'open' where id = '{claimed_request}' | update service_requests {claimed_request} {"status":"open"} | 23514 | {"code":"transition_refused","table":"service_requests","field":"status","from":"claimed","to":"open","reopen_required":false}
            job_cannot_become_quote           | dispatcher | update public.work_orders set stage = 'quote', quote_status = 'draft' where id = '{job}' | update work_orders {job} {"stage":"quote","quote_status":"draft"} | 23514 | {"code":"job_cannot_become_quote"}
            quote_not_accepted                | dispatcher | update public.work_orders set stage = 'job' where id = '{quote}'              | update work_orders {quote} {"stage":"job"}                      | 23514 | {"code":"quote_not_accepted","quote_status":"draft"}
            technician_not_assignable         | dispatcher | update public.work_orders set technician_id = '{csr_id}' where id = '{job}'  | update work_orders {job} {"technician_id":"{csr_id}"}           | 23514 | {"code":"technician_not_assignable","technician_id":"{csr_id}"}
            id_immutable                      | csr        | update public.customers set id = gen_random_uuid() where id = '{customer}'    | -                                                               | 23514 | {"code":"id_immutable","table":"customers"}
            company_immutable                 | csr        | update public.customers set company_id = '{other_company}' where id = '{customer}' | update customers {customer} {"company_id":"{other_company}"} | 23514 | {"code":"company_immutable","table":"customers"}
            admin_only                        | csr        | update public.profiles set role = 'admin' where id = '{csr_id}'               | update profiles {csr_id} {"role":"admin"}                       | 42501 | {"code":"admin_only","field":"role"}
            invoice_void_final                | csr        | update public.invoices set status = 'issued' where id = '{void_invoice}'      | update invoices {void_invoice} {"status":"issued"}              | 23514 | {"code":"invoice_void_final"}
            invoice_issued_not_draft          | csr        | update public.invoices set status = 'draft' where id = '{invoice}'            | update invoices {invoice} {"status":"draft"}                    | 23514 | {"code":"invoice_issued_not_draft"}
            invoice_branding_kept             | csr        | update public.invoices set branding = '{}' where id = '{invoice}'              | update invoices {invoice} {"branding":{}}                       | 42501 | {"code":"invoice_branding_kept"}
            overpayment: a payment            | csr        | insert into public.payments (invoice_id, amount, method) values ('{invoice}', 150, 'cash') | insert payments {random} {"invoice_id":"{invoice}","amount":150,"method":"cash"} | 23514 | {"code":"overpayment","invoice_number":{invoice_number},"amount":"150.00","balance_due":"100.00"}
            overpayment: a lower total        | csr        | update public.invoices set discount = 60 where id = '{paid_invoice}'          | update invoices {paid_invoice} {"discount":60}                  | 23514 | {"code":"overpayment","invoice_number":{paid_invoice_number},"amount":"100.00","balance_due":"40.00"}
            invoice_void_no_payments          | csr        | insert into public.payments (invoice_id, amount, method) values ('{void_invoice}', 10, 'cash') | insert payments {random} {"invoice_id":"{void_invoice}","amount":10,"method":"cash"} | 23514 | {"code":"invoice_void_no_payments","invoice_number":{void_invoice_number}}
            not_allowed: another company      | csr        | insert into public.customers (company_id, full_name) values ('{other_company}', 'Forged') | insert customers {random} {"company_id":"{other_company}","full_name":"Forged"} | 42501 | {"code":"not_allowed","table":"customers"}
            row_not_found: not the assignee   | technician | -                                                                             | update work_orders {job} {"title":"Mine now"}                   | P0002 | {"code":"row_not_found","table":"work_orders","id":"{job}"}
            delete_not_allowed                | csr        | update public.customers set deleted_at = now() where id = '{customer}'        | delete customers {customer} {}                                  | 42501 | {"code":"delete_not_allowed","table":"customers"}
            row_not_found: update             | csr        | -                                                                             | update customers {random} {"notes":"Anyone?"}                   | P0002 | {"code":"row_not_found","table":"customers","id":"{random}"}
            row_not_found: delete             | csr        | -                                                                             | delete customers {random} {}                                    | P0002 | {"code":"row_not_found","table":"customers","id":"{random}"}
            table_not_syncable                | csr        | -                                                                             | update audit_log {random} {}                                    | 42501 | {"code":"table_not_syncable","table":"audit_log"}
            columns_not_writable              | csr        | -                                                                             | update customers {customer} {"version":9,"bogus":1,"notes":"ok"} | 42703 | {"code":"columns_not_writable","table":"customers","columns":["bogus","version"]}
            """)
    void aRefusalCarriesItsCodeAndFactsOverJdbcAndThroughApplyMutations(String name, String role, String sql,
                                                                        String mutation, String sqlState, String detail)
            throws SQLException {
        RequestIdentity user = crew.member(role).identity();
        JsonNode expected = Sql.json(fill(detail));

        if (sql != null) {
            SQLException refused = Refusals.of(() -> AsUser.run(database, user, c -> Sql.update(c, fill(sql))));
            assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo(sqlState);
            assertThat(detailOf(refused)).isEqualTo(expected);
            assertThat(((PSQLException) refused).getServerErrorMessage().getMessage()).as("an English sentence").endsWith(".");
        }
        if (mutation != null) {
            JsonNode answer = applyMutation(user, mutation);
            assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("rejected");
            assertThat(answer.path("code").asText()).isEqualTo(sqlState);
            assertThat(answer.path("details")).isEqualTo(expected);
        }
    }

    @Test
    void notStaffWhenSomeoneWithoutAStaffProfileSyncs() throws SQLException {
        AppUser portalCustomer = fixtures.portalCustomer(crew.company(), crew.customer());

        JsonNode answer = applyMutation(portalCustomer.identity(), fill("update customers {customer} {\"notes\":\"Me\"}"));

        assertThat(answer.path("status").asText()).isEqualTo("rejected");
        assertThat(answer.path("code").asText()).isEqualTo("42501");
        assertThat(answer.path("details")).isEqualTo(Sql.json("{\"code\":\"not_staff\"}"));
    }

    @Test
    void malformedMutationRefusesTheWholeCall() {
        for (String call : List.of("{}", "[{\"table\":1}]")) {
            SQLException refused = Refusals.of(() -> AsUser.run(database, crew.member("csr").identity(),
                    c -> Sql.value(c, "select public.apply_mutations(?::jsonb)", call)));

            assertThat(refused.getSQLState()).isEqualTo("22023");
            assertThat(detailOf(refused)).isEqualTo(Sql.json("{\"code\":\"malformed_mutation\"}"));
        }
    }

    @Test
    void onlyRejectedAnswersCarryDetailsAndBothPathsAnswerOtherMutationsAlike() throws SQLException {
        String batch = "[{\"mutation_id\":\"" + UUID.randomUUID() + "\",\"table\":\"customers\",\"row_id\":\""
                + crew.customer() + "\",\"operation\":\"update\",\"changes\":{\"notes\":\"Fine\"},\"base_version\":1},"
                + "{\"mutation_id\":\"" + UUID.randomUUID() + "\",\"table\":\"work_orders\",\"row_id\":\""
                + ids.get("job") + "\",\"operation\":\"update\",\"changes\":{\"title\":\"Late\"},\"base_version\":7}]";

        for (String path : List.of("sync_internal.apply_mutations_set_based", "sync_internal.apply_mutations_one_by_one")) {
            JsonNode answers = Sql.json(runAndRollBack(crew.member("csr").identity(),
                    "select " + path + "(?::jsonb)::text", batch));

            assertThat(answers).as(path).extracting(answer -> answer.path("status").asText())
                    .containsExactly("applied", "conflict");
            assertThat(answers).as(path).noneMatch(answer -> answer.has("details"));
        }
    }

    private static String runAndRollBack(RequestIdentity user, String sql, String argument) throws SQLException {
        try (java.sql.Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                user.applyTo(connection);
                return Sql.value(connection, sql, argument);
            } finally {
                connection.rollback();
            }
        }
    }

    /** Lead RPC errors (PostgREST's way, SQLSTATE PGRST) keep their code and carry facts in "details". */
    @Test
    void leadErrorsCarryTheirFactsInDetails() throws SQLException {
        AppUser csr = crew.member("csr");
        Company rival = fixtures.company("Rival HVAC", LeadPreferences.serving("hvac", "60601"));
        AppUser rivalCsr = fixtures.staff(rival, "csr");
        AppUser colleague = fixtures.staff(crew.company(), "dispatcher");
        UUID expired = fixtures.openLead("hvac", "60601");
        Sql.update(database, "update public.service_requests set status = 'expired' where id = ?", expired);
        UUID outOfArea = fixtures.openLead("hvac", "99999");
        UUID claimed = (UUID) ids.get("claimed_request");

        assertThat(leadError(rivalCsr, claimed)).isEqualTo(new LeadError("already_claimed", "{\"claimed_by_your_company\":false}"));
        assertThat(leadError(colleague, claimed)).isEqualTo(new LeadError("already_claimed", "{\"claimed_by_your_company\":true}"));
        assertThat(leadError(csr, expired)).isEqualTo(new LeadError("lead_not_found", "{\"status\":\"expired\"}"));
        assertThat(leadError(csr, outOfArea)).isEqualTo(new LeadError("not_eligible", "{\"reason\":\"outside_service_area\"}"));
        assertThat(leadError(crew.member("technician"), outOfArea))
                .isEqualTo(new LeadError("not_eligible", "{\"reason\":\"not_office_staff\"}"));
    }

    private record LeadError(String code, String details) {
    }

    private LeadError leadError(AppUser user, UUID lead) {
        SQLException refused = Refusals.of(() -> AsUser.run(database, user.identity(),
                c -> Sql.value(c, "select public.claim_service_request(?)", lead)));
        JsonNode body = Sql.json(((PSQLException) refused).getServerErrorMessage().getMessage());
        return new LeadError(body.path("code").asText(), Sql.json(body.path("details").asText()).toString());
    }

    private JsonNode applyMutation(RequestIdentity user, String spec) throws SQLException {
        String[] parts = fill(spec).split("\\s+", 4);
        String mutation = "[{\"mutation_id\":\"" + UUID.randomUUID() + "\",\"table\":\"" + parts[1] + "\",\"row_id\":\""
                + parts[2] + "\",\"operation\":\"" + parts[0] + "\",\"changes\":" + parts[3] + "}]";
        String answers = AsUser.run(database, user, c -> Sql.value(c, "select public.apply_mutations(?::jsonb)::text", mutation));
        return Sql.json(answers).get(0);
    }

    private static JsonNode detailOf(SQLException refused) {
        return Sql.json(((PSQLException) refused).getServerErrorMessage().getDetail());
    }

    private String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            Object value = ids.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No " + placeholder.group(1) + " in this case's rows");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(value)));
        }
        return placeholder.appendTail(filled).toString();
    }

    private UUID owned(String sql) {
        return fixtures.insertReturningId(sql, crew.company().id(), crew.customer());
    }

    /** An invoice of the given status with one item of {@code total} and, if given, a payment. */
    private UUID invoice(String status, String total, String paid) throws SQLException {
        UUID invoice = owned("insert into public.invoices (company_id, customer_id) values (?, ?) returning id");
        fixtures.insertReturningId("""
                insert into public.invoice_items (company_id, invoice_id, description, unit_price)
                values (?, ?, 'Work', ?::numeric) returning id""", crew.company().id(), invoice, total);
        Sql.update(database, "update public.invoices set status = 'issued' where id = ?", invoice);
        if (paid != null) {
            fixtures.insertReturningId("""
                    insert into public.payments (company_id, invoice_id, amount, method) values (?, ?, ?::numeric, 'cash')
                    returning id""", crew.company().id(), invoice, paid);
        }
        if (!status.equals("issued")) {
            Sql.update(database, "update public.invoices set status = ? where id = ?", status, invoice);
        }
        return invoice;
    }
}
