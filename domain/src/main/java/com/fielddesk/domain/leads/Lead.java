package com.fielddesk.domain.leads;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A lead in the pool as this company sees it before claiming: the job, never the customer's
 * contact details (the server's lead_pool has none).
 *
 * @param searchKey lower-cased text the filter box matches, computed once so a keystroke over
 *                  50k leads stays cheap
 */
public record Lead(LeadId id, Trade trade, String description, boolean emergency, String postalCode, String city,
                   PreferredWindow preferredWindow, Instant postedAt, String searchKey) {

    public static Lead of(LeadId id, Trade trade, String description, boolean emergency, String postalCode,
                          String city, PreferredWindow preferredWindow, Instant postedAt) {
        String key = String.join("\n", trade.label(), description, postalCode, city).toLowerCase(Locale.ROOT);
        return new Lead(id, trade, description, emergency, postalCode, city, preferredWindow, postedAt, key);
    }

    public String area() {
        return city.isBlank() ? postalCode : city + " " + postalCode;
    }

    public Duration ageAt(Instant now) {
        return Duration.between(postedAt, now);
    }

    /** The first line of the description, cut at about 80 characters, for the table. */
    public String excerpt() {
        String firstLine = description.lines().findFirst().orElse("");
        return firstLine.length() <= 80 ? firstLine : firstLine.substring(0, 79) + "…";
    }
}
