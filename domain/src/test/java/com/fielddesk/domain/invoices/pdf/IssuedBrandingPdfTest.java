package com.fielddesk.domain.invoices.pdf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceRepository;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.domain.testing.PulledRows.pulled;
import static com.fielddesk.domain.testing.PulledRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An issued invoice's PDF is made from the branding the server recorded when it was issued
 * (invoices.branding), on a real SQLite cache: after the company changes its legal name and logo,
 * the issued invoice still shows the old ones, while a draft shows the new ones.
 */
class IssuedBrandingPdfTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final String OLD_LOGO = COMPANY + "/invoice-logo-0a1b2c.png";
    private static final String NEW_LOGO = COMPANY + "/invoice-logo-3d4e5f.png";
    /** The two logos differ in size, so the PDF's image tells which one was drawn. */
    private static final Map<String, byte[]> STORAGE = Map.of(OLD_LOGO, InvoicePdfSamples.png(120, 60, new Color(0xB22222), false),
            NEW_LOGO, InvoicePdfSamples.png(90, 45, new Color(0x1F6FEB), false));

    @TempDir
    Path folder;

    private final UUID admin = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final InvoiceId issued = new InvoiceId(UUID.randomUUID());
    private final InvoiceId draft = new InvoiceId(UUID.randomUUID());
    private CacheDatabase database;
    private InvoicePdfs pdfs;

    @BeforeEach
    void openCache() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        LocalCache cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        CompanySettingsRepository settings = new CompanySettingsRepository(cache, new UserId(admin));
        pdfs = new InvoicePdfs(new InvoiceRepository(cache, new UserId(admin)), settings::invoiceBranding,
                path -> Optional.ofNullable(STORAGE.get(path)), () -> CompanyZone.UTC, new InvoicePdfGenerator());
    }

    @AfterEach
    void closeCache() {
        database.close();
    }

    @Test
    void anIssuedInvoiceKeepsItsLegalNameAndLogoAfterTheCompanyChangesThem() throws IOException {
        pulled(database, "profiles", row("id", admin, "company_id", COMPANY, "role", "admin", "full_name", "Ada", "version", 1));
        pulled(database, "customers", row("id", customer, "company_id", COMPANY, "full_name", "Zoë Łódź Ñúñez", "version", 1));
        pulled(database, "companies", company("Old Pipes LLC", "1 Old Road", OLD_LOGO, 1));
        pulled(database, "invoices", invoice(issued, 12, "issued", snapshot("Old Pipes LLC", "1 Old Road", OLD_LOGO)),
                invoice(draft, 13, "draft", null));

        pulled(database, "companies", company("New Pipes & Heating Inc.", "99 New Avenue", NEW_LOGO, 2));

        PrintedPdf issuedPdf = PrintedPdf.of(pdfs.pdf(issued).pdf());
        assertThat(issuedPdf.text()).contains("Old Pipes LLC", "1 Old Road", "OP-12").doesNotContain("New Pipes", "99 New Avenue");
        assertThat(issuedPdf.imageWidths()).containsExactly(120);
        PrintedPdf draftPdf = PrintedPdf.of(pdfs.pdf(draft).pdf());
        assertThat(draftPdf.text()).contains("New Pipes & Heating Inc.", "99 New Avenue").doesNotContain("Old Pipes");
        assertThat(draftPdf.imageWidths()).containsExactly(90);
    }

    @Test
    void anIssueTheServerHasNotConfirmedYetShowsTheCurrentBranding() throws IOException {
        pulled(database, "profiles", row("id", admin, "company_id", COMPANY, "role", "admin", "full_name", "Ada", "version", 1));
        pulled(database, "companies", company("Current Co", "2 Now Street", NEW_LOGO, 1));
        pulled(database, "invoices", invoice(issued, 14, "issued", null));

        PrintedPdf pdf = PrintedPdf.of(pdfs.pdf(issued).pdf());

        assertThat(pdf.text()).contains("Current Co", "2 Now Street");
        assertThat(pdf.imageWidths()).containsExactly(90);
    }

    private static ObjectNode company(String legalName, String address, String logoPath, int version) {
        return row("id", COMPANY, "name", "Pipes", "invoice_legal_name", legalName, "invoice_address", address,
                "invoice_accent_color", "#0E7C66", "invoice_footer", "Thank you", "payment_terms_days", 30,
                "invoice_prefix", "NP-", "invoice_logo_path", logoPath, "version", version);
    }

    /** What the server writes into invoices.branding when the invoice leaves draft. */
    private static ObjectNode snapshot(String legalName, String address, String logoPath) {
        return row("legal_name", legalName, "address", address, "accent_color", "#B22222", "footer", "Thank you",
                "payment_terms_days", 14, "prefix", "OP-", "logo_path", logoPath);
    }

    private ObjectNode invoice(InvoiceId id, int number, String status, ObjectNode branding) {
        return row("id", id.value(), "company_id", COMPANY, "customer_id", customer, "number", number, "status", status,
                "currency", "USD", "total", new BigDecimal("10.00"), "amount_paid", BigDecimal.ZERO, "branding", branding,
                "version", 1);
    }

    /** A PDF's text and the widths of the images on its first page. */
    private record PrintedPdf(String text, List<Integer> imageWidths) {

        static PrintedPdf of(byte[] bytes) throws IOException {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                List<Integer> widths = new ArrayList<>();
                PDResources resources = pdf.getPage(0).getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        widths.add(image.getWidth());
                    }
                }
                return new PrintedPdf(new PDFTextStripper().getText(pdf), widths);
            }
        }
    }
}
