package com.fielddesk.cache.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The sort key of the last row of a page, as SQL compares it; pass it to {@link Query#after}. */
public record PageCursor(List<Object> values) {
    public PageCursor {
        // May hold nulls (a null sort key), so no List.copyOf.
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }
}
