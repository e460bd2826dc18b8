package com.fielddesk.desktop.app.feature;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * A number a section publishes for the console's chrome — unread messages, say — shown on its
 * navigation item and summed into the window title. {@code count} is a cache read (the shell runs
 * it off the FX thread, at start and after each change to one of {@code tables}); zero shows nothing.
 */
public record SectionCount(Callable<Long> count, Set<String> tables) {

    public SectionCount {
        Objects.requireNonNull(count);
        tables = Set.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A section count must name the tables it is counted from");
        }
    }
}
