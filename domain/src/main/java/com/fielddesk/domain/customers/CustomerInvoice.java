package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceStatus;

import java.util.Optional;

/**
 * An invoice of a customer, as the customer's screen lists it.
 *
 * @param number  empty while a draft has no number from the server yet
 * @param balance what is still due (total less payments)
 */
public record CustomerInvoice(InvoiceId id, Optional<Long> number, InvoiceStatus status, Money total, Money balance,
                              boolean pending) {
}
