package com.fielddesk.localbackend.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link DemoDataGenerator#writeTo} wrote: the logins and the row count of every table. */
public record DemoSummary(List<DemoLogin> logins, Map<String, Long> rowCounts) {

    public DemoSummary {
        logins = List.copyOf(logins);
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }
}
