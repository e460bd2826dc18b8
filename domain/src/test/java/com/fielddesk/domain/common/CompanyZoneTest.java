package com.fielddesk.domain.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class CompanyZoneTest {

    @Test
    void usesTheCompanysZoneNotTheComputers() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
        try {
            CompanyZone company = CompanyZone.of("America/Los_Angeles");
            assertThat(company.problem()).isEmpty();
            Instant nineUtc = Instant.parse("2026-12-05T17:00:00Z");
            assertThat(nineUtc.atZone(company.zone()).toLocalTime().getHour()).isEqualTo(9);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void followsDaylightSavingChanges() {
        ZoneId newYork = CompanyZone.of("America/New_York").zone();
        // 8 March 2026: 02:00 does not exist; 07:30Z is 03:30 EDT.
        assertThat(Instant.parse("2026-03-08T07:30:00Z").atZone(newYork).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
        // 1 November 2026: 01:30 happens twice, an hour apart.
        assertThat(Instant.parse("2026-11-01T05:30:00Z").atZone(newYork).toLocalDateTime())
                .isEqualTo(Instant.parse("2026-11-01T06:30:00Z").atZone(newYork).toLocalDateTime());
    }

    @Test
    void aMissingOrUnknownZoneFallsBackToUtcAndSaysWhy() {
        assertThat(CompanyZone.of(null).zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(CompanyZone.of(" ").problem()).hasValueSatisfying(why -> assertThat(why).contains("no time zone"));
        CompanyZone mars = CompanyZone.of("Mars/Olympus_Mons");
        assertThat(mars.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(mars.problem()).hasValueSatisfying(why -> assertThat(why).contains("Mars/Olympus_Mons").contains("UTC"));
    }
}
