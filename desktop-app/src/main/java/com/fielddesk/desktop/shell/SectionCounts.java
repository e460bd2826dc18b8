package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.SectionCount;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The numbers sections publish ({@link Feature#count()}): each counted off the FX thread at start
 * and again after a change to its tables (one count at a time per section; changes during a count
 * mean one more count after it), and their total for the window title. Before {@link #start} every
 * number is zero. Properties change on the FX thread.
 */
public final class SectionCounts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SectionCounts.class);

    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final Predicate<String> shown;

    /** @param shown whether a section (by id) is in the navigation now: only those count towards the total */
    SectionCounts(List<Feature> features, Predicate<String> shown) {
        this.shown = shown;
        for (Feature feature : features) {
            feature.count().ifPresent(count -> counters.put(feature.id(), new Counter(count)));
        }
    }

    /** Counts every section now and after each change to its tables. */
    public void start(ChangeSource changes, BackgroundTasks tasks) {
        counters.values().forEach(counter -> {
            counter.reads = new CoalescedReads(finished -> counter.count(tasks, finished));
            subscriptions.add(changes.subscribe(counter.source.tables(), touched -> tasks.onUi(counter.reads::request)));
            counter.reads.request();
        });
    }

    /** A section's number (zero for a section that publishes none). */
    public ReadOnlyLongProperty countProperty(String featureId) {
        Counter counter = counters.get(featureId);
        return counter == null ? new ReadOnlyLongWrapper().getReadOnlyProperty() : counter.value.getReadOnlyProperty();
    }

    /** Every shown section's number added up. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Recomputes the total (the sections shown changed with the role, or a number changed). */
    void updateTotal() {
        total.set(counters.entrySet().stream().filter(entry -> shown.test(entry.getKey()))
                .mapToLong(entry -> entry.getValue().value.get()).sum());
    }

    @Override
    public void close() {
        CoalescedReads.closeAll(subscriptions, LOG);
    }

    private final class Counter {
        private final SectionCount source;
        private final ReadOnlyLongWrapper value = new ReadOnlyLongWrapper();
        private CoalescedReads reads;

        Counter(SectionCount source) {
            this.source = source;
        }

        void count(BackgroundTasks tasks, Runnable finished) {
            tasks.run(source.count(), counted -> {
                value.set(counted == null ? 0 : counted);
                updateTotal();
                finished.run();
            }, failure -> {
                // The number is a hint; the section itself reports read failures when opened.
                LOG.warn("Could not count a section's number from the local copy", failure);
                finished.run();
            });
        }
    }
}
