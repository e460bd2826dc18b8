package com.fielddesk.cache.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one text form of an instant in the cache: UTC, always six fractional digits, {@code Z}
 * ({@code 2026-11-21T10:00:00.123000Z}). PostgREST sends {@code …:00.123+00:00}, {@code …:00+00:00}
 * or another offset, and a local write may hold {@code Instant.toString()} ({@code …:00Z}); as
 * sent, those texts do not sort in time order (an offset, a missing fraction, {@code Z} after
 * {@code +}). In the one form, text order is time order, so SQL {@code order by}, ranges and
 * indexes on the TEXT column are correct. Six digits because PostgreSQL keeps microseconds; the
 * server parses this form as it is, so a push sends it unchanged.
 */
public final class Instants {

    private static final DateTimeFormatter CANONICAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Instants() {
    }

    public static String format(Instant instant) {
        return CANONICAL.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Parses any ISO-8601 instant with an offset or {@code Z} (PostgREST's and Java's forms). */
    public static Instant parse(String text) {
        Instant canonical = parseCanonical(text);
        return canonical != null ? canonical : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The length of the canonical form, {@code 2026-11-21T10:00:00.123000Z}. */
    private static final int CANONICAL_LENGTH = 27;

    /**
     * The canonical form read by hand — every instant a cache read returns is in it, and the
     * general parser allocated its way through a dozen objects per value (a screen of 200 rows
     * read a few thousand) — or null for any other text, which the general parser then reads (or
     * refuses, with its own message).
     */
    private static Instant parseCanonical(String text) {
        if (text == null || text.length() != CANONICAL_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.'
                || text.charAt(26) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int micros = digits(text, 20, 26);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || micros < 0 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, micros * 1_000L);
    }

    /** The number written in {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The canonical text of an instant text; a text that is not an instant stays as it is (a pull
     * must never stop on one odd value, and the server judges a local one when it is pushed).
     */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        try {
            return format(parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
