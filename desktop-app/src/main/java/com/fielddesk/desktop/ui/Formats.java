package com.fielddesk.desktop.ui;

import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.Money;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * How the console writes times, dates, numbers and money: in the company's time zone (a
 * dispatcher in another zone, or a laptop set to UTC, sees the times the office works in) and in
 * one display language, never the computer's defaults. Made once per session from the company's
 * zone.
 */
public final class Formats {

    private static final Logger log = LoggerFactory.getLogger(Formats.class);

    /** The console is in English; numbers and dates follow US English conventions. */
    public static final Locale DISPLAY = Locale.US;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", DISPLAY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DISPLAY);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", DISPLAY);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", DISPLAY);
    private static final DateTimeFormatter WEEKDAY_DATE = DateTimeFormatter.ofPattern("EEEE, d MMM yyyy", DISPLAY);

    private final ZoneId zone;

    public Formats(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    /**
     * The formats for a company's stored time zone ({@code companies.timezone}, e.g.
     * "America/New_York"). A zone that is missing or unknown falls back to UTC — never to the
     * computer's zone — and the reason is logged.
     */
    public static Formats forCompanyZone(String timezone) {
        CompanyZone company = CompanyZone.of(timezone);
        company.problem().ifPresent(problem -> log.warn(problem));
        return new Formats(company.zone());
    }


    public ZoneId zone() {
        return zone;
    }

    /** "Eastern Time" style name of the zone, for a hint like "Times are in Eastern Time". */
    public String zoneName() {
        return zone.getDisplayName(TextStyle.FULL, DISPLAY);
    }

    /** "21 Nov 2026, 14:05" in the company's zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** "21 Nov 14:05": for lists where the year goes without saying. */
    public String dayAndTime(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(zone));
    }

    /** "21 Nov 2026": the company's calendar day of that instant. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** "Sunday, 6 Dec 2026": a day heading, the company's calendar day of that instant. */
    public String weekdayDate(Instant instant) {
        return instant == null ? "" : WEEKDAY_DATE.format(instant.atZone(zone));
    }

    /** The company's calendar day of that instant (a dispatcher's "today", wherever the computer is). */
    public LocalDate calendarDay(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "14:05" in the company's zone. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** "12,345". */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(DISPLAY).format(value);
    }

    /** "1,234.5" with the value's own decimals (no rounding). */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(DISPLAY);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /**
     * "$1,234.50", "€80.00": the currency's own decimals. The amount must already have them (the
     * server rounds money); a value that would need rounding is refused rather than shown rounded.
     */
    public String money(BigDecimal amount, Currency currency) {
        if (amount == null) {
            return "";
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal exact = amount.setScale(digits, RoundingMode.UNNECESSARY);
        NumberFormat format = NumberFormat.getCurrencyInstance(DISPLAY);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(exact);
    }

    /** "$1,234.50": a {@link Money} is already rounded to its currency's cents. */
    public String money(Money money) {
        return money == null ? "" : money(money.amount(), money.currency());
    }
}
