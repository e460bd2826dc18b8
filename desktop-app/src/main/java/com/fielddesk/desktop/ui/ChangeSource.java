package com.fielddesk.desktop.ui;

import com.fielddesk.cache.repository.Repositories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a screen hears that cached data changed: committed local writes and sync pages. The
 * listener runs on whatever thread committed (hand off to the UI with {@link BackgroundTasks#onUi});
 * it receives the tables the change touched. Today's source is the cache's per-table change
 * notices; a source of coalesced notices plugs in the same way.
 */
@FunctionalInterface
public interface ChangeSource {

    /** Calls {@code listener} after each committed change to any of {@code tables}; closing the handle stops it. */
    AutoCloseable subscribe(Collection<String> tables, Consumer<Set<String>> listener);

    /** The cache's own notices, one subscription per table. */
    static ChangeSource of(Repositories repositories) {
        return (tables, listener) -> {
            List<AutoCloseable> subscriptions = new ArrayList<>();
            for (String table : Set.copyOf(tables)) {
                subscriptions.add(repositories.table(table).onChange(() -> listener.accept(Set.of(table))));
            }
            return () -> {
                Subscriptions all = new Subscriptions();
                subscriptions.forEach(all::add);
                all.close();
            };
        };
    }
}
