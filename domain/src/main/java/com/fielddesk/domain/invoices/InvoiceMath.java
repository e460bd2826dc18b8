package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An invoice's numbers computed exactly as the server's {@code compute_invoice} trigger does, so
 * the editor shows live what the database will store, to the cent:
 * <ol>
 *   <li>quantities are kept to 3 decimals, prices, discount and payments to the currency's cents,
 *       tax rates to 3 decimals (the columns' {@code numeric} scales), each rounded half away from
 *       zero ({@link Money#ROUNDING});</li>
 *   <li>line total = round(quantity × unit price) — rounded per line, not on the sum;</li>
 *   <li>subtotal = the sum of the line totals;</li>
 *   <li>tax = round((subtotal − discount) × rate ÷ 100) — rounded once;</li>
 *   <li>total = subtotal − discount + tax; balance due = total − amount paid.</li>
 * </ol>
 * {@code InvoiceMathAgreesWithTheServerTest} holds this against the real trigger on the classic
 * one-cent cases.
 */
public final class InvoiceMath {

    private static final int QUANTITY_DECIMALS = 3;
    private static final int TAX_RATE_DECIMALS = 3;

    private InvoiceMath() {
    }

    /** One line as the editor holds it. */
    public record Line(BigDecimal quantity, Money unitPrice) {
        public Line {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            quantity = quantity.setScale(QUANTITY_DECIMALS, Money.ROUNDING);
        }

        public Money lineTotal() {
            return unitPrice.times(quantity);
        }
    }

    /** What the server stores on the invoice row, plus the balance the console shows. */
    public record Totals(Money subtotal, Money discount, BigDecimal taxRate, Money tax, Money total, Money amountPaid) {

        public Money balanceDue() {
            return total.minus(amountPaid);
        }

        /** The server's {@code payment_status} for these numbers. */
        public PaymentStatus paymentStatus() {
            if (amountPaid.isZero()) {
                return PaymentStatus.UNPAID;
            }
            return amountPaid.compareTo(total) < 0 ? PaymentStatus.PARTIAL : PaymentStatus.PAID;
        }
    }

    /**
     * @param taxRatePercent e.g. 8.875 for 8.875 % (the server keeps 3 decimals)
     */
    public static Totals compute(Currency currency, List<Line> lines, Money discount, BigDecimal taxRatePercent,
                                 Money amountPaid) {
        Money subtotal = Money.zero(currency);
        for (Line line : lines) {
            subtotal = subtotal.plus(line.lineTotal());
        }
        BigDecimal rate = taxRatePercent.setScale(TAX_RATE_DECIMALS, Money.ROUNDING);
        Money taxable = subtotal.minus(discount);
        Money tax = taxable.percent(rate);
        Money total = taxable.plus(tax);
        return new Totals(subtotal, discount, rate, tax, total, amountPaid);
    }
}
