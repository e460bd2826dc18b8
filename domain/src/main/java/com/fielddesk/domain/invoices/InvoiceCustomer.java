package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CustomerId;

/** A customer an invoice can be made out to, as the editor's picker lists them. */
public record InvoiceCustomer(CustomerId id, String name) {
}
