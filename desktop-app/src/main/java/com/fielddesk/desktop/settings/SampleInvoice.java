package com.fielddesk.desktop.settings;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.invoices.Invoice;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceItem;
import com.fielddesk.domain.invoices.InvoiceMath;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.invoices.InvoiceSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The invoice the branding page's preview prints: an issued invoice to a made-up customer with
 * three lines, a discount and tax (totals by {@link InvoiceMath}), dated {@code today}, so every part
 * the branding touches (header, accent, terms, footer) shows.
 */
final class SampleInvoice {

    /** The number the preview's invoice carries (after the prefix being edited: "INV-1042"). */
    static final long NUMBER = 1042;

    private SampleInvoice() {
    }

    static Invoice issuedOn(LocalDate today, int paymentTermsDays) {
        String[][] lines = {{"Boiler service — annual inspection", "1", "149.00"}, {"Pressure relief valve, ¾\"", "2", "38.50"},
            {"Labour (hours)", "1.5", "95.00"}};
        List<InvoiceItem> items = new ArrayList<>();
        List<InvoiceMath.Line> math = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            BigDecimal quantity = new BigDecimal(lines[i][1]);
            Money price = Money.of(lines[i][2], "USD");
            InvoiceMath.Line line = new InvoiceMath.Line(quantity, price);
            math.add(line);
            items.add(new InvoiceItem(new UUID(0, i + 1), i + 1, lines[i][0], quantity, price, line.lineTotal(), false));
        }
        Money discount = Money.of("10.00", "USD");
        Money paid = Money.zero(Money.USD);
        InvoiceMath.Totals totals = InvoiceMath.compute(Money.USD, math, discount, new BigDecimal("8.25"), paid);
        InvoiceSummary summary = new InvoiceSummary(new InvoiceId(new UUID(0, 1042)), Optional.of(NUMBER), InvoiceStatus.ISSUED,
                totals.paymentStatus(), new CustomerId(new UUID(0, 7)), "Ada Brennan (sample customer)", Optional.of(today),
                Optional.of(today.plusDays(Math.max(0, paymentTermsDays))), totals.total(), totals.balanceDue(), false);
        return new Invoice(summary, items, List.of(), discount, totals.taxRate(), Optional.of("This is a preview with a sample invoice."),
                paid, totals.balanceDue());
    }
}
