package com.fielddesk.cache.query;

import java.util.List;
import java.util.Optional;

/** One keyset page: the rows, and the cursor of the next page when there are more rows. */
public record Page<R>(List<R> items, Optional<PageCursor> next) {
    public Page {
        items = List.copyOf(items);
    }
}
