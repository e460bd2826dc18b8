package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One invoice with its lines and payments. {@code paid} and {@code balanceDue} count every payment
 * on this computer, confirmed or still queued, so a second "Mark paid" cannot over-pay offline.
 */
public record Invoice(InvoiceSummary summary, List<InvoiceItem> items, List<Payment> payments, Money discount,
                      BigDecimal taxRatePercent, Optional<String> notes, Money paid, Money balanceDue) {

    public InvoiceId id() {
        return summary.id();
    }
}
