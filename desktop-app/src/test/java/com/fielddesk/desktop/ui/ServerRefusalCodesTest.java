package com.fielddesk.desktop.ui;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal codes the server raises (supabase/README.md, "Refusal codes") decide the sentence,
 * whatever the English message says: each case sends a message that matches none of the wording
 * rules ("(message for the log)"), so only the code can produce the sentence.
 */
class ServerRefusalCodesTest {

    private static final String LOG_TEXT = "(message for the log)";

    static Stream<Arguments> sqlRefusals() {
        return Stream.of(
                Arguments.of("23514", """
                        {"code":"transition_refused","table":"work_orders","field":"status","from":"completed","to":"scheduled","reopen_required":true}""",
                        "The job's status cannot go from Completed back to Scheduled. A supervisor must reopen the job first."),
                Arguments.of("23514", """
                        {"code":"transition_refused","table":"work_orders","field":"status","from":"scheduled","to":"on_site","reopen_required":false}""",
                        "The job's status cannot go from Scheduled to On site."),
                Arguments.of("23514", """
                        {"code":"transition_refused","table":"work_orders","field":"quote_status","from":"accepted","to":"draft","reopen_required":false}""",
                        "The quote's status cannot go from Accepted back to Draft."),
                Arguments.of("23514", """
                        {"code":"transition_refused","table":"service_requests","field":"status","from":"claimed","to":"open","reopen_required":false}""",
                        "The lead's status cannot go from Claimed back to Open."),
                Arguments.of("23514", """
                        {"code":"transition_refused","table":"work_orders","field":"stage","from":"quote","to":"invoice","reopen_required":false}""",
                        "A quote cannot become an invoice."),
                Arguments.of("23514", "{\"code\":\"job_cannot_become_quote\"}", "A job cannot be turned back into a quote."),
                Arguments.of("23514", "{\"code\":\"quote_not_accepted\",\"quote_status\":\"sent\"}",
                        "Only an accepted quote can become a job (this one is Sent)."),
                Arguments.of("23514", "{\"code\":\"technician_not_assignable\",\"technician_id\":\"7f1c0000-0000-0000-0000-000000000001\"}",
                        "Work can only be assigned to an active technician of your company."),
                Arguments.of("23514", "{\"code\":\"id_immutable\",\"table\":\"customer_addresses\"}",
                        "The id of an address cannot change."),
                Arguments.of("23514", "{\"code\":\"company_immutable\",\"table\":\"work_orders\"}",
                        "This job cannot be moved to another company."),
                Arguments.of("42501", "{\"code\":\"admin_only\",\"field\":\"role\"}",
                        "Only an admin can change a person's role."),
                Arguments.of("42501", "{\"code\":\"admin_only\",\"field\":[\"role\",\"active\"]}",
                        "Only an admin can change a person's role or active flag."),
                Arguments.of("23514", "{\"code\":\"invoice_void_final\"}", "A void invoice is final: it cannot be changed or reopened."),
                Arguments.of("42501", "{\"code\":\"invoice_branding_kept\"}", "An issued invoice keeps the branding it was "
                        + "issued with; a new logo or address applies to invoices issued from now on."),
                Arguments.of("23514", "{\"code\":\"invoice_issued_not_draft\"}",
                        "An issued invoice cannot go back to draft; void it instead."),
                Arguments.of("23514", "{\"code\":\"overpayment\",\"invoice_number\":\"INV-0042\",\"amount\":\"150.00\",\"balance_due\":\"99.50\"}",
                        "A payment of 150.00 is more than the 99.50 still due on invoice INV-0042."),
                Arguments.of("23514", "{\"code\":\"overpayment\",\"invoice_number\":null,\"amount\":\"10.00\",\"balance_due\":\"0.00\"}",
                        "A payment of 10.00 is more than the 0.00 still due on this invoice."),
                Arguments.of("23514", "{\"code\":\"invoice_void_no_payments\",\"invoice_number\":\"INV-0007\"}",
                        "Invoice INV-0007 is void and cannot take payments."),
                Arguments.of("42501", "{\"code\":\"not_staff\"}",
                        "Only active staff of a company can do this. Ask your admin to check your account."),
                Arguments.of("42501", "{\"code\":\"table_not_syncable\",\"table\":\"audit_log\"}",
                        "Changes to this kind of record (audit log) cannot be sent from the console."),
                Arguments.of("42501", "{\"code\":\"columns_not_writable\",\"table\":\"work_orders\",\"columns\":[\"company_id\"]}",
                        "This change includes a field that cannot be edited: company id."),
                Arguments.of("42501", "{\"code\":\"columns_not_writable\",\"table\":\"work_orders\",\"columns\":[\"number\",\"sync_xid\"]}",
                        "This change includes fields that cannot be edited: number, sync xid."),
                Arguments.of("P0002", "{\"code\":\"row_not_found\",\"table\":\"companies\",\"id\":\"7f1c0000-0000-0000-0000-000000000002\"}",
                        "This record was deleted on the server, or you are not allowed to change it."),
                Arguments.of("42501", "{\"code\":\"not_allowed\",\"table\":\"customers\"}",
                        "You are not allowed to change this record."),
                Arguments.of("22023", "{\"code\":\"malformed_mutation\"}",
                        "The server could not read a change this console sent. Update FieldDesk; if that does not help, tell support."),
                Arguments.of("42501", "{\"code\":\"delete_not_allowed\",\"table\":\"invoices\"}",
                        "You are not allowed to delete an invoice."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sqlRefusals")
    void aCodedSqlRefusalReadsAsItsSentenceWhateverTheMessageSays(String sqlstate, String detail, String sentence) {
        ServerRefusal refusal = ServerRefusal.of(sqlstate, LOG_TEXT, detail);
        assertThat(refusal.sentence()).isEqualTo(sentence);
        assertThat(refusal.details()).as("what the server said stays for the log and Details")
                .startsWith(sqlstate + ": " + LOG_TEXT).contains(detail.strip());
    }

    static Stream<Arguments> rpcRefusals() {
        return Stream.of(
                Arguments.of("already_claimed", null, "This lead was already claimed by another company."),
                Arguments.of("already_claimed", "{\"by_colleague\":true}", "A colleague at your company already claimed this lead."),
                Arguments.of("not_eligible", null,
                        "Your company does not serve this lead's trade and area, or has not opted in to leads."),
                Arguments.of("lead_not_found", null, "This lead is no longer available (expired or withdrawn by the customer)."),
                Arguments.of("invalid_decline_reason", null, "Choose one of the listed reasons for declining."),
                Arguments.of("not_staff", null, "Only active staff of a company can do this. Ask your admin to check your account."),
                Arguments.of("not_authorized", null, "You are not allowed to change this record."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rpcRefusals")
    void anRpcErrorCodeReadsAsItsSentence(String code, String details, String sentence) {
        assertThat(ServerRefusal.of(code, LOG_TEXT, details).sentence()).isEqualTo(sentence);
    }

    @Test
    void aLeadAColleagueClaimedSaysSoWithOrWithoutTheFact() {
        assertThat(ServerRefusal.of("already_claimed", "A colleague at your company already claimed this lead.", null)
                .sentence()).isEqualTo("A colleague at your company already claimed this lead.");
        assertThat(ServerRefusal.of("already_claimed", "This lead was already claimed by another company.", null)
                .sentence()).isEqualTo("This lead was already claimed by another company.");
    }

    @Test
    void aCodeInTheDetailsWinsOverTheWordingOfTheMessage() {
        // The message says one thing, the code another: the code decides.
        ServerRefusal refusal = ServerRefusal.of("23514", "Cannot move a job from completed to scheduled; a supervisor must reopen it.",
                "{\"code\":\"job_cannot_become_quote\"}");
        assertThat(refusal.sentence()).isEqualTo("A job cannot be turned back into a quote.");
    }

    @Test
    void withoutACodeTheWordingStillDecides() {
        assertThat(ServerRefusal.of("23514", "Cannot move a job from completed to scheduled; a supervisor must reopen it.")
                .sentence()).isEqualTo("The job's status cannot go from Completed back to Scheduled. "
                + "A supervisor must reopen the job first.");
        assertThat(ServerRefusal.of("23514", "new row for relation \"work_orders\" violates check constraint "
                + "\"work_order_title_required\"", "Failing row contains (…).").sentence())
                .as("free-text details are not a code").isEqualTo("The title is missing or too long.");
    }

    @Test
    void aCodeThisConsoleDoesNotKnowFallsBackToTheWording() {
        ServerRefusal refusal = ServerRefusal.of("23502", "null value in column \"full_name\" violates not-null constraint",
                "{\"code\":\"something_new\",\"table\":\"customers\"}");
        assertThat(refusal.sentence()).isEqualTo("The full name cannot be empty.");
    }

    @Test
    void anUnknownRefusalNeverShowsTheServersText() {
        ServerRefusal refusal = ServerRefusal.of("XX000", "internal: relation \"x\" exploded", null);
        assertThat(refusal.sentence()).isEqualTo("The server refused this change.");
        assertThat(refusal.details()).contains("exploded");
    }
}
