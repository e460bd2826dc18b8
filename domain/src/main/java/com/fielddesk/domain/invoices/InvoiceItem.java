package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;

import java.math.BigDecimal;
import java.util.UUID;

/** A stored line of an invoice, in its position. */
public record InvoiceItem(UUID id, long position, String description, BigDecimal quantity, Money unitPrice, Money lineTotal,
                         boolean pending) {
}
