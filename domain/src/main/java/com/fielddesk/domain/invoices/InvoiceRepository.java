package com.fielddesk.domain.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.query.Condition;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Order;
import com.fielddesk.cache.query.Page;
import com.fielddesk.cache.query.PageCursor;
import com.fielddesk.cache.query.Pending;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.Row;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.query.Table;
import com.fielddesk.cache.query.Transaction;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.TextRules;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.settings.InvoiceBranding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.INVOICE_ITEMS;
import static com.fielddesk.cache.query.CacheTables.PAYMENTS;
import static com.fielddesk.cache.query.CacheTables.PROFILES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * Invoices over the offline cache: the list (filters, overdue, sort, keyset pages, count and the
 * exact totals of the filtered set — all in SQL), one invoice with its lines and payments, and the
 * writes — a draft and all its lines in **one** local transaction, issue, void, and payments that
 * cannot over-pay even offline. Totals follow {@link InvoiceMath}, the server's own rounding; the
 * server recomputes them and numbers the invoice when it arrives.
 */
public final class InvoiceRepository {

    /** The tables the reads use: a change to one of them may change what a list shows. */
    public static final List<Table> READS = List.of(INVOICES, INVOICE_ITEMS, PAYMENTS, CUSTOMERS);

    /** The currency an invoice without one is in (the server's column default). */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

    private static final int CENTS = 2;

    private final LocalCache cache;
    private final UserId currentUser;

    public InvoiceRepository(LocalCache cache, UserId currentUser) {
        this.cache = cache;
        this.currentUser = currentUser;
    }

    // ---- the list ----

    public Page<InvoiceSummary> page(InvoiceFilter filter, InvoiceSort sort, int pageSize, Optional<PageCursor> after) {
        Query query = listQuery(filter).orderBy(order(sort)).limit(pageSize);
        return cache.page(after.map(query::after).orElse(query), InvoiceRepository::summary);
    }

    /**
     * The first {@code limit} invoices the filter finds. By number it reads the unnumbered ones
     * (drafts the server has not numbered yet, newest first) and then the numbered ones, highest
     * first — two walks of the number index (cache V11) that stop at the limit, where one
     * {@code order by number desc nulls first} sorted every invoice the filter finds (50k: ~150 ms).
     */
    public List<InvoiceSummary> list(InvoiceFilter filter, InvoiceSort sort, int limit) {
        Query query = listQuery(filter);
        if (!InvoiceSort.NUMBER.equals(sort)) {
            return cache.list(query.orderBy(order(sort)).limit(limit), InvoiceRepository::summary);
        }
        Map<InvoiceId, InvoiceSummary> rows = new LinkedHashMap<>();
        cache.list(query.where(INVOICES.number.isNull()).orderBy(INVOICES.id.desc()).limit(limit), InvoiceRepository::summary)
                .forEach(row -> rows.putIfAbsent(row.id(), row));
        if (rows.size() < limit) {
            // A draft numbered between the two reads would come twice: the first one stays.
            cache.list(query.where(INVOICES.number.isNotNull()).orderBy(INVOICES.number.desc(), INVOICES.id.desc())
                    .limit(limit - rows.size()), InvoiceRepository::summary).forEach(row -> rows.putIfAbsent(row.id(), row));
        }
        return List.copyOf(rows.values());
    }

    public long count(InvoiceFilter filter) {
        return cache.count(listQuery(filter));
    }

    /**
     * How many invoices the filter finds, what they total and what is still due on them — summed
     * in SQL to the cent. (One currency per company: the sums are in {@link #DEFAULT_CURRENCY}.)
     * Read from the invoices alone unless a search must look at customers' names.
     */
    public FilteredTotals totals(InvoiceFilter filter) {
        Where where = where(filter);
        Query query = where.namesCustomers() ? withCustomers(Query.from(INVOICES)).where(where.condition())
                : Query.from(INVOICES).where(where.condition());
        BigDecimal total = cache.sum(query, INVOICES.total, CENTS);
        BigDecimal paid = cache.sum(query, INVOICES.amountPaid, CENTS);
        return new FilteredTotals(cache.count(query), Money.of(total, DEFAULT_CURRENCY),
                Money.of(total.subtract(paid), DEFAULT_CURRENCY));
    }

    /** At most this many customers found by a search are looked up by id; with more, the search joins customers. */
    private static final int CUSTOMERS_SEARCHED_BY_ID = 500;

    /** The filter as a condition on invoices; {@code namesCustomers}: it needs the customers joined. */
    private record Where(Condition condition, boolean namesCustomers) {
    }

    private Where where(InvoiceFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            conditions.add(INVOICES.status.in(filter.statuses().stream().map(InvoiceStatus::code).toList()));
        }
        if (!filter.paymentStatuses().isEmpty()) {
            conditions.add(INVOICES.paymentStatus.in(filter.paymentStatuses().stream().map(PaymentStatus::code).toList()));
        }
        filter.customer().ifPresent(customer -> conditions.add(INVOICES.customerId.eq(customer.value())));
        filter.issuedFrom().ifPresent(day -> conditions.add(INVOICES.issueDate.ge(day)));
        filter.issuedTo().ifPresent(day -> conditions.add(INVOICES.issueDate.le(day)));
        filter.overdueOn().ifPresent(today -> conditions.add(INVOICES.status.eq(InvoiceStatus.ISSUED.code())
                .and(INVOICES.paymentStatus.ne(PaymentStatus.PAID.code()))
                .and(INVOICES.dueDate.lt(today))));
        boolean namesCustomers = false;
        if (!filter.text().isEmpty()) {
            // The customers whose name holds the text, then their invoices by id: matching the name
            // on every invoice's joined customer read all 50k invoices for a search that finds few.
            List<UUID> named = cache.list(Query.from(CUSTOMERS).where(CUSTOMERS.fullName.containsText(filter.text()))
                    .limit(CUSTOMERS_SEARCHED_BY_ID + 1), row -> row.get(CUSTOMERS.id));
            namesCustomers = named.size() > CUSTOMERS_SEARCHED_BY_ID;
            List<Condition> anyOf = new ArrayList<>(List.of(namesCustomers ? CUSTOMERS.fullName.containsText(filter.text())
                    : INVOICES.customerId.in(named)));
            TextRules.recordNumber(filter.text()).ifPresent(number -> anyOf.add(INVOICES.number.eq(number)));
            conditions.add(Condition.any(anyOf));
        }
        return new Where(Condition.all(conditions), namesCustomers);
    }

    private Query listQuery(InvoiceFilter filter) {
        return withCustomers(Query.from(INVOICES)).select(Pending.of(INVOICES)).where(where(filter).condition());
    }

    private static Query withCustomers(Query invoices) {
        return invoices.leftJoin(CUSTOMERS, CUSTOMERS.id, INVOICES.customerId);
    }

    private static Order[] order(InvoiceSort sort) {
        return switch (sort) {
            case NUMBER -> new Order[] {INVOICES.number.desc().nullsFirst(), INVOICES.id.desc()};
            case NEWEST -> new Order[] {INVOICES.createdAt.desc().nullsFirst(), INVOICES.id.desc()};
            case DUE_DATE -> new Order[] {INVOICES.dueDate.asc().nullsLast(), INVOICES.id.asc()};
        };
    }


    private static InvoiceSummary summary(Row row) {
        Currency currency = currencyOf(row);
        Money total = Money.of(orZero(row.get(INVOICES.total)), currency);
        Money paid = Money.of(orZero(row.get(INVOICES.amountPaid)), currency);
        return new InvoiceSummary(new InvoiceId(row.get(INVOICES.id)), Optional.ofNullable(row.get(INVOICES.number)),
                InvoiceStatus.fromCode(row.get(INVOICES.status)),
                PaymentStatus.fromCode(row.get(INVOICES.paymentStatus) == null ? PaymentStatus.UNPAID.code()
                        : row.get(INVOICES.paymentStatus)),
                new CustomerId(row.get(INVOICES.customerId)), row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : "",
                Optional.ofNullable(row.get(INVOICES.issueDate)), Optional.ofNullable(row.get(INVOICES.dueDate)), total,
                total.minus(paid), Boolean.TRUE.equals(row.get(Pending.of(INVOICES))));
    }

    private static Currency currencyOf(Row row) {
        String code = row.get(INVOICES.currency);
        return code == null ? DEFAULT_CURRENCY : Currency.getInstance(code);
    }

    // ---- one invoice ----

    public Optional<Invoice> invoice(InvoiceId id) {
        record Fields(InvoiceSummary summary, BigDecimal discount, BigDecimal taxRate, String notes) {
        }
        return cache.first(Query.from(INVOICES).leftJoin(CUSTOMERS, CUSTOMERS.id, INVOICES.customerId)
                                .select(Pending.of(INVOICES)).where(INVOICES.id.eq(id.value())),
                        row -> new Fields(summary(row), row.get(INVOICES.discount), row.get(INVOICES.taxRate),
                                row.get(INVOICES.notes)))
                .map(fields -> {
                    Currency currency = fields.summary().total().currency();
                    Money paid = Money.of(cache.sum(Query.from(PAYMENTS).where(PAYMENTS.invoiceId.eq(id.value())),
                            PAYMENTS.amount, CENTS), currency);
                    return new Invoice(fields.summary(), items(id, currency), payments(id, currency),
                            Money.of(orZero(fields.discount()), currency), orZero(fields.taxRate()),
                            Optional.ofNullable(fields.notes()), paid, fields.summary().total().minus(paid));
                });
    }

    private List<InvoiceItem> items(InvoiceId invoice, Currency currency) {
        return cache.list(Query.from(INVOICE_ITEMS).where(INVOICE_ITEMS.invoiceId.eq(invoice.value()))
                        .select(Pending.of(INVOICE_ITEMS)).orderBy(INVOICE_ITEMS.position.asc(), INVOICE_ITEMS.id.asc()),
                row -> new InvoiceItem(row.get(INVOICE_ITEMS.id), row.get(INVOICE_ITEMS.position),
                        row.get(INVOICE_ITEMS.description), row.get(INVOICE_ITEMS.quantity),
                        Money.of(orZero(row.get(INVOICE_ITEMS.unitPrice)), currency),
                        lineTotal(row, currency),
                        Boolean.TRUE.equals(row.get(Pending.of(INVOICE_ITEMS)))));
    }

    /**
     * Quantity × unit price rounded as the server's generated line_total is (InvoiceMath): the same
     * number once the server's row arrived, and right for lines changed here but not synced yet.
     */
    private static Money lineTotal(Row row, Currency currency) {
        BigDecimal quantity = row.get(INVOICE_ITEMS.quantity);
        return quantity == null ? Money.zero(currency)
                : new InvoiceMath.Line(quantity, Money.of(orZero(row.get(INVOICE_ITEMS.unitPrice)), currency)).lineTotal();
    }

    private List<Payment> payments(InvoiceId invoice, Currency currency) {
        return cache.list(Query.from(PAYMENTS).where(PAYMENTS.invoiceId.eq(invoice.value()))
                        .select(Pending.of(PAYMENTS)).orderBy(PAYMENTS.paidAt.asc(), PAYMENTS.id.asc()),
                row -> new Payment(row.get(PAYMENTS.id), Money.of(orZero(row.get(PAYMENTS.amount)), currency),
                        PaymentMethod.fromCode(row.get(PAYMENTS.method)), row.get(PAYMENTS.paidAt),
                        Optional.ofNullable(row.get(PAYMENTS.reference)), Boolean.TRUE.equals(row.get(Pending.of(PAYMENTS)))));
    }

    // ---- what a new invoice starts from ----

    /** The customers whose name contains {@code search} (blank: everyone), by name, for the editor's picker. */
    public List<InvoiceCustomer> customers(String search, int limit) {
        String text = search == null ? "" : search.strip();
        return cache.list(Query.from(CUSTOMERS).where(text.isEmpty() ? Condition.all() : CUSTOMERS.fullName.containsText(text))
                        .orderBy(CUSTOMERS.fullName.asc(), CUSTOMERS.id.asc()).limit(limit),
                row -> new InvoiceCustomer(new CustomerId(row.get(CUSTOMERS.id)), row.get(CUSTOMERS.fullName)));
    }

    /** The job "Invoice this job" bills: its customer and title; empty when it is not on this computer. */
    public Optional<JobToInvoice> jobToInvoice(UUID workOrder) {
        return cache.first(Query.from(WORK_ORDERS).leftJoin(CUSTOMERS, CUSTOMERS.id, WORK_ORDERS.customerId)
                        .where(WORK_ORDERS.id.eq(workOrder)),
                row -> new JobToInvoice(workOrder, Optional.ofNullable(row.get(WORK_ORDERS.number)),
                        new InvoiceCustomer(new CustomerId(row.get(WORK_ORDERS.customerId)),
                                row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : ""),
                        row.get(WORK_ORDERS.title)));
    }

    /**
     * The branding the server recorded when the invoice left draft (the company's legal name,
     * address, colour, footer, terms, prefix and logo at that moment; it never changes afterwards).
     * Empty for a draft, and for an issue the server has not confirmed yet: those show the company's
     * current branding.
     */
    public Optional<InvoiceBranding> issuedBranding(InvoiceId id) {
        return cache.first(Query.from(INVOICES).where(INVOICES.id.eq(id.value()).and(INVOICES.branding.isNotNull())),
                        row -> row.get(INVOICES.branding))
                .filter(JsonNode::isObject).map(InvoiceRepository::branding);
    }

    /** The server's snapshot (supabase/README.md, invoices.branding) as the branding the PDF is made from. */
    private static InvoiceBranding branding(JsonNode snapshot) {
        JsonNode terms = snapshot.path("payment_terms_days");
        return new InvoiceBranding(text(snapshot, "legal_name"), text(snapshot, "address"), text(snapshot, "accent_color"),
                text(snapshot, "footer"), terms.isIntegralNumber() ? terms.intValue() : 30, text(snapshot, "prefix"),
                Optional.ofNullable(text(snapshot, "logo_path")));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** Where the invoice's PDF lives in the Storage "invoices" bucket: its company's folder, then its id. */
    public Optional<String> storagePath(InvoiceId id) {
        return cache.first(Query.from(INVOICES).where(INVOICES.id.eq(id.value())), row -> row.get(INVOICES.companyId))
                .map(company -> company + "/" + id.value() + ".pdf");
    }

    /** Where the invoice's PDF is in Storage ({@code pdf_path}); empty until it was uploaded. */
    public Optional<String> pdfPath(InvoiceId id) {
        return cache.first(Query.from(INVOICES).where(INVOICES.id.eq(id.value()).and(INVOICES.pdfPath.isNotNull())),
                row -> row.get(INVOICES.pdfPath)).filter(path -> !path.isBlank());
    }

    /** Records where the invoice's uploaded PDF is ({@code pdf_path}, synced like any change). */
    public void setPdfPath(InvoiceId id, String path) {
        cache.transaction(tx -> tx.update(INVOICES, id.value(), RowValues.of(INVOICES).set(INVOICES.pdfPath, path)));
    }

    /** Only managers (admins and supervisors) remove a payment; the server refuses anyone else too. */
    public boolean mayRemovePayments() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.role))
                .map(Role::fromCode).map(Role::isManager).orElse(false);
    }

    // ---- writes ----

    /** A new draft and all its lines: one local transaction, or nothing when a field is wrong. */
    public InvoiceId createDraft(InvoiceDraft draft) {
        InvalidInputException.throwIfAny(draft.problems());
        return cache.transactionReturning(tx -> {
            UUID company = companyId(tx).orElse(null);
            RowValues invoice = invoiceValues(draft).set(INVOICES.customerId, draft.customer().value())
                    .set(INVOICES.workOrderId, draft.workOrder().orElse(null))
                    .set(INVOICES.currency, draft.currency().getCurrencyCode())
                    .set(INVOICES.status, InvoiceStatus.DRAFT.code())
                    .set(INVOICES.paymentStatus, PaymentStatus.UNPAID.code())
                    .set(INVOICES.amountPaid, BigDecimal.ZERO.setScale(CENTS));
            UUID id = tx.insert(company == null ? invoice : invoice.set(INVOICES.companyId, company));
            writeLines(tx, id, company, draft.lines(), Set.of());
            return new InvoiceId(id);
        });
    }

    /**
     * Saves a draft's new fields and lines in one transaction: lines with an id are updated (and
     * moved to their new position), new ones inserted, the ones no longer there deleted. Only a
     * draft can be edited (the server refuses edits to an issued invoice's lines too).
     */
    public void saveDraft(InvoiceId id, InvoiceDraft draft) {
        InvalidInputException.throwIfAny(draft.problems());
        Invoice current = invoice(id).orElseThrow(() -> new InvoiceNotEditableException("This invoice is no longer on this computer."));
        if (!InvoiceStatus.DRAFT.equals(current.summary().status())) {
            throw new InvoiceNotEditableException("Only a draft can be edited; this invoice is "
                    + current.summary().status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        Set<UUID> existing = new HashSet<>();
        current.items().forEach(item -> existing.add(item.id()));
        cache.transaction(tx -> {
            tx.update(INVOICES, id.value(), invoiceValues(draft));
            Set<UUID> kept = writeLines(tx, id.value(), companyId(tx).orElse(null), draft.lines(), existing);
            for (UUID gone : existing) {
                if (!kept.contains(gone)) {
                    tx.delete(INVOICE_ITEMS, gone);
                }
            }
        });
    }

    /** Issues a draft: the server numbers it, dates it and sets its due date from the payment terms. */
    public void issue(InvoiceId id) {
        InvoiceSummary invoice = summaryOf(id);
        if (!InvoiceStatus.DRAFT.equals(invoice.status())) {
            throw new InvoiceNotEditableException("Only a draft can be issued; this invoice is "
                    + invoice.status().label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        cache.transaction(tx -> tx.update(INVOICES, id.value(), RowValues.of(INVOICES).set(INVOICES.status, InvoiceStatus.ISSUED.code())));
    }

    /** The longest reason a void keeps (the server's {@code invoice_void_reason_at_most_500_chars}). */
    public static final int VOID_REASON_MAX = 500;

    /**
     * Voids an invoice for good, saying why (a void invoice takes no payments and never comes
     * back); nothing is queued without a reason.
     */
    public void voidInvoice(InvoiceId id, String reason) {
        String why = TextRules.clean(reason);
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "voidReason", "The reason", why, VOID_REASON_MAX);
        InvalidInputException.throwIfAny(problems);
        InvoiceSummary invoice = summaryOf(id);
        if (InvoiceStatus.VOID.equals(invoice.status())) {
            return;
        }
        cache.transaction(tx -> tx.update(INVOICES, id.value(), RowValues.of(INVOICES)
                .set(INVOICES.status, InvoiceStatus.VOID.code()).set(INVOICES.voidReason, why)));
    }

    /** Why the invoice was voided; empty when it is not void (or was voided before reasons were kept). */
    public Optional<String> voidReason(InvoiceId id) {
        return cache.first(Query.from(INVOICES).where(INVOICES.id.eq(id.value())), row -> row.get(INVOICES.voidReason))
                .filter(reason -> !reason.isBlank());
    }

    /**
     * "Mark paid": a payment of {@code amount} (at most the balance due, counting payments still
     * queued here), by {@code method}, at {@code paidAt}, with an optional reference. A void or
     * draft invoice takes none. Nothing is queued when a field is wrong.
     */
    public UUID recordPayment(InvoiceId id, Money amount, PaymentMethod method, Instant paidAt, String reference) {
        Invoice invoice = invoice(id).orElseThrow(() -> new InvoiceNotEditableException("This invoice is no longer on this computer."));
        InvoiceStatus status = invoice.summary().status();
        if (InvoiceStatus.VOID.equals(status)) {
            throw new InvoiceNotEditableException("A void invoice cannot take payments.");
        }
        if (InvoiceStatus.DRAFT.equals(status)) {
            throw new InvoiceNotEditableException("Issue the invoice before recording a payment.");
        }
        List<FieldError> problems = new ArrayList<>();
        if (amount.isNegative() || amount.isZero()) {
            problems.add(new FieldError("amount", "A payment must be more than 0."));
        } else if (amount.compareTo(invoice.balanceDue()) > 0) {
            problems.add(new FieldError("amount", "That is more than the balance due of "
                    + invoice.balanceDue().toPlainString() + "."));
        }
        if (method == null || !method.isKnown()) {
            problems.add(new FieldError("method", "Pick how it was paid: cash, check, card or bank transfer."));
        }
        if (paidAt == null) {
            problems.add(new FieldError("paidAt", "When was it paid?"));
        }
        String cleanReference = TextRules.clean(reference);
        TextRules.atMost(problems, "reference", "The reference", cleanReference, 200);
        InvalidInputException.throwIfAny(problems);
        return cache.transactionReturning(tx -> {
            RowValues payment = RowValues.of(PAYMENTS).set(PAYMENTS.invoiceId, id.value()).set(PAYMENTS.amount, amount.amount())
                    .set(PAYMENTS.method, method.code()).set(PAYMENTS.paidAt, paidAt).set(PAYMENTS.reference, cleanReference)
                    .set(PAYMENTS.recordedBy, currentUser.value());
            return tx.insert(companyId(tx).map(company -> payment.set(PAYMENTS.companyId, company)).orElse(payment));
        });
    }

    /**
     * Removes a payment recorded by mistake (managers only, like the server); the invoice's paid
     * amount and payment status go back as the server recomputes them.
     */
    public void removePayment(InvoiceId invoice, UUID payment) {
        if (!mayRemovePayments()) {
            throw new InvoiceNotEditableException("Only a supervisor or an admin can remove a payment.");
        }
        Invoice current = invoice(invoice).orElseThrow(() -> new InvoiceNotEditableException("This invoice is no longer on this computer."));
        if (current.payments().stream().noneMatch(p -> p.id().equals(payment))) {
            throw new InvoiceNotEditableException("This payment is no longer on the invoice.");
        }
        cache.transaction(tx -> tx.delete(PAYMENTS, payment));
    }

    private InvoiceSummary summaryOf(InvoiceId id) {
        return invoice(id).map(Invoice::summary)
                .orElseThrow(() -> new InvoiceNotEditableException("This invoice is no longer on this computer."));
    }

    /** The invoice's own fields, with the totals the server will compute (so the list shows them while pending). */
    private static RowValues invoiceValues(InvoiceDraft draft) {
        InvoiceMath.Totals totals = draft.totals();
        return RowValues.of(INVOICES).set(INVOICES.discount, draft.discount().amount())
                .set(INVOICES.taxRate, totals.taxRate()).set(INVOICES.subtotal, totals.subtotal().amount())
                .set(INVOICES.tax, totals.tax().amount()).set(INVOICES.total, totals.total().amount())
                .set(INVOICES.notes, draft.notes());
    }

    /** Writes the lines in order (positions 1…n); returns the ids of existing lines that were kept. */
    private static Set<UUID> writeLines(Transaction tx, UUID invoice, UUID company, List<InvoiceLine> lines, Set<UUID> existing) {
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            RowValues values = RowValues.of(INVOICE_ITEMS).set(INVOICE_ITEMS.position, (long) i + 1)
                    .set(INVOICE_ITEMS.description, line.description()).set(INVOICE_ITEMS.quantity, line.math().quantity())
                    .set(INVOICE_ITEMS.unitPrice, line.unitPrice().amount());
            // No line_total: the server generates it (a push naming it is refused as columns_not_writable);
            // items() computes it the server's way.
            Optional<UUID> id = line.id().filter(existing::contains);
            if (id.isPresent()) {
                tx.update(INVOICE_ITEMS, id.get(), values);
                kept.add(id.get());
            } else {
                RowValues inserted = values.set(INVOICE_ITEMS.invoiceId, invoice);
                tx.insert(company == null ? inserted : inserted.set(INVOICE_ITEMS.companyId, company));
            }
        }
        return kept;
    }

    private Optional<UUID> companyId(Transaction tx) {
        return tx.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
