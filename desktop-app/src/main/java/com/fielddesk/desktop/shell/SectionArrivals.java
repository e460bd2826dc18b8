package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.app.feature.Arrival;
import com.fielddesk.desktop.app.feature.ArrivalSource;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What sections announce ({@link Feature#arrivals()}): after each change to a section's tables its
 * source is asked, off the FX thread, for what arrived after the newest arrival announced so far
 * (at first: shortly before {@link #start}, so a first sync's history is not news), and the newest
 * becomes {@link #latestProperty()} — shown by the shell as a notification on every screen. Only
 * sections the role sees announce. One read at a time per section; changes during a read mean one
 * more read after it. Properties change on the FX thread.
 */
public final class SectionArrivals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SectionArrivals.class);

    private final Map<String, Watcher> watchers = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Arrival> latest = new ReadOnlyObjectWrapper<>();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final Predicate<String> shown;

    /** @param shown whether a section (by id) is in the navigation now: only those announce */
    SectionArrivals(List<Feature> features, Predicate<String> shown) {
        this.shown = shown;
        for (Feature feature : features) {
            feature.arrivals().ifPresent(source -> watchers.put(feature.id(), new Watcher(feature.id(), source)));
        }
    }

    /**
     * Watches every section from {@code notBefore} on: what was written earlier (the history a first
     * sync brings in) is not announced.
     */
    public void start(ChangeSource changes, BackgroundTasks tasks, Instant notBefore) {
        watchers.values().forEach(watcher -> {
            watcher.newest = notBefore;
            watcher.reads = new CoalescedReads(finished -> watcher.read(tasks, finished));
            subscriptions.add(changes.subscribe(watcher.source.tables(), touched -> tasks.onUi(watcher.reads::request)));
        });
    }

    /** The newest arrival not dismissed or opened yet, or null. */
    public ReadOnlyObjectProperty<Arrival> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The user closed the notification or opened what it names. */
    public void dismiss() {
        latest.set(null);
    }

    @Override
    public void close() {
        CoalescedReads.closeAll(subscriptions, LOG);
    }

    private final class Watcher {
        private final String featureId;
        private final ArrivalSource source;
        private Instant newest;
        private CoalescedReads reads;

        Watcher(String featureId, ArrivalSource source) {
            this.featureId = featureId;
            this.source = source;
        }

        void read(BackgroundTasks tasks, Runnable finished) {
            Instant after = newest;
            tasks.run(() -> source.since().apply(after), arrivals -> {
                arrivals.stream().max(Comparator.comparing(Arrival::at)).ifPresent(newestArrival -> {
                    newest = newestArrival.at();
                    if (shown.test(featureId)) {
                        latest.set(newestArrival);
                    }
                });
                finished.run();
            }, failure -> {
                // A notification is a courtesy; the section shows its data (and read failures) when opened.
                LOG.warn("Could not read a section's arrivals from the local copy", failure);
                finished.run();
            });
        }
    }
}
