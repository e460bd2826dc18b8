package com.fielddesk.desktop.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A cache query as an {@link ObservableList} a table can show. The query runs off the FX thread
 * ({@link BackgroundTasks}); its result is applied in place by key, so the table keeps selection
 * and scroll position. When the data changes (its {@link ChangeSource} names one of its tables) it
 * reloads, coalesced: changes during a running load cause exactly one more load after it. When the
 * question changes ({@link #requery}) the newest query wins at once: an older load still running
 * never overwrites its result. {@link #close()} cancels whatever is in flight and stops listening.
 *
 * <p>Use from the FX thread only (the change source may call from any thread; that is handed over).
 */
public final class LiveList<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveList.class);

    public enum State { LOADING, READY, FAILED }

    /**
     * The gap screens use between change-driven reloads ({@link Builder#reloadAtMostEvery}): four
     * refreshes a second during a sync is as fast as anyone reads, and a single remote change still
     * shows at once.
     */
    public static final Duration SCREEN_RELOAD_GAP = Duration.ofMillis(250);

    /** How many change-driven reloads in a row start at once before the gap applies. */
    private static final int RELOADS_AT_ONCE = 3;

    /**
     * Told around each result applied to {@link #items()}, on the FX thread. A table uses it to keep
     * its selected row: JavaFX drops the selection of a row that is replaced by a new version.
     */
    @FunctionalInterface
    public interface UpdateListener {
        /** Before the result is applied (a table remembers its selected row here). */
        default void beforeUpdate() {
        }

        void afterUpdate();
    }

    private final BackgroundTasks tasks;
    private final Function<? super T, ?> key;
    private final KeyedItems<T> items;
    private final List<UpdateListener> updateListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String subject;
    private final ChangeSource changes;
    private final Set<String> tables;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Notice> problem = new ReadOnlyObjectWrapper<>();
    private Callable<? extends List<? extends T>> query;
    private AutoCloseable subscription;
    private BackgroundTasks.Running running;
    /** Which load's result may be applied: each load takes the next number; only the newest counts. */
    private long generation;
    private boolean loading;
    private boolean changedDuringLoad;
    private boolean closed;
    private long loadsStarted;
    private final Duration reloadGap;
    /** Change-driven reloads that may start at once; one more accrues per gap, up to {@link #RELOADS_AT_ONCE}. */
    private double reloadAllowance = RELOADS_AT_ONCE;
    private long allowanceCountedAt = System.nanoTime();
    private boolean refreshScheduled;

    private LiveList(Builder<T> builder) {
        this.tasks = builder.tasks;
        this.key = builder.key;
        this.items = new KeyedItems<>(builder.key);
        this.query = builder.query;
        this.subject = builder.subject;
        this.changes = builder.changes;
        this.tables = builder.tables;
        this.reloadGap = builder.reloadGap;
    }

    /**
     * @param key what identifies a row across reloads (an id): rows with the same key are the same
     *            row, so the table keeps it selected when its values change
     */
    public static <T> Builder<T> of(BackgroundTasks tasks, Function<? super T, ?> key) {
        return new Builder<>(tasks, key);
    }

    /** Starts listening for changes and runs the first load. */
    public void start() {
        if (subscription == null && changes != null) {
            // However many commits arrive meanwhile, one hand-over to the FX thread waits at a time.
            subscription = changes.subscribe(tables, tasks.newestOnUi(changed -> refresh()));
        }
        load();
    }

    /**
     * The data changed: load again, once, after any load that is running now. A list built with
     * {@link Builder#reloadAtMostEvery} reloads at once for a few changes in a row (a save and the
     * server's confirmation of it), then at most once per gap while changes keep coming (a sync).
     */
    public void refresh() {
        if (closed) {
            return;
        }
        if (loading) {
            changedDuringLoad = true;
            return;
        }
        if (reloadGap.isZero()) {
            load();
            return;
        }
        long now = System.nanoTime();
        reloadAllowance = Math.min(RELOADS_AT_ONCE, reloadAllowance + (double) (now - allowanceCountedAt) / reloadGap.toNanos());
        allowanceCountedAt = now;
        if (reloadAllowance >= 1) {
            reloadAllowance -= 1;
            load();
        } else if (!refreshScheduled) {
            refreshScheduled = true;
            tasks.onUiAfter(Duration.ofNanos((long) ((1 - reloadAllowance) * reloadGap.toNanos())), () -> {
                refreshScheduled = false;
                refresh();
            });
        }
    }

    /** The question changed (a filter, a sort, a search text): this query replaces the one running, at once. */
    public void requery(Callable<? extends List<? extends T>> newQuery) {
        query = Objects.requireNonNull(newQuery);
        if (closed) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        load();
    }

    private void load() {
        long thisLoad = ++generation;
        loading = true;
        changedDuringLoad = false;
        loadsStarted++;
        state.set(State.LOADING);
        message.set("Loading " + subject + "…");
        Callable<? extends List<? extends T>> asked = query;
        BackgroundTasks.Running handle = tasks.run(asked::call, rows -> {
            if (thisLoad == generation && !closed) {
                updateListeners.forEach(UpdateListener::beforeUpdate);
                items.update(rows);
                updateListeners.forEach(UpdateListener::afterUpdate);
                problem.set(null);
                message.set("");
                state.set(State.READY);
                loadFinished();
            }
        }, failure -> {
            if (thisLoad == generation && !closed) {
                log.warn("Could not read {}", subject, failure);
                // What was shown stays: an old list with a sentence beats an empty one.
                Notice notice = Failures.notice("Could not read " + subject + ".", failure);
                problem.set(notice);
                message.set(notice.sentence());
                state.set(State.FAILED);
                loadFinished();
            }
        });
        // A same-thread executor (tests) has finished the load already; only a load in flight can be cancelled.
        if (thisLoad == generation && loading) {
            running = handle;
        }
    }

    private void loadFinished() {
        loading = false;
        running = null;
        if (changedDuringLoad) {
            changedDuringLoad = false;
            refresh();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (running != null) {
            running.cancel();
            running = null;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop listening for changes to " + subject, e);
            }
            subscription = null;
        }
    }

    /** The key of a row: what identifies it across reloads. */
    public Object keyOf(T row) {
        return key.apply(row);
    }

    /** Tells {@code listener} around every result applied; closing the handle stops it. */
    public AutoCloseable onUpdate(UpdateListener listener) {
        updateListeners.add(listener);
        return () -> updateListeners.remove(listener);
    }

    /** The rows, in the query's order (read-only; it changes in place). */
    public ObservableList<T> items() {
        return items;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Loading the jobs…", "" when ready, or why the last load failed (the rows shown before stay). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last load's failure as a notice, or null. */
    public ReadOnlyObjectProperty<Notice> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many loads this list has started (coalescing keeps it small during a sync; for tests and benchmarks). */
    public long loadsStarted() {
        return loadsStarted;
    }

    public static final class Builder<T> {
        private final BackgroundTasks tasks;
        private final Function<? super T, ?> key;
        private Callable<? extends List<? extends T>> query = List::of;
        private String subject = "the list";
        private ChangeSource changes;
        private Set<String> tables = Set.of();
        private Duration reloadGap = Duration.ZERO;

        private Builder(BackgroundTasks tasks, Function<? super T, ?> key) {
            this.tasks = Objects.requireNonNull(tasks);
            this.key = Objects.requireNonNull(key);
        }

        /** The query (runs on a background thread). */
        public Builder<T> query(Callable<? extends List<? extends T>> rows) {
            this.query = Objects.requireNonNull(rows);
            return this;
        }

        /** What the rows are, for the user's sentences: "the lead pool" → "Could not read the lead pool." */
        public Builder<T> describedAs(String what) {
            this.subject = Objects.requireNonNull(what);
            return this;
        }

        /** Reloads when {@code source} reports a change to one of these tables (the ones the query reads). */
        public Builder<T> reloadOnChangesTo(ChangeSource source, String... readTables) {
            if (readTables.length == 0) {
                throw new IllegalArgumentException("Name the tables the query reads");
            }
            this.changes = Objects.requireNonNull(source);
            this.tables = Set.of(readTables);
            return this;
        }

        /**
         * Change-driven reloads at most this often once a few came in a row: a sync writing a page
         * every few ms then costs a few reloads a second, not one per page, while a change after a
         * quiet spell (or a save and its confirmation) still shows at once. Questions
         * ({@link LiveList#requery}) are never held back.
         */
        public Builder<T> reloadAtMostEvery(Duration gap) {
            if (gap.isNegative()) {
                throw new IllegalArgumentException("A gap cannot be negative: " + gap);
            }
            this.reloadGap = gap;
            return this;
        }

        public LiveList<T> build() {
            return new LiveList<>(this);
        }
    }
}
