package com.fielddesk.domain.search;

import com.fielddesk.cache.query.CacheTables;
import com.fielddesk.cache.query.Table;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.search.SearchHit;
import com.fielddesk.cache.search.SearchKind;
import com.fielddesk.domain.leads.Trade;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ctrl+K: customers, leads, jobs and quotes on this computer, found by the cache's full-text
 * indexes in SQL (every typed word matches the start of a word; case and accents ignored), best
 * first per kind, customers then leads then jobs then quotes (one index holds jobs and quotes; a
 * work order found is told apart by its stage, read for all of them in one query). Works offline;
 * blocking: call off the UI thread.
 */
public final class RecordSearch {

    /** The kinds of record the console opens from a search, in the order the results show them. */
    public enum Kind { CUSTOMER, LEAD, JOB, QUOTE }

    /** One line of results: what to show and what to open. */
    public record Found(Kind kind, UUID id, String title, String detail) {
    }

    /** The tables whose rows the search indexes cover: a change to one of them may change an answer. */
    public static final List<Table> READS = List.of(CacheTables.CUSTOMERS, CacheTables.CUSTOMER_ADDRESSES,
            CacheTables.LEAD_POOL, CacheTables.SERVICE_REQUESTS, CacheTables.WORK_ORDERS);

    /** Fewer letters than this find too much to be useful (and the panel asks for more). */
    public static final int MIN_LETTERS = 2;

    private final LocalCache cache;
    private final int limitPerKind;

    /** @param limitPerKind at most this many customers, this many leads and this many jobs */
    public RecordSearch(LocalCache cache, int limitPerKind) {
        this.cache = cache;
        this.limitPerKind = limitPerKind;
    }

    public List<Found> search(String text) {
        if (text == null || text.strip().length() < MIN_LETTERS) {
            return List.of();
        }
        Map<Kind, List<Found>> byKind = new EnumMap<>(Kind.class);
        Set<UUID> leadsSeen = new HashSet<>();
        List<SearchHit> hits = cache.search(text, limitPerKind);
        Set<UUID> quotes = quotesAmong(hits);
        for (SearchHit hit : hits) {
            Kind kind = quotes.contains(hit.id()) ? Kind.QUOTE : kindOf(hit.kind());
            List<Found> found = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
            // A lead being claimed can be in the pool and in My leads for a moment: show it once.
            if (found.size() < limitPerKind && (kind != Kind.LEAD || leadsSeen.add(hit.id()))) {
                found.add(new Found(kind, hit.id(), title(hit), hit.detail()));
            }
        }
        List<Found> results = new ArrayList<>();
        byKind.values().forEach(results::addAll);
        return results;
    }

    /** The work orders among the hits that are quotes (Sales → Quotes opens those), in one query. */
    private Set<UUID> quotesAmong(List<SearchHit> hits) {
        List<UUID> workOrders = hits.stream().filter(hit -> hit.kind() == SearchKind.WORK_ORDER).map(SearchHit::id).toList();
        if (workOrders.isEmpty()) {
            return Set.of();
        }
        CacheTables.WorkOrders orders = CacheTables.WORK_ORDERS;
        return new HashSet<>(cache.list(Query.from(orders).select(orders.id)
                .where(orders.id.in(workOrders).and(orders.stage.eq("quote"))), row -> row.get(orders.id)));
    }

    private static Kind kindOf(SearchKind kind) {
        return switch (kind) {
            case CUSTOMER -> Kind.CUSTOMER;
            case POOL_LEAD, CLAIMED_LEAD -> Kind.LEAD;
            case WORK_ORDER -> Kind.JOB;
        };
    }

    /** The index writes a pool lead as "code · city"; the console names trades by their labels. */
    private static String title(SearchHit hit) {
        return switch (hit.kind()) {
            case POOL_LEAD -> {
                int separator = hit.title().indexOf(" · ");
                String code = separator < 0 ? hit.title() : hit.title().substring(0, separator);
                yield Trade.fromCode(code).label() + (separator < 0 ? "" : hit.title().substring(separator));
            }
            case CLAIMED_LEAD -> hit.title() + " (claimed)";
            default -> hit.title();
        };
    }
}
