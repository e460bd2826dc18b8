package com.fielddesk.domain.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, exact ({@link BigDecimal}, never floating point).
 *
 * <p><b>The rounding rule</b> — the same as the server's, so the console and the database agree to
 * the cent: an amount is kept to its currency's minor unit (2 decimals for USD), and whenever a
 * value has more decimals it is rounded <b>half away from zero</b> ({@link RoundingMode#HALF_UP}),
 * which is what PostgreSQL's {@code round(numeric, 2)} and a {@code numeric(12, 2)} column do.
 * Sums and differences of money are exact and need no rounding; a product (quantity × price,
 * amount × rate) is rounded once, where the server rounds it (see {@code InvoiceMath}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Half away from zero, as PostgreSQL rounds {@code numeric}. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public static final Currency USD = Currency.getInstance("USD");

    /** Rounds the amount to the currency's minor unit by {@link #ROUNDING}. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(minorDigits(currency), ROUNDING);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** {@code Money.of("12.50", "USD")}; the currency is an ISO 4217 code. */
    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The product rounded once by the rule (e.g. a line total: quantity × unit price). */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** {@code percent}% of this amount, rounded once by the rule (e.g. tax at 8.875 %). */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100)), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** The amount as the server writes it: "1234.50" (plain digits, the currency's decimals). */
    public String toPlainString() {
        return amount.toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    private static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
