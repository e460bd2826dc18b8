package com.fielddesk.cache.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InstantsTest {

    @Test
    void everyFormTheServerOrJavaSendsBecomesOneTextWhoseOrderIsTimeOrder() {
        List<String> sent = List.of("2026-11-21T10:00:00.123+00:00", "2026-11-21T10:00:00+00:00",
                "2026-11-21T11:59:59.9+02:00", "2026-11-21T10:00:00Z", "2026-11-21T09:59:59.999999Z",
                "2026-11-21T05:00:00.000001-05:00", "2026-11-20T23:00:00.5-11:00", "2026-11-21T10:00:00.1234567Z");
        List<String> stored = sent.stream().map(Instants::canonical).toList();
        assertThat(stored).allMatch(text -> text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
        List<String> byText = new ArrayList<>(stored);
        byText.sort(null);
        List<String> byTime = new ArrayList<>(stored);
        byTime.sort((a, b) -> Instants.parse(a).compareTo(Instants.parse(b)));
        assertThat(byText).isEqualTo(byTime);
        assertThat(Instants.canonical("2026-11-21T10:00:00+00:00")).isEqualTo(Instants.canonical("2026-11-21T10:00:00Z"));
        assertThat(Instants.canonical("2026-11-21T10:00:00.1234567Z")).isEqualTo("2026-11-21T10:00:00.123456Z");
        assertThat(Instants.parse("2026-11-21T12:00:00.5+02:00")).isEqualTo(Instant.parse("2026-11-21T10:00:00.5Z"));
        assertThat(Instants.canonical("not a time")).isEqualTo("not a time");
    }

    /** The canonical form has a reader of its own; it must agree with the general one everywhere, and refuse alike. */
    @Test
    void theCanonicalFormReadsAsTheGeneralParserReadsIt() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant moment = Instant.ofEpochSecond(random.nextLong() % 40_000_000_000L, random.nextInt(1_000_000) * 1_000L);
            String text = Instants.format(moment);
            assertThat(Instants.parse(text)).as(text).isEqualTo(java.time.OffsetDateTime.parse(text).toInstant()).isEqualTo(moment);
        }
        for (String edge : List.of("0001-01-01T00:00:00.000000Z", "9999-12-31T23:59:59.999999Z", "2024-02-29T12:00:00.000001Z",
                "1970-01-01T00:00:00.000000Z", "1969-12-31T23:59:59.999999Z")) {
            assertThat(Instants.parse(edge)).as(edge).isEqualTo(java.time.OffsetDateTime.parse(edge).toInstant());
        }
        for (String notAMoment : List.of("2026-02-29T12:00:00.000000Z", "2026-13-01T12:00:00.000000Z", "2026-11-31T12:00:00.000000Z",
                "2026-11-21T24:00:00.000000Z", "2026-11-21T10:60:00.000000Z", "2026-11-21T10:00:60.000000Z",
                "2026-11-2xT10:00:00.000000Z", "2026-11-21T10:00:00.00000٣Z", "2026-00-21T10:00:00.000000Z")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Instants.parse(notAMoment)).as(notAMoment)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
            assertThat(Instants.canonical(notAMoment)).isEqualTo(notAMoment);
        }
    }

    @Test
    void theSameMomentInAnotherFormIsNoChangeForTheFieldMerge() {
        assertThat(Json.sameValue(Json.NODES.textNode("2026-11-21T10:00:00.000000Z"),
                Json.NODES.textNode("2026-11-21T10:00:00+00:00"))).isTrue();
        assertThat(Json.sameValue(Json.NODES.textNode("2026-11-21T10:00:00.000000Z"),
                Json.NODES.textNode("2026-11-21T10:00:00.001+00:00"))).isFalse();
    }
}
