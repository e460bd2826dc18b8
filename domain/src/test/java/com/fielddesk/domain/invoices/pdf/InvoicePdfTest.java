package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceItem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicePdfTest {

    private static final InvoicePdfGenerator GENERATOR = new InvoicePdfGenerator();

    @Test
    void theTextHoldsNumberCustomerEveryItemTotalsAndDiacritics() throws IOException {
        InvoicePdfContent content = InvoicePdfSamples.content(Optional.of(1042L), 10, true);
        Invoice invoice = content.invoice();
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(content))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("INV-1042", "Zoë Łódź Ñúñez", "Çelik Heating & Plumbing LLC", "Portland, ME 04101");
            for (InvoiceItem item : invoice.items()) {
                assertThat(text).contains(item.description(), "$" + item.lineTotal().toPlainString());
            }
            assertThat(text).contains("Subtotal", "Total", "$" + invoice.summary().total().toPlainString(),
                    "Balance due", "$" + invoice.balanceDue().toPlainString(), "Partly paid",
                    "4 Dec 2026", "3 Jan 2027", "Check 1042", "Page 1 of 1",
                    "due within 30 days", "Thank you for your business");
            // paid at 03:30 UTC on 5 Dec is still 4 Dec in New York
            assertThat(text).contains("4 Dec 2026\u0020Check");
        }
    }

    @Test
    void theFontsAreEmbeddedSubsets() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.of(7L), 3, false)))) {
            PDResources resources = pdf.getPage(0).getResources();
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void twoHundredItemsRepeatTheHeaderOnEveryPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.of(9L), 200, false)))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isEqualTo(EXPECTED_PAGES_FOR_200_ITEMS);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).as("page %d", page).contains("Description", "Quantity", "Unit price", "Amount",
                        "Page " + page + " of " + pages);
            }
            stripper.setStartPage(1);
            stripper.setEndPage(pages);
            String all = stripper.getText(pdf);
            assertThat(all).contains(InvoicePdfSamples.description(1), InvoicePdfSamples.description(200), "Balance due");
        }
    }

    /** A4, one line per item (about 38 rows a page after the masthead on page 1): 200 items and the totals fill 6 pages. */
    private static final int EXPECTED_PAGES_FOR_200_ITEMS = 6;

    @Test
    void theLogoIsDrawnOnTheFirstPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.of(3L), 2, true)))) {
            assertThat(images(pdf.getPage(0))).isNotEmpty().allSatisfy(image -> assertThat(image.getWidth()).isEqualTo(120));
        }
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.of(3L), 2, false)))) {
            assertThat(images(pdf.getPage(0))).isEmpty();
        }
    }

    @Test
    void aRenderedPageIsNotBlank() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.of(5L), 5, true)))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
            int white = 0xFFFFFFFF;
            long inked = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if (page.getRGB(x, y) != white) {
                        inked++;
                    }
                }
            }
            assertThat(inked).isGreaterThan((long) page.getWidth() * page.getHeight() / 100);
        }
    }

    @Test
    void aDraftSaysItsNumberIsPending() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(InvoicePdfSamples.content(Optional.empty(), 2, false)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("DRAFT INVOICE", "Number pending", "Not issued yet", "30 days after issue");
        }
    }

    @Test
    void markupInTheCompanysTextIsPrintedNotParsed() throws IOException {
        InvoicePdfContent content = InvoicePdfSamples.content(Optional.of(11L), 1, false);
        var branding = new com.fielddesk.domain.settings.InvoiceBranding("A <b>&</b> B", "1 \"Main\" St", "#000000",
                "Footer </style> & \"quotes\"", 0, "", Optional.empty());
        try (PDDocument pdf = Loader.loadPDF(GENERATOR.generate(new InvoicePdfContent(content.invoice(), branding,
                Optional.empty(), content.zone())))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("A <b>&</b> B", "1 \"Main\" St", "due on receipt", "Footer", "quotes");
        }
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }
}
