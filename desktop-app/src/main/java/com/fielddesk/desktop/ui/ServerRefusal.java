package com.fielddesk.desktop.ui;

import com.fielddesk.supabase.errors.SupabaseException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the server refused a write, told as one sentence a dispatcher understands. Our own refusals
 * carry a machine code and facts ({@link RefusalCode}: a JSON DETAIL such as
 * {@code {"code": "transition_refused", "from": "completed", …}}, or an RPC's API code such as
 * {@code already_claimed}), and the code decides the sentence. Only for an answer without a code
 * (PostgreSQL's own errors, or a server from before the codes) does the wording decide: the
 * SQLSTATE ({@code 23514}), PostgREST code ({@code PGRST116}) and message — check constraints are
 * named {@code <entity>_<field>_<rule>} in supabase/migrations, so a rule's sentence comes from its
 * name. The server's own text stays available as {@link #details()} (for the log and a secondary
 * "Details" line), never as the headline.
 */
public sealed interface ServerRefusal {

    /** One plain sentence for the headline. */
    String sentence();

    /** What the server said, verbatim ("23514: new row for relation …"), for the log and "Details". */
    String details();

    /** A status the server's transition rules do not allow ({@code Cannot move a job from … to …}). */
    record StatusChange(String subject, String from, String to, boolean supervisorMustReopen, String details)
            implements ServerRefusal {
        @Override
        public String sentence() {
            List<String> lifecycle = Wording.LIFECYCLES.getOrDefault(subject, List.of());
            boolean backwards = lifecycle.contains(from) && lifecycle.contains(to) && lifecycle.indexOf(to) < lifecycle.indexOf(from);
            String noun = subject.equals("service request") ? "lead" : subject;
            return "The " + noun + "'s status cannot go from " + statusLabel(from) + (backwards ? " back to " : " to ")
                    + statusLabel(to) + "." + (supervisorMustReopen ? " A supervisor must reopen the " + noun + " first." : "");
        }
    }

    /** A check constraint of ours, named {@code <entity>_<field>_<rule>}. */
    record RuleBroken(String table, String constraint, String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return constraintSentence(table, constraint);
        }
    }

    /** A required column left empty (not-null). */
    record Missing(String column, String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return "The " + words(column) + " cannot be empty.";
        }
    }

    /** A unique constraint: the row, or a value that must be unique, is taken. */
    record AlreadyExists(String table, String constraint, String details) implements ServerRefusal {
        @Override
        public String sentence() {
            String noun = recordNoun(table);
            if (constraint.endsWith("_pkey")) {
                return "This " + noun + " already exists on the server.";
            }
            Matcher unique = Pattern.compile(Pattern.quote(table) + "_(.+)_unique").matcher(constraint);
            if (unique.matches() && !unique.group(1).contains("_id")) {
                String field = words(unique.group(1).replaceFirst("^company_", ""));
                return "Another " + noun + " already has this " + field + ".";
            }
            return "This would duplicate an existing " + noun + ".";
        }
    }

    /** A reference to a row that does not exist (foreign key). */
    record UnknownReference(String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return "This refers to a record that no longer exists.";
        }
    }

    /** RLS, grants, or our own "not allowed" checks. */
    record NotAllowed(String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return "You are not allowed to change this record.";
        }
    }

    /**
     * The row is not there for this user: deleted, or hidden by RLS — an update RLS denies reads
     * the same way on the server (it cannot lock a row it may not change), so the sentence names both.
     */
    record NoLongerThere(String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return "This record was deleted on the server, or you are not allowed to change it.";
        }
    }

    /** A value the column cannot take: too long, malformed, out of range, or a field that cannot be edited. */
    record BadValue(String sentence, String details) implements ServerRefusal {
    }

    /** A lead claimed first by someone else (our {@code already_claimed} API error). */
    record AlreadyClaimed(boolean byColleague, String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return byColleague ? "A colleague at your company already claimed this lead."
                    : "This lead was already claimed by another company.";
        }
    }

    /** One of our migrations' own messages, already written as a sentence for people. */
    record Explained(String sentence, String details) implements ServerRefusal {
    }

    /** Nothing we recognise: a plain headline, the server's words only in the details. */
    record Unexplained(String details) implements ServerRefusal {
        @Override
        public String sentence() {
            return "The server refused this change.";
        }
    }

    // ---- reading an answer ----

    /** The refusal in a client error (claim, decline, a PostgREST write): its code, message and details. */
    static ServerRefusal of(SupabaseException e) {
        StringBuilder shown = new StringBuilder(e.getMessage() == null ? "" : e.getMessage());
        if (e.details() != null) {
            shown.append(" (").append(e.details()).append(')');
        }
        if (e.hint() != null) {
            shown.append(" Hint: ").append(e.hint());
        }
        return read(e.code(), e.getMessage(), e.details(), details(e.code(), shown.toString()));
    }

    /** {@code code}: SQLSTATE, PostgREST or API code, or null; {@code message}: the server's text, or null. */
    static ServerRefusal of(String code, String message) {
        return of(code, message, null);
    }

    /**
     * As {@link #of(String, String)}, with the answer's details: our own refusals put their code and
     * facts there as JSON ({@code {"code": "transition_refused", "from": …}}), and the code decides
     * the sentence; without one (an older server) the wording rules below decide.
     */
    static ServerRefusal of(String code, String message, String serverDetails) {
        String shown = serverDetails == null || serverDetails.isBlank() ? message
                : (message == null ? "" : message) + " (" + serverDetails + ")";
        return read(code, message, serverDetails, details(code, shown));
    }

    private static ServerRefusal read(String code, String message, String serverDetails, String shownDetails) {
        return RefusalCode.read(code, serverDetails)
                .map(coded -> byCode(coded, message == null ? "" : message, shownDetails))
                // A code this console does not know yet (a newer server): its wording may still say.
                .orElseGet(() -> byWording(code, message, shownDetails));
    }

    /** The sentence for each refusal code our server raises (supabase/README.md, "Refusal codes"); null for others. */
    private static ServerRefusal byCode(RefusalCode refusal, String message, String details) {
        String noun = recordNoun(refusal.fact("table"));
        return switch (refusal.code()) {
            case "transition_refused" -> transition(refusal, details);
            case "job_cannot_become_quote" -> new Explained("A job cannot be turned back into a quote.", details);
            case "quote_not_accepted" -> new Explained("Only an accepted quote can become a job (this one is "
                    + statusLabel(refusal.fact("quote_status")) + ").", details);
            case "technician_not_assignable" -> new Explained(
                    "Work can only be assigned to an active technician of your company.", details);
            case "id_immutable" -> new Explained("The id of " + withArticle(noun) + " cannot change.", details);
            case "company_immutable" -> new Explained("This " + noun + " cannot be moved to another company.", details);
            case "admin_only" -> new Explained("Only an admin can change a person's "
                    + String.join(" or ", refusal.list("field").stream()
                    .map(field -> field.equals("active") ? "active flag" : words(field)).toList()) + ".", details);
            case "invoice_void_final" -> new Explained("A void invoice is final: it cannot be changed or reopened.", details);
            case "invoice_issued_not_draft" -> new Explained(
                    "An issued invoice cannot go back to draft; void it instead.", details);
            case "invoice_branding_kept" -> new Explained("An issued invoice keeps the branding it was issued with; "
                    + "a new logo or address applies to invoices issued from now on.", details);
            case "overpayment" -> new Explained("A payment of " + refusal.fact("amount") + " is more than the "
                    + refusal.fact("balance_due") + " still due on " + invoiceName(refusal) + ".", details);
            case "invoice_void_no_payments" -> new Explained(
                    capitalized(invoiceName(refusal)) + " is void and cannot take payments.", details);
            case "not_staff" -> new Explained(
                    "Only active staff of a company can do this. Ask your admin to check your account.", details);
            case "table_not_syncable" -> new BadValue("Changes to this kind of record (" + noun
                    + ") cannot be sent from the console.", details);
            case "columns_not_writable" -> new BadValue(notWritable(refusal.list("columns")), details);
            case "row_not_found" -> new NoLongerThere(details);
            case "not_allowed", "not_authorized" -> new NotAllowed(details);
            case "delete_not_allowed" -> new Explained("You are not allowed to delete " + withArticle(noun) + ".", details);
            case "malformed_mutation" -> new Explained("The server could not read a change this console sent. "
                    + "Update FieldDesk; if that does not help, tell support.", details);
            // Who claimed it is not a fact of the contract yet: a by_colleague fact decides when sent,
            // otherwise the RPC's two wordings still tell a colleague from another company.
            case "already_claimed" -> new AlreadyClaimed(refusal.flag("by_colleague") || message.contains("colleague"),
                    details);
            case "not_eligible" -> new Explained(
                    "Your company does not serve this lead's trade and area, or has not opted in to leads.", details);
            case "lead_not_found" -> new Explained(
                    "This lead is no longer available (expired or withdrawn by the customer).", details);
            case "invalid_decline_reason" -> new BadValue("Choose one of the listed reasons for declining.", details);
            default -> null;
        };
    }

    private static ServerRefusal transition(RefusalCode refusal, String details) {
        String field = refusal.fact("field");
        String from = refusal.fact("from");
        String to = refusal.fact("to");
        if (field.equals("stage")) {
            return new Explained(capitalized(withArticle(words(from))) + " cannot become " + withArticle(words(to)) + ".",
                    details);
        }
        String table = refusal.fact("table");
        String subject = table.equals("service_requests") ? "service request"
                : table.equals("work_orders") && field.equals("quote_status") ? "quote"
                : table.equals("work_orders") ? "job" : recordNoun(table);
        return new StatusChange(subject, from, to.isEmpty() ? "no status" : to, refusal.flag("reopen_required"), details);
    }

    private static String invoiceName(RefusalCode refusal) {
        String number = refusal.fact("invoice_number");
        return number.isEmpty() ? "this invoice" : "invoice " + number;
    }

    private static String notWritable(List<String> columns) {
        if (columns.isEmpty()) {
            return "This change includes a field that cannot be edited.";
        }
        String named = String.join(", ", columns.stream().map(ServerRefusal::words).toList());
        return columns.size() == 1 ? "This change includes a field that cannot be edited: " + named + "."
                : "This change includes fields that cannot be edited: " + named + ".";
    }

    /** The fallback for a server without refusal codes: its SQLSTATE / API code and its English wording. */
    private static ServerRefusal byWording(String code, String message, String details) {
        String c = code == null ? "" : code;
        String m = message == null ? "" : message.strip();
        Matcher match;
        if ((match = Wording.STATUS_CHANGE.matcher(m)).matches()) {
            return new StatusChange(match.group(1), match.group(2), match.group(3), match.group(4) != null, details);
        }
        if (c.equals("already_claimed")) {
            return new AlreadyClaimed(m.contains("colleague"), details);
        }
        if (c.equals("invalid_decline_reason")) {
            return new BadValue("Choose one of the listed reasons for declining.", details);
        }
        if ((match = Wording.CHECK.matcher(m)).find()) {
            return new RuleBroken(match.group(1), match.group(2), details);
        }
        if ((match = Wording.NOT_NULL.matcher(m)).find()) {
            return new Missing(match.group(1), details);
        }
        if (c.equals("23505") || Wording.UNIQUE.matcher(m).find()) {
            Matcher constraint = Wording.UNIQUE.matcher(m);
            String name = constraint.find() ? constraint.group(1) : "";
            return new AlreadyExists(tableOfConstraint(name), name, details);
        }
        if (c.equals("23503") || m.contains("violates foreign key constraint")) {
            return new UnknownReference(details);
        }
        if (c.equals("22001") || m.startsWith("value too long")) {
            return new BadValue("A value is too long for this field.", details);
        }
        if (c.equals("22003") || m.contains("out of range")) {
            return new BadValue("A number is too large or too small for this field.", details);
        }
        if (c.equals("22P02") || c.equals("22007") || c.equals("22008") || m.startsWith("invalid input syntax")) {
            return new BadValue("A value is not in the form this field needs (a number, date or choice).", details);
        }
        if (c.equals("42703") || c.equals("PGRST204") || m.startsWith("Cannot write column")) {
            return new BadValue("This change includes a field that cannot be edited.", details);
        }
        if ((match = Wording.MOVE_COMPANY.matcher(m)).matches()) {
            return new Explained("This " + recordNoun(match.group(1)) + " cannot be moved to another company.", details);
        }
        if ((match = Wording.ID_CHANGE.matcher(m)).matches()) {
            return new Explained("The id of " + withArticle(recordNoun(match.group(1))) + " cannot change.", details);
        }
        // Our own raise texts ("Only an admin can change a person's role or active flag.") are
        // sentences already; PostgreSQL's own texts name identifiers (quotes, underscores).
        if (c.equals("not_eligible") || c.equals("lead_not_found")
                || (c.equals("23514") || c.equals("P0001") || c.equals("42501")) && isSentence(m) && !m.contains("_")) {
            return new Explained(m, details);
        }
        if (c.equals("42501") || m.contains("row-level security") || m.startsWith("permission denied")
                || m.startsWith("You are not allowed")) {
            return new NotAllowed(details);
        }
        if (c.equals("P0002") || c.equals("PGRST116") || m.contains("does not exist or you")) {
            return new NoLongerThere(details);
        }
        return new Unexplained(details);
    }

    private static String details(String code, String message) {
        String text = message == null || message.isBlank() ? "(no message)" : message.strip();
        return code == null || code.isBlank() ? text : code + ": " + text;
    }

    // ---- wording ----

    /** The server's wording this mapping reads, and the words it answers with. */
    final class Wording {
        private Wording() {
        }

        private static final Pattern STATUS_CHANGE = Pattern.compile(
                "Cannot move an? (job|quote|service request) from (\\w+) to ([\\w ]+?)(; a supervisor must reopen it)?\\.");
        private static final Pattern CHECK = Pattern.compile("relation \"([^\"]+)\" violates check constraint \"([^\"]+)\"");
        private static final Pattern NOT_NULL = Pattern.compile("null value in column \"([^\"]+)\"");
        private static final Pattern UNIQUE = Pattern.compile("violates unique constraint \"([^\"]+)\"");
        private static final Pattern MOVE_COMPANY = Pattern.compile("An? (\\w+) row cannot move to another company\\.");
        private static final Pattern ID_CHANGE = Pattern.compile("The id of an? (\\w+) row cannot change\\.");

        private static final Map<String, List<String>> LIFECYCLES = Map.of(
                "job", List.of("unscheduled", "scheduled", "dispatched", "en_route", "on_site", "completed", "canceled"),
                "quote", List.of("draft", "sent", "accepted", "declined", "expired"),
                "service request", List.of("open", "claimed", "converted", "expired", "withdrawn"));

        /** What a dispatcher calls a row of each table. */
        private static final Map<String, String> ENTITIES = Map.ofEntries(
                Map.entry("work_orders", "job"), Map.entry("customers", "customer"),
                Map.entry("customer_addresses", "address"), Map.entry("companies", "company"),
                Map.entry("profiles", "profile"), Map.entry("service_requests", "lead"),
                Map.entry("service_request_declines", "decline"), Map.entry("invoices", "invoice"),
                Map.entry("customer_threads", "conversation"), Map.entry("customer_messages", "message"),
                Map.entry("internal_threads", "internal note thread"), Map.entry("internal_messages", "internal note"));

        /**
         * Rule names ({@code <field>_<rule>}, the entity prefix taken off) → sentence, first match
         * wins; {@code $n} is the n-th group, underscores become spaces.
         */
        private static final Map<Pattern, String> RULES_BY_NAME = rulesByName(
                "(.+)_at_most_(\\d+)_chars", "The $1 is too long (at most $2 characters).",
                "at_most_(\\d+)_(\\w+)", "There can be at most $1 $2.",
                "(.+)_between_(\\d+)_and_(\\d+)_(\\w+)", "The $1 must be between $2 and $3 $4.",
                // "required" rules also cap the length (between 1 and N characters).
                "(.+)_required", "The $1 is missing or too long.",
                "(.+)_(?:is_valid|are_known)", "The $1 is not one of the allowed values.",
                "(.+)_in_same_company", "The $1 must belong to your company.",
                "(.+)_not_negative", "The $1 cannot be negative.",
                "(.+)_positive", "The $1 must be greater than zero.",
                "(.+)_ends_after_start", "The $1 must end after it starts.",
                "(.+)_is_hex", "The $1 must be a colour code like #1A2B3C.",
                "(.+)_is_iso_code", "The $1 must be a three-letter code like USD.");

        private static Map<Pattern, String> rulesByName(String... patternsAndSentences) {
            Map<Pattern, String> rules = new java.util.LinkedHashMap<>();
            for (int i = 0; i < patternsAndSentences.length; i += 2) {
                rules.put(Pattern.compile(patternsAndSentences[i]), patternsAndSentences[i + 1]);
            }
            return java.util.Collections.unmodifiableMap(rules);
        }

        /** Rules whose name does not follow a pattern of {@link #RULES_BY_NAME}. */
        private static final Map<String, String> NAMED_RULES = Map.ofEntries(
                Map.entry("work_order_scheduled_job_needs_window", "A scheduled job needs a start and end time."),
                Map.entry("work_order_dispatched_job_needs_technician", "A dispatched job needs a technician."),
                Map.entry("work_order_quote_needs_quote_status", "A quote needs a quote status."),
                Map.entry("work_order_job_needs_status", "A job needs a status."),
                Map.entry("work_order_address_of_its_customer", "The address must be one of this customer's addresses."),
                Map.entry("work_order_stage_is_quote_or_job", "A work order must be either a quote or a job."),
                Map.entry("invoice_discount_within_subtotal", "The discount cannot be larger than the subtotal."),
                Map.entry("invoice_amount_paid_within_total", "The amount paid cannot be more than the invoice total."),
                Map.entry("invoice_due_date_not_before_issue_date", "The due date cannot be before the issue date."),
                Map.entry("service_request_company_set_exactly_when_claimed",
                        "Only a claimed lead belongs to a company."));
    }

    private static String constraintSentence(String table, String constraint) {
        String named = Wording.NAMED_RULES.get(constraint);
        if (named != null) {
            return named;
        }
        String rule = withoutEntityPrefix(table, constraint);
        for (Map.Entry<Pattern, String> byName : Wording.RULES_BY_NAME.entrySet()) {
            Matcher match = byName.getKey().matcher(rule);
            if (match.matches()) {
                return words(match.replaceFirst(byName.getValue()));
            }
        }
        return "A value of this " + recordNoun(table) + " is not allowed.";
    }

    /** {@code work_order_title_required} of {@code work_orders} → {@code title_required}. */
    private static String withoutEntityPrefix(String table, String constraint) {
        String singular = table.endsWith("ies") ? table.substring(0, table.length() - 3) + "y"
                : table.endsWith("sses") ? table.substring(0, table.length() - 2)
                : table.endsWith("s") ? table.substring(0, table.length() - 1) : table;
        return constraint.startsWith(singular + "_") ? constraint.substring(singular.length() + 1) : constraint;
    }

    /** Unique constraints are named {@code <table>_pkey} or {@code <table>_<columns>_unique}. */
    private static String tableOfConstraint(String constraint) {
        if (constraint.endsWith("_pkey")) {
            return constraint.substring(0, constraint.length() - "_pkey".length());
        }
        return Wording.ENTITIES.keySet().stream().filter(table -> constraint.startsWith(table + "_"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    /** "a job", "an invoice". */
    public static String withArticle(String noun) {
        return (!noun.isEmpty() && "aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
    }

    /** What a dispatcher calls a row of this table: "job" for work_orders, "lead" for service_requests. */
    public static String recordNoun(String table) {
        String known = Wording.ENTITIES.get(table);
        if (known != null) {
            return known;
        }
        return table.isEmpty() ? "record" : words(table.endsWith("s") ? table.substring(0, table.length() - 1) : table);
    }

    private static String words(String identifier) {
        return identifier.replace('_', ' ');
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String statusLabel(String status) {
        String spaced = words(status);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Our migrations' own messages are sentences: a capital first, a full stop last, no quoted identifiers. */
    private static boolean isSentence(String message) {
        return !message.isEmpty() && Character.isUpperCase(message.charAt(0)) && message.endsWith(".")
                && !message.contains("\"");
    }
}
