package com.fielddesk.domain.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void keepsTheCurrencysCentsRoundingHalfAwayFromZero() {
        assertThat(Money.of("1.005", "USD").amount()).isEqualByComparingTo("1.01");
        assertThat(Money.of("1.004", "USD").amount()).isEqualByComparingTo("1.00");
        assertThat(Money.of("-1.005", "USD").amount()).isEqualByComparingTo("-1.01");
        assertThat(Money.of("2", "USD").toPlainString()).isEqualTo("2.00");
        assertThat(Money.of("1234.5", "JPY").toPlainString()).isEqualTo("1235");
    }

    @Test
    void sumsAreExact() {
        Money tenCents = Money.of("0.10", "USD");
        assertThat(tenCents.plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThat(Money.of("1.15", "USD").times(new BigDecimal("100"))).isEqualTo(Money.of("115.00", "USD"));
    }

    @Test
    void aProductOrPercentIsRoundedOnce() {
        assertThat(Money.of("0.33", "USD").times(new BigDecimal("1.5"))).isEqualTo(Money.of("0.50", "USD"));
        assertThat(Money.of("90.00", "USD").percent(new BigDecimal("8.875"))).isEqualTo(Money.of("7.99", "USD"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThat(Money.zero(Currency.getInstance("EUR")).isZero()).isTrue();
    }
}
