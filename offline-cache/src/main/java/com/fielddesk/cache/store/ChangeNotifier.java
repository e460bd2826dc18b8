package com.fielddesk.cache.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells observers which tables a committed transaction changed. Listeners run on the committing
 * thread and must hand off quickly (the desktop app re-posts to the FX thread).
 */
public final class ChangeNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private final CopyOnWriteArrayList<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Registers a listener for one table only. */
    public AutoCloseable subscribe(String table, Runnable listener) {
        return subscribe(tables -> {
            if (tables.contains(table)) {
                listener.run();
            }
        });
    }

    void fire(Set<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        Set<String> snapshot = Set.copyOf(tables);
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                // One broken screen must not stop the others from refreshing, nor fail the write.
                LOG.warn("A cache change listener failed", e);
            }
        }
    }
}
