package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceNotEditableException;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.settings.InvoiceBranding;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An invoice's PDF from what this computer holds: the invoice from the cache, the branding it was
 * issued under (the server's snapshot; for a draft, or an issue not yet confirmed, the company's
 * current settings; plain defaults until the first sync brought them), the logo's bytes when
 * the logo loader has them, and the company's zone. Works offline.
 */
public final class InvoicePdfs {

    /** What an invoice looks like before the company's branding has arrived. */
    static final InvoiceBranding PLAIN = new InvoiceBranding("", "", "#1F6FEB", "", 30, "", Optional.empty());

    private final InvoiceRepository invoices;
    private final Supplier<Optional<InvoiceBranding>> branding;
    private final Function<String, Optional<byte[]>> logos;
    private final Supplier<CompanyZone> zone;
    private final InvoicePdfGenerator generator;

    /**
     * @param logos the logo's image bytes by its Storage path (empty when it cannot be had now)
     * @param zone  the company's zone, read when a PDF is made
     */
    public InvoicePdfs(InvoiceRepository invoices, Supplier<Optional<InvoiceBranding>> branding,
                       Function<String, Optional<byte[]>> logos, Supplier<CompanyZone> zone, InvoicePdfGenerator generator) {
        this.invoices = invoices;
        this.branding = branding;
        this.logos = logos;
        this.zone = zone;
        this.generator = generator;
    }

    /** The invoice and the PDF made of it now. */
    public Printed pdf(InvoiceId id) {
        Invoice invoice = invoices.invoice(id)
                .orElseThrow(() -> new InvoiceNotEditableException("This invoice is no longer on this computer."));
        InvoiceBranding brand = invoices.issuedBranding(id).orElseGet(() -> branding.get().orElse(PLAIN));
        Optional<byte[]> logo = brand.logoPath().flatMap(logos);
        return new Printed(invoice, brand, generator.generate(new InvoicePdfContent(invoice, brand, logo, zone.get())));
    }

    /** A PDF and what it was made of. */
    public record Printed(Invoice invoice, InvoiceBranding branding, byte[] pdf) {

        /** "INV-1042.pdf", or "invoice-draft-<id>.pdf" before the server numbered it. */
        public String fileName() {
            return invoice.summary().number().map(n -> (branding.invoicePrefix().isBlank() ? "invoice-" : branding.invoicePrefix()) + n)
                    .orElse("invoice-draft-" + invoice.id().value().toString().substring(0, 8)) + ".pdf";
        }

        /** "Invoice INV-1042", for print jobs and the audit log. */
        public String label() {
            return "Invoice " + InvoiceHtml.number(invoice.summary(), branding);
        }
    }
}
