package com.fielddesk.domain.invoices.pdf;

import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceItem;
import com.fielddesk.domain.invoices.InvoiceMath;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;
import com.fielddesk.domain.invoices.Payment;
import com.fielddesk.domain.invoices.PaymentMethod;
import com.fielddesk.domain.invoices.PaymentStatus;
import com.fielddesk.domain.settings.InvoiceBranding;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Invoices to print in tests and the benchmark: n lines, totals by {@link InvoiceMath}, one payment. */
public final class InvoicePdfSamples {

    public static final String CUSTOMER = "Zoë Łódź Ñúñez";
    public static final InvoiceBranding BRANDING = new InvoiceBranding("Çelik Heating & Plumbing LLC",
            "12 Harbour Street\nPortland, ME 04101", "#0E7C66", "Thank you for your business — Çelik Heating & Plumbing",
            30, "INV-", Optional.of("logos/company.png"));
    public static final CompanyZone ZONE = CompanyZone.of("America/New_York");

    private InvoicePdfSamples() {
    }

    public static String description(int index) {
        return String.format(Locale.ROOT, "Line %03d: replace valve — Ærø fitting", index);
    }

    /** An issued invoice numbered {@code number} (or a draft when empty) with {@code itemCount} lines. */
    public static Invoice invoice(Optional<Long> number, int itemCount) {
        List<InvoiceItem> items = new ArrayList<>();
        List<InvoiceMath.Line> lines = new ArrayList<>();
        for (int i = 1; i <= itemCount; i++) {
            BigDecimal quantity = BigDecimal.valueOf(i % 3 + 1);
            Money price = Money.of(String.format(Locale.ROOT, "%d.%02d", 10 + i, i % 100), "USD");
            InvoiceMath.Line line = new InvoiceMath.Line(quantity, price);
            lines.add(line);
            items.add(new InvoiceItem(UUID.randomUUID(), i, description(i), quantity, price, line.lineTotal(), false));
        }
        Money discount = Money.of("5.00", "USD");
        Money paid = number.isPresent() ? Money.of("20.00", "USD") : Money.zero(Money.USD);
        InvoiceMath.Totals totals = InvoiceMath.compute(Money.USD, lines, discount, new BigDecimal("8.875"), paid);
        InvoiceSummary summary = new InvoiceSummary(new InvoiceId(UUID.randomUUID()), number,
                number.isPresent() ? InvoiceStatus.ISSUED : InvoiceStatus.DRAFT, totals.paymentStatus(),
                new CustomerId(UUID.randomUUID()), CUSTOMER,
                number.map(n -> LocalDate.of(2026, 12, 4)), number.map(n -> LocalDate.of(2027, 1, 3)),
                totals.total(), totals.balanceDue(), false);
        List<Payment> payments = number.isPresent()
                ? List.of(new Payment(UUID.randomUUID(), paid, PaymentMethod.CHECK, Instant.parse("2026-12-05T03:30:00Z"),
                Optional.of("Check 1042"), false))
                : List.of();
        return new Invoice(summary, items, payments, discount, totals.taxRate(), Optional.of("Gate code 4471."), paid,
                totals.balanceDue());
    }

    public static InvoicePdfContent content(Optional<Long> number, int itemCount, boolean withLogo) {
        return new InvoicePdfContent(invoice(number, itemCount), BRANDING, withLogo ? Optional.of(logo()) : Optional.empty(), ZONE);
    }

    /** A small PNG: a green square with a white bar. */
    public static byte[] logo() {
        return png(120, 60, new Color(0x0E7C66), true);
    }

    /** A PNG of one colour (with a white bar across when {@code barred}), {@code width} × {@code height}. */
    public static byte[] png(int width, int height, Color colour, boolean barred) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        if (barred) {
            g.setColor(Color.WHITE);
            g.fillRect(width / 12, height * 5 / 12, width * 10 / 12, height / 6);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
