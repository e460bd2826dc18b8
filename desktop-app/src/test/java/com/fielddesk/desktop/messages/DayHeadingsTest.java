package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.ui.Formats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread's day headings follow the company's calendar, not UTC's or the computer's. */
class DayHeadingsTest {

    private final Formats newYork = Formats.forCompanyZone("America/New_York");

    @Test
    void theFirstSentMessageOfAThreadHasItsDayAbove() {
        assertThat(DayHeadings.above(Optional.empty(), at("2026-12-05T15:00:00Z"), newYork)).contains("Saturday, 5 Dec 2026");
    }

    @Test
    void anEveningMessageOnALaterUtcDayIsUnderTheSameCompanyDay() {
        assertThat(DayHeadings.above(at("2026-12-05T15:00:00Z"), at("2026-12-06T01:30:00Z"), newYork)).isEmpty();
    }

    @Test
    void aMessageAfterMidnightInTheCompanysZoneBeginsTheNextDayEvenOnTheSameUtcDay() {
        // 8 March 2026: clocks go forward at 2:00 in New York; 04:30Z is 23:30 on the 7th, 05:30Z 00:30 on the 8th.
        assertThat(DayHeadings.above(at("2026-03-08T04:30:00Z"), at("2026-03-08T05:30:00Z"), newYork))
                .contains("Sunday, 8 Mar 2026");
    }

    @Test
    void aMessageNotSentYetHasNoDayAndTheOneAfterAnUnsentMessageHasItsOwn() {
        assertThat(DayHeadings.above(at("2026-12-05T15:00:00Z"), Optional.empty(), newYork)).isEmpty();
        assertThat(DayHeadings.above(Optional.empty(), at("2026-12-05T16:00:00Z"), newYork)).contains("Saturday, 5 Dec 2026");
    }

    private static Optional<Instant> at(String instant) {
        return Optional.of(Instant.parse(instant));
    }
}
