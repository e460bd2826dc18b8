package com.fielddesk.cache.search;

import java.util.UUID;

/**
 * One search result: enough to show a line (title, detail) and to open the record (kind + id).
 *
 * @param score bm25 relevance, lower is better (results come best first)
 */
public record SearchHit(SearchKind kind, UUID id, String title, String detail, double score) {
}
