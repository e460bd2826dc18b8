package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.Lead;
import com.fielddesk.domain.leads.Trade;

import java.util.Locale;

/**
 * What the pool filters show: a trade (or all), emergencies only or not, and text the lead's
 * description, city, postal code or trade must contain.
 *
 * @param trade  null for every trade
 * @param needle lower-cased, stripped search text; empty for none
 */
record PoolFilter(Trade trade, boolean emergencyOnly, String needle) {

    static PoolFilter of(Trade trade, boolean emergencyOnly, String searchText) {
        String needle = searchText == null ? "" : searchText.strip().toLowerCase(Locale.ROOT);
        return new PoolFilter(trade, emergencyOnly, needle);
    }

    boolean showsEverything() {
        return trade == null && !emergencyOnly && needle.isEmpty();
    }

    boolean matches(Lead lead) {
        return (trade == null || lead.trade() == trade)
                && (!emergencyOnly || lead.emergency())
                && (needle.isEmpty() || lead.searchKey().contains(needle));
    }

}
