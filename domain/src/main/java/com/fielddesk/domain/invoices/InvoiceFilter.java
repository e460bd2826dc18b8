package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CustomerId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the invoices list shows: every part narrows it, empty parts do not. Dates are the
 * company's dates (issue and due dates are calendar dates on the invoice).
 *
 * @param overdueOn only invoices issued, not fully paid, and due before this company day (today)
 * @param text      the number, or text in the customer's name
 */
public record InvoiceFilter(Set<InvoiceStatus> statuses, Set<PaymentStatus> paymentStatuses, Optional<CustomerId> customer,
                            Optional<LocalDate> issuedFrom, Optional<LocalDate> issuedTo, Optional<LocalDate> overdueOn,
                            String text) {

    public InvoiceFilter {
        statuses = Set.copyOf(statuses);
        paymentStatuses = Set.copyOf(paymentStatuses);
        Objects.requireNonNull(customer);
        Objects.requireNonNull(issuedFrom);
        Objects.requireNonNull(issuedTo);
        Objects.requireNonNull(overdueOn);
        text = text == null ? "" : text.strip();
    }

    public static InvoiceFilter all() {
        return new InvoiceFilter(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "");
    }

    public InvoiceFilter withStatuses(Set<InvoiceStatus> value) {
        return new InvoiceFilter(value, paymentStatuses, customer, issuedFrom, issuedTo, overdueOn, text);
    }

    public InvoiceFilter withPaymentStatuses(Set<PaymentStatus> value) {
        return new InvoiceFilter(statuses, value, customer, issuedFrom, issuedTo, overdueOn, text);
    }

    public InvoiceFilter withCustomer(CustomerId value) {
        return new InvoiceFilter(statuses, paymentStatuses, Optional.of(value), issuedFrom, issuedTo, overdueOn, text);
    }

    /** Issued on one of these days (inclusive). */
    public InvoiceFilter issuedBetween(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The last day " + last + " is before the first " + first);
        }
        return new InvoiceFilter(statuses, paymentStatuses, customer, Optional.of(first), Optional.of(last), overdueOn, text);
    }

    /**
     * Issued on or after {@code first} and on or before {@code last}, either side open when empty
     * (company days: the server dates an invoice by the company's calendar). A last day before the
     * first finds nothing.
     */
    public InvoiceFilter withIssueDates(Optional<LocalDate> first, Optional<LocalDate> last) {
        return new InvoiceFilter(statuses, paymentStatuses, customer, first, last, overdueOn, text);
    }

    /** Overdue on {@code today} (the company's today). */
    public InvoiceFilter overdueOn(LocalDate today) {
        return new InvoiceFilter(statuses, paymentStatuses, customer, issuedFrom, issuedTo, Optional.of(today), text);
    }

    public InvoiceFilter withText(String value) {
        return new InvoiceFilter(statuses, paymentStatuses, customer, issuedFrom, issuedTo, overdueOn, value);
    }
}
