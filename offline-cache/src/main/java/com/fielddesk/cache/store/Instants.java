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
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
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
