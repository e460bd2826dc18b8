package com.fielddesk.domain.common;

import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.leads.Trade;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CodedValueTest {

    @Test
    void aKnownCodeIsItsConstantWithItsWords() {
        assertThat(WorkOrderStatus.fromCode("en_route")).isSameAs(WorkOrderStatus.EN_ROUTE);
        assertThat(WorkOrderStatus.EN_ROUTE.label()).isEqualTo("En route");
        assertThat(WorkOrderStatus.EN_ROUTE).hasToString("En route");
        assertThat(WorkOrderStatus.EN_ROUTE.isKnown()).isTrue();
    }

    @Test
    void aCodeOnlyTheServerKnowsIsKeptAndShownAsIs() {
        Trade solar = Trade.fromCode("solar");
        assertThat(solar).isNotNull();
        assertThat(solar.isKnown()).isFalse();
        assertThat(solar.code()).isEqualTo("solar");
        assertThat(solar.label()).isEqualTo("solar");
        assertThat(Trade.fromCode("solar")).isEqualTo(solar).hasSameHashCodeAs(solar);
        // Pick lists offer only what the console knows.
        assertThat(Trade.values()).containsExactly(Trade.HVAC, Trade.PLUMBING, Trade.ELECTRICAL);
    }

    @Test
    void valuesOfDifferentTypesWithTheSameCodeDiffer() {
        assertThat(Role.fromCode("admin")).isNotEqualTo(Trade.fromCode("admin"));
    }

    @Test
    void aNullCodeHasNoValue() {
        assertThat(WorkOrderStatus.fromCode(null)).isNull();
    }

    @Test
    void codesAreComparedExactlyWhateverTheComputersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            // "INSERT"/"insert" style case folding is what breaks under Turkish: codes are never folded.
            assertThat(Trade.fromCode("electrical")).isSameAs(Trade.ELECTRICAL);
            assertThat(Trade.fromCode("ELECTRICAL").isKnown()).isFalse();
        } finally {
            Locale.setDefault(before);
        }
    }
}
