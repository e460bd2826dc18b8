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

    @Test
    void theSameMomentInAnotherFormIsNoChangeForTheFieldMerge() {
        assertThat(Json.sameValue(Json.NODES.textNode("2026-11-21T10:00:00.000000Z"),
                Json.NODES.textNode("2026-11-21T10:00:00+00:00"))).isTrue();
        assertThat(Json.sameValue(Json.NODES.textNode("2026-11-21T10:00:00.000000Z"),
                Json.NODES.textNode("2026-11-21T10:00:00.001+00:00"))).isFalse();
    }
}
