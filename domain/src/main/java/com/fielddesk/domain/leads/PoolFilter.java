package com.fielddesk.domain.leads;

import com.fielddesk.cache.query.Condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.fielddesk.cache.query.CacheTables.LEAD_POOL;

/**
 * What the pool shows: a trade (or all), emergencies only or not, and text the lead's trade,
 * description, city or postal code must contain. The same filter answers in memory
 * ({@link #matches}, for a keystroke over leads already on screen) and in SQL ({@link #condition}).
 *
 * @param trade  null for every trade
 * @param needle lower-cased ({@link Locale#ROOT}), stripped search text; empty for none
 */
public record PoolFilter(Trade trade, boolean emergencyOnly, String needle) {

    public static final PoolFilter EVERYTHING = new PoolFilter(null, false, "");

    public static PoolFilter of(Trade trade, boolean emergencyOnly, String searchText) {
        String needle = searchText == null ? "" : searchText.strip().toLowerCase(Locale.ROOT);
        return new PoolFilter(trade, emergencyOnly, needle);
    }

    public boolean showsEverything() {
        return trade == null && !emergencyOnly && needle.isEmpty();
    }

    public boolean matches(Lead lead) {
        return (trade == null || lead.trade().equals(trade))
                && (!emergencyOnly || lead.emergency())
                && (needle.isEmpty() || lead.searchKey().contains(needle));
    }

    /** The filter as a condition on {@code lead_pool} (bound values only). */
    public Condition condition() {
        List<Condition> all = new ArrayList<>();
        if (trade != null) {
            all.add(LEAD_POOL.trade.eq(trade.code()));
        }
        if (emergencyOnly) {
            all.add(LEAD_POOL.emergency.eq(true));
        }
        if (!needle.isEmpty()) {
            // The trade's label is what the in-memory key holds; for an unknown trade it is the code.
            List<String> matchingTrades = Trade.values().stream()
                    .filter(known -> known.label().toLowerCase(Locale.ROOT).contains(needle)).map(Trade::code).toList();
            Condition text = Condition.any(LEAD_POOL.description.containsText(needle), LEAD_POOL.city.containsText(needle),
                    LEAD_POOL.postalCode.containsText(needle), LEAD_POOL.trade.containsText(needle));
            all.add(matchingTrades.isEmpty() ? text : text.or(LEAD_POOL.trade.in(matchingTrades)));
        }
        return Condition.all(all);
    }
}
