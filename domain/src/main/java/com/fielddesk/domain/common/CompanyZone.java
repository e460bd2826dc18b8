package com.fielddesk.domain.common;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The time zone every time of a company is shown and entered in ({@code companies.timezone}, e.g.
 * "America/New_York") — never the computer's zone: a dispatcher on a laptop set to UTC, or working
 * from another state, sees the hours the office works in.
 *
 * @param zone    the zone to use
 * @param problem why the company's own zone could not be used (then {@code zone} is UTC), else empty
 */
public record CompanyZone(ZoneId zone, Optional<String> problem) {

    public static final CompanyZone UTC = new CompanyZone(ZoneOffset.UTC, Optional.empty());

    /** The zone of a stored {@code companies.timezone}; a missing or unknown zone falls back to UTC, with the reason. */
    public static CompanyZone of(String storedTimezone) {
        if (storedTimezone == null || storedTimezone.isBlank()) {
            return new CompanyZone(ZoneOffset.UTC, Optional.of("The company has no time zone set, so times are shown in UTC."));
        }
        try {
            return new CompanyZone(ZoneId.of(storedTimezone.strip()), Optional.empty());
        } catch (DateTimeException unknown) {
            return new CompanyZone(ZoneOffset.UTC, Optional.of("The company's time zone \"" + storedTimezone.strip()
                    + "\" is not one this computer knows, so times are shown in UTC."));
        }
    }
}
