package com.fielddesk.desktop.leads;

import java.util.Locale;

/**
 * What the pool filters show: a trade (or all), emergencies only or not, and text the lead's
 * description, city, postal code or trade must contain.
 *
 * @param trade  null for every trade
 * @param needle lower-cased, stripped search text; empty for none
 */
record PoolFilter(Trade trade, boolean emergencyOnly, String needle) {

    static final PoolFilter NONE = new PoolFilter(null, false, "");

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

    /**
     * Whether every lead this filter shows is also shown by {@code wider}, so filtering wider's
     * result gives the same rows as filtering the whole pool (typing one more letter narrows).
     */
    boolean narrows(PoolFilter wider) {
        return (wider.trade == null || wider.trade == trade)
                && (!wider.emergencyOnly || emergencyOnly)
                && needle.contains(wider.needle);
    }
}
