package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;

import java.time.LocalDate;
import java.util.Optional;

/** One row of the invoices list. The number is empty until the server numbers the invoice. */
public record InvoiceSummary(InvoiceId id, Optional<Long> number, InvoiceStatus status, PaymentStatus paymentStatus,
                             CustomerId customerId, String customerName, Optional<LocalDate> issueDate,
                             Optional<LocalDate> dueDate, Money total, Money balanceDue, boolean pending) {

    /** Issued, not fully paid, and due before {@code today} (the company's today). */
    public boolean overdueOn(LocalDate today) {
        return InvoiceStatus.ISSUED.equals(status) && !balanceDue.isZero() && dueDate.map(due -> due.isBefore(today)).orElse(false);
    }

    /** "Invoice 42", or "Draft (number pending)" before the server numbered it. */
    public String describe() {
        return number.map(n -> "Invoice " + n).orElse("Draft (number pending)");
    }
}
