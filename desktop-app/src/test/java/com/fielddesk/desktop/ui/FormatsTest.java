package com.fielddesk.desktop.ui;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Times in the company's zone, never the computer's; numbers and money in one display language. */
class FormatsTest {

    private final Formats newYork = Formats.forCompanyZone("America/New_York");

    @Test
    void timesAreInTheCompanysZoneWhateverTheComputerIsSetTo() {
        TimeZone computerZone = TimeZone.getDefault();
        Locale computerLocale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            Locale.setDefault(new Locale("tr", "TR"));
            Instant noonUtc = Instant.parse("2026-11-21T17:05:00Z");
            assertThat(newYork.dateTime(noonUtc)).isEqualTo("21 Nov 2026, 12:05");
            assertThat(newYork.time(noonUtc)).isEqualTo("12:05");
            assertThat(newYork.dayAndTime(noonUtc)).isEqualTo("21 Nov 12:05");
            assertThat(newYork.number(1234567)).isEqualTo("1,234,567");
        } finally {
            TimeZone.setDefault(computerZone);
            Locale.setDefault(computerLocale);
        }
    }

    @Test
    void theDayIsTheCompanysCalendarDay() {
        // 03:30 UTC on the 22nd is still the evening of the 21st in New York.
        assertThat(newYork.date(Instant.parse("2026-11-22T03:30:00Z"))).isEqualTo("21 Nov 2026");
        assertThat(newYork.date(LocalDate.of(2026, 12, 1))).isEqualTo("1 Dec 2026");
    }

    @Test
    void clocksChangeWithTheCompanysDaylightSavingTime() {
        // 8 March 2026, 02:00 EST becomes 03:00 EDT: one UTC minute apart, an hour apart on the wall.
        assertThat(newYork.time(Instant.parse("2026-03-08T06:59:00Z"))).isEqualTo("01:59");
        assertThat(newYork.time(Instant.parse("2026-03-08T07:00:00Z"))).isEqualTo("03:00");
        // 1 November 2026, 02:00 EDT falls back to 01:00 EST: the same wall time twice.
        assertThat(newYork.time(Instant.parse("2026-11-01T05:30:00Z"))).isEqualTo("01:30");
        assertThat(newYork.time(Instant.parse("2026-11-01T06:30:00Z"))).isEqualTo("01:30");
    }

    @Test
    void aMissingOrUnknownZoneFallsBackToUtcNeverTheComputersZone() {
        assertThat(Formats.forCompanyZone(null).zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Formats.forCompanyZone(" ").zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Formats.forCompanyZone("Mars/Olympus_Mons").zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Formats.forCompanyZone("Europe/Berlin").zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void moneyShowsTheCurrencysOwnDecimalsAndRefusesToRound() {
        assertThat(newYork.money(new BigDecimal("1234.5"), Currency.getInstance("USD"))).isEqualTo("$1,234.50");
        assertThat(newYork.money(new BigDecimal("80"), Currency.getInstance("EUR"))).isEqualTo("€80.00");
        assertThat(newYork.money(new BigDecimal("1500"), Currency.getInstance("JPY"))).isEqualTo("¥1,500");
        assertThatThrownBy(() -> newYork.money(new BigDecimal("0.005"), Currency.getInstance("USD")))
                .as("money the server did not round is a bug to see, not to hide").isInstanceOf(ArithmeticException.class);
        assertThat(newYork.decimal(new BigDecimal("1234.50"))).isEqualTo("1,234.50");
    }
}
