package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.settings.InvoiceBranding;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one invoice's PDF shows: the invoice (lines, totals, payments), the branding it is
 * issued under, the logo's image bytes (PNG or JPEG, already fetched from Storage) when the company
 * has one, and the company's zone for the dates of payments.
 */
public record InvoicePdfContent(Invoice invoice, InvoiceBranding branding, Optional<byte[]> logo, CompanyZone zone) {

    public InvoicePdfContent {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(branding, "branding");
        logo = logo == null ? Optional.empty() : logo;
        zone = zone == null ? CompanyZone.UTC : zone;
    }
}
