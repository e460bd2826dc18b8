package com.fielddesk.supabase.rest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterEncodingTest {

    @Test
    void topLevelValuesAreSentLiterallyBecausePostgrestReadsThemToTheEnd() {
        assertThat(Filter.eq("title", "Fix boiler, (urgent): \"now\"").toQueryParameter())
                .isEqualTo(Map.entry("title", "eq.Fix boiler, (urgent): \"now\""));
        assertThat(Filter.eq("name", "Zoë Ångström – 東京").toQueryParameter())
                .isEqualTo(Map.entry("name", "eq.Zoë Ångström – 東京"));
    }

    @Test
    void inListQuotesItemsWithReservedCharacters() {
        Filter filter = Filter.in("city", List.of("Paris", "Washington, D.C.", "a(b)c", "x:y", "plain"));
        assertThat(filter.toQueryParameter().getValue())
                .isEqualTo("in.(Paris,\"Washington, D.C.\",\"a(b)c\",\"x:y\",plain)");
    }

    @Test
    void quotesAndBackslashesInsideQuotedValuesAreEscaped() {
        assertThat(PostgrestValues.listItem("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(PostgrestValues.listItem("C:\\temp")).isEqualTo("\"C:\\\\temp\"");
        assertThat(PostgrestValues.listItem("")).isEqualTo("\"\"");
    }

    @Test
    void unicodeWithoutReservedCharactersIsLeftBare() {
        assertThat(PostgrestValues.listItem("Zoë")).isEqualTo("Zoë");
        assertThat(PostgrestValues.listItem("東京")).isEqualTo("東京");
        assertThat(PostgrestValues.listItem(42)).isEqualTo("42");
    }

    @Test
    void decimalsAreQuotedInsideLogicBecauseTheDotIsReserved() {
        assertThat(Filter.or(Filter.eq("total", new java.math.BigDecimal("12.50")), Filter.lt("total", 3)).toQueryParameter())
                .isEqualTo(Map.entry("or", "(total.eq.\"12.50\",total.lt.3)"));
    }

    @Test
    void nestedLogicWithNegation() {
        Filter filter = Filter.or(Filter.eq("a", 1), Filter.not(Filter.and(Filter.gte("b", 1), Filter.lte("b", 2))));
        assertThat(filter.toQueryParameter()).isEqualTo(Map.entry("or", "(a.eq.1,not.and(b.gte.1,b.lte.2))"));
    }

    @Test
    void negatedConditionAndNegatedGroupAtTopLevel() {
        assertThat(Filter.not(Filter.eq("status", "canceled")).toQueryParameter())
                .isEqualTo(Map.entry("status", "not.eq.canceled"));
        assertThat(Filter.not(Filter.in("status", List.of("a", "b,c"))).toQueryParameter())
                .isEqualTo(Map.entry("status", "not.in.(a,\"b,c\")"));
        assertThat(Filter.not(Filter.or(Filter.eq("a", 1), Filter.eq("b", 2))).toQueryParameter())
                .isEqualTo(Map.entry("not.or", "(a.eq.1,b.eq.2)"));
    }

    @Test
    void awkwardValuesInsideOrAreQuoted() {
        Filter filter = Filter.or(Filter.eq("name", "O'Brien, Pat (Jr.)"), Filter.ilike("email", "*@x.com"));
        assertThat(filter.toQueryParameter().getValue())
                .isEqualTo("(name.eq.\"O'Brien, Pat (Jr.)\",email.ilike.\"*@x.com\")");
    }

    @Test
    void isTakesKeywords() {
        assertThat(Filter.isNull("deleted_at").toQueryParameter()).isEqualTo(Map.entry("deleted_at", "is.null"));
        assertThat(Filter.is("lead_opt_in", true).toQueryParameter()).isEqualTo(Map.entry("lead_opt_in", "is.true"));
    }

    @Test
    void arrayContainmentUsesPostgresArraySyntax() {
        assertThat(Filter.contains("trades", List.of("hvac", "a,b", "say \"x\"", "null")).toQueryParameter())
                .isEqualTo(Map.entry("trades", "cs.{hvac,\"a,b\",\"say \\\"x\\\"\",\"null\"}"));
    }

    @Test
    void badFiltersAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> Filter.eq("name", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull");
        assertThatThrownBy(() -> Filter.in("id", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Filter.eq(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(Filter::or).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectColumnsDropWhitespaceOutsideQuotes() {
        assertThat(Columns.clean(" id, title ,\n customer:customers ( name ), \"odd name\" "))
                .isEqualTo("id,title,customer:customers(name),\"odd name\"");
        assertThat(Columns.clean(null)).isEqualTo("*");
    }

    @Test
    void contentRangeTotal() {
        assertThat(Page.parseTotal("0-24/3573")).hasValue(3573);
        assertThat(Page.parseTotal("*/0")).hasValue(0);
        assertThat(Page.parseTotal("0-24/*")).isEmpty();
        assertThat(Page.parseTotal(null)).isEmpty();
    }
}
