package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceItem;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.Payment;
import com.fielddesk.domain.settings.InvoiceBranding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The invoice as XHTML for openhtmltopdf: the company's header (logo, legal name, address, accent
 * colour), the customer, the items table whose header repeats on every page, totals, balance due,
 * payment status, payments, notes, payment terms, and the footer with "Page x of y" in the page
 * margin boxes.
 */
final class InvoiceHtml {

    /** The font family the bundled DejaVu Sans is registered under. */
    static final String FONT_FAMILY = "InvoiceSans";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ROOT);
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final String DEFAULT_ACCENT = "#1F6FEB";

    private InvoiceHtml() {
    }

    static String of(InvoicePdfContent content) {
        Invoice invoice = content.invoice();
        InvoiceSummary summary = invoice.summary();
        InvoiceBranding branding = content.branding();
        String accent = branding.accentColor() != null && HEX_COLOUR.matcher(branding.accentColor()).matches()
                ? branding.accentColor() : DEFAULT_ACCENT;
        StringBuilder html = new StringBuilder(4_096 + invoice.items().size() * 256);
        html.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(title(summary, branding))).append("</title><style>")
                .append(css(accent, branding.footer())).append("</style></head><body>");

        html.append("<table class=\"masthead\"><tr><td class=\"company\">");
        content.logo().ifPresent(logo -> html.append("<img class=\"logo\" alt=\"logo\" src=\"data:")
                .append(imageType(logo)).append(";base64,").append(Base64.getEncoder().encodeToString(logo)).append("\"/>"));
        html.append("<div class=\"legal-name\">").append(escape(branding.legalName())).append("</div>");
        html.append("<div class=\"address\">").append(lines(branding.address())).append("</div></td>");
        html.append("<td class=\"heading\"><div class=\"word\">")
                .append(InvoiceStatus.DRAFT.equals(summary.status()) ? "DRAFT INVOICE" : "INVOICE").append("</div>");
        html.append("<div class=\"number\">").append(escape(number(summary, branding))).append("</div>");
        if (InvoiceStatus.VOID.equals(summary.status())) {
            html.append("<div class=\"void\">VOID</div>");
        }
        html.append("</td></tr></table>");

        html.append("<table class=\"parties\"><tr><td><div class=\"label\">Bill to</div><div class=\"customer\">")
                .append(escape(summary.customerName())).append("</div></td><td class=\"dates\">");
        dateRow(html, "Issue date", summary.issueDate().map(DAY::format).orElse("Not issued yet"));
        dateRow(html, "Due date", summary.dueDate().map(DAY::format).orElse(dueText(branding)));
        dateRow(html, "Payment status", summary.paymentStatus().label());
        html.append("</td></tr></table>");

        html.append("<table class=\"items\"><thead><tr><th class=\"pos\">#</th><th class=\"desc\">Description</th>")
                .append("<th class=\"num\">Quantity</th><th class=\"num\">Unit price</th><th class=\"num\">Amount</th></tr></thead><tbody>");
        int position = 1;
        for (InvoiceItem item : invoice.items()) {
            html.append("<tr><td class=\"pos\">").append(position++).append("</td><td class=\"desc\">")
                    .append(escape(item.description())).append("</td><td class=\"num\">").append(quantity(item.quantity()))
                    .append("</td><td class=\"num\">").append(money(item.unitPrice())).append("</td><td class=\"num\">")
                    .append(money(item.lineTotal())).append("</td></tr>");
        }
        html.append("</tbody></table>");

        Money subtotal = invoice.items().stream().map(InvoiceItem::lineTotal)
                .reduce(Money.zero(summary.total().currency()), Money::plus);
        Money tax = summary.total().minus(subtotal.minus(invoice.discount()));
        html.append("<table class=\"totals\">");
        totalRow(html, "Subtotal", money(subtotal), "");
        if (!invoice.discount().isZero()) {
            totalRow(html, "Discount", "−" + money(invoice.discount()), "");
        }
        totalRow(html, "Tax (" + invoice.taxRatePercent().stripTrailingZeros().toPlainString() + " %)", money(tax), "");
        totalRow(html, "Total", money(summary.total()), "total");
        if (!invoice.paid().isZero()) {
            totalRow(html, "Paid", "−" + money(invoice.paid()), "");
        }
        totalRow(html, "Balance due", money(invoice.balanceDue()), "balance");
        html.append("</table>");

        if (!invoice.payments().isEmpty()) {
            html.append("<div class=\"section\"><div class=\"label\">Payments</div><table class=\"payments\">");
            DateTimeFormatter paidDay = DAY.withZone(content.zone().zone());
            for (Payment payment : invoice.payments()) {
                html.append("<tr><td>").append(paidDay.format(payment.paidAt())).append("</td><td>")
                        .append(escape(payment.method().label())).append("</td><td>")
                        .append(escape(payment.reference().orElse(""))).append("</td><td class=\"num\">")
                        .append(money(payment.amount())).append("</td></tr>");
            }
            html.append("</table></div>");
        }
        invoice.notes().filter(notes -> !notes.isBlank()).ifPresent(notes -> html
                .append("<div class=\"section\"><div class=\"label\">Notes</div><div>").append(lines(notes)).append("</div></div>"));
        html.append("<div class=\"section terms\">").append(escape(terms(branding))).append("</div>");
        html.append("</body></html>");
        return html.toString();
    }

    /** The number as the customer reads it, or the sentence that it is not numbered yet. */
    static String number(InvoiceSummary summary, InvoiceBranding branding) {
        return summary.number().map(n -> branding.invoicePrefix() + n).orElse("Number pending");
    }

    private static String title(InvoiceSummary summary, InvoiceBranding branding) {
        return branding.legalName() + " — invoice " + number(summary, branding);
    }

    private static String dueText(InvoiceBranding branding) {
        return branding.paymentTermsDays() == 0 ? "On receipt" : branding.paymentTermsDays() + " days after issue";
    }

    private static String terms(InvoiceBranding branding) {
        return branding.paymentTermsDays() == 0 ? "Payment terms: due on receipt."
                : "Payment terms: due within " + branding.paymentTermsDays() + " days of the issue date.";
    }

    private static void dateRow(StringBuilder html, String label, String value) {
        html.append("<div><span class=\"label\">").append(escape(label)).append(":</span> ").append(escape(value)).append("</div>");
    }

    private static void totalRow(StringBuilder html, String label, String value, String styleClass) {
        html.append("<tr class=\"").append(styleClass).append("\"><td class=\"label-cell\">").append(escape(label))
                .append("</td><td class=\"num\">").append(escape(value)).append("</td></tr>");
    }

    private static String css(String accent, String footer) {
        return "@page { size: A4; margin: 18mm 16mm 24mm 16mm;"
                + " @bottom-left { content: \"" + cssString(footer) + "\"; font-family: " + FONT_FAMILY + "; font-size: 8pt; color: #555555; }"
                + " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-family: " + FONT_FAMILY
                + "; font-size: 8pt; color: #555555; } }"
                + " body { font-family: " + FONT_FAMILY + "; font-size: 9.5pt; color: #1a1a1a; }"
                + " table { border-collapse: collapse; width: 100%; }"
                + " td, th { vertical-align: top; }"
                + " .masthead { border-bottom: 3pt solid " + accent + "; margin-bottom: 10pt; }"
                + " .masthead td { padding-bottom: 8pt; }"
                + " .logo { max-height: 48pt; max-width: 160pt; margin-bottom: 4pt; }"
                + " .legal-name { font-weight: bold; font-size: 13pt; }"
                + " .address { color: #444444; }"
                + " .heading { text-align: right; }"
                + " .word { font-size: 20pt; font-weight: bold; color: " + accent + "; }"
                + " .number { font-size: 12pt; }"
                + " .void { font-size: 14pt; font-weight: bold; color: #B42318; }"
                + " .parties { margin-bottom: 12pt; }"
                + " .label { color: #555555; font-size: 8pt; text-transform: uppercase; }"
                + " .customer { font-size: 11pt; font-weight: bold; }"
                + " .dates { text-align: right; }"
                + " .items { -fs-table-paginate: paginate; }"
                + " .items thead { display: table-header-group; }"
                + " .items tr { page-break-inside: avoid; }"
                + " .items th { background-color: " + accent + "; color: #ffffff; text-align: left; padding: 4pt; }"
                + " .items td { padding: 3pt 4pt; border-bottom: 0.5pt solid #dddddd; }"
                + " .pos { width: 6%; }"
                + " .num { text-align: right; white-space: nowrap; }"
                + " .items th.num { text-align: right; }"
                + " .totals { width: 45%; margin-left: 55%; margin-top: 8pt; page-break-inside: avoid; }"
                + " .totals td { padding: 2pt 4pt; }"
                + " .totals .total td { font-weight: bold; border-top: 1pt solid #1a1a1a; }"
                + " .totals .balance td { font-weight: bold; font-size: 11pt; color: " + accent + "; }"
                + " .section { margin-top: 12pt; page-break-inside: avoid; }"
                + " .payments td { padding: 2pt 4pt; border-bottom: 0.5pt solid #eeeeee; }"
                + " .terms { color: #444444; }";
    }

    private static String money(Money money) {
        return money.currency().getSymbol(Locale.US) + money.amount().toPlainString();
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
    }

    private static String imageType(byte[] image) {
        boolean png = image.length > 4 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
        return png ? "image/png" : "image/jpeg";
    }

    private static String lines(String text) {
        return escape(text).replace("\n", "<br/>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String cssString(String text) {
        if (text == null) {
            return "";
        }
        // CSS escapes keep the XHTML parser away from markup characters inside the style sheet.
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ")
                .replace("<", "\\3C ").replace(">", "\\3E ").replace("&", "\\26 ");
    }
}
