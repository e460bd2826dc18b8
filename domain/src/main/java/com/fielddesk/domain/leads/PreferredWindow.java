package com.fielddesk.domain.leads;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When the customer would like the visit; either end may be open. */
public record PreferredWindow(Instant start, Instant end) {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    public static final PreferredWindow ANY_TIME = new PreferredWindow(null, null);

    public String describe(ZoneId zone) {
        if (start == null && end == null) {
            return "Any time";
        }
        if (end == null) {
            return "From " + DAY_TIME.format(start.atZone(zone));
        }
        if (start == null) {
            return "Until " + DAY_TIME.format(end.atZone(zone));
        }
        boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
        return DAY_TIME.format(start.atZone(zone)) + (sameDay ? "–" : " – ") + (sameDay ? TIME : DAY_TIME).format(end.atZone(zone));
    }
}
