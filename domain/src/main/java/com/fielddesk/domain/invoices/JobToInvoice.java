package com.fielddesk.domain.invoices;

import java.util.Optional;
import java.util.UUID;

/** A job as "Invoice this job" starts from: its customer, and its title for the first line. */
public record JobToInvoice(UUID workOrder, Optional<Long> number, InvoiceCustomer customer, String title) {
}
