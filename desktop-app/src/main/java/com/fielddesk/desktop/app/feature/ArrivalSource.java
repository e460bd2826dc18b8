package com.fielddesk.desktop.app.feature;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a section's {@link Arrival}s come from: {@code since} reads the cache for arrivals written
 * after an instant, newest first (the shell calls it off the FX thread, after each change to one of
 * {@code tables}, with the newest instant it has announced so far).
 */
public record ArrivalSource(Function<Instant, List<Arrival>> since, Set<String> tables) {

    public ArrivalSource {
        Objects.requireNonNull(since);
        tables = Set.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("An arrival source must name the tables it reads");
        }
    }
}
