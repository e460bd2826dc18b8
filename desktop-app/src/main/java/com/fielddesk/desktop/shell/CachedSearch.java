package com.fielddesk.desktop.shell;

import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.domain.search.RecordSearch;

import java.util.List;

/**
 * Global search over what is in the cache, so it works offline: the cache's full-text indexes
 * answer in SQL ({@link RecordSearch}); results come grouped by kind, customers → leads → jobs → quotes.
 */
public final class CachedSearch {

    private static final int LIMIT_PER_KIND = 8;

    /** The tables a change to which may change a search's answer. */
    static final String[] TABLES = RecordSearch.READS.stream().map(com.fielddesk.cache.query.Table::name).toArray(String[]::new);

    private final RecordSearch search;

    public CachedSearch(LocalCache cache) {
        this.search = new RecordSearch(cache, LIMIT_PER_KIND);
    }

    public List<SearchResult> search(String query) {
        return search.search(query).stream()
                .map(found -> new SearchResult(kindOf(found.kind()), found.id().toString(), found.title(), found.detail()))
                .toList();
    }

    private static RecordKind kindOf(RecordSearch.Kind kind) {
        return switch (kind) {
            case CUSTOMER -> RecordKind.CUSTOMER;
            case LEAD -> RecordKind.LEAD;
            case JOB -> RecordKind.JOB;
            case QUOTE -> RecordKind.QUOTE;
        };
    }
}
