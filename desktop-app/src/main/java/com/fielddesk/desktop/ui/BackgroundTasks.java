package com.fielddesk.desktop.ui;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one boundary between background work and the UI thread: work runs on the background
 * executor, and its result (or failure) is handed to the UI executor, so ViewModels only ever
 * change properties on the FX thread. Tests pass a same-thread executor for both.
 */
public final class BackgroundTasks {

    /** A task handed to the background; cancelling it means neither callback will run. */
    @FunctionalInterface
    public interface Running {
        /**
         * Drops the task's outcome: work not started yet does not start, and a result arriving
         * later is not handed to the UI. Work already running is not interrupted (a SQLite read
         * or an HTTP call finishes on its own and its result is thrown away).
         */
        void cancel();
    }

    /** One daemon timer for every console: it only hands actions to the UI executor. */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fielddesk-ui-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor background;
    private final Executor ui;

    public BackgroundTasks(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Runs {@code work} off the UI thread; unless cancelled, exactly one of the callbacks then runs on the UI thread. */
    public <T> Running run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        background.execute(() -> {
            if (cancelled.get()) {
                return;
            }
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                ui.execute(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (!cancelled.get()) {
                    onSuccess.accept(result);
                }
            });
        });
        return () -> cancelled.set(true);
    }

    /** Hands a notification from any thread (cache listener, sync status) to the UI thread. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /** Runs {@code action} on the UI thread after {@code delay} (a timer thread waits, nothing blocks). */
    public void onUiAfter(Duration delay, Runnable action) {
        TIMERS.schedule(() -> ui.execute(action), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * A feed from any thread to the UI thread that keeps only the newest value: at most one
     * hand-over waits at a time, and it applies whatever arrived last. A sync publishing its status
     * for every page (hundreds a second on a fast network) then costs the UI one update per frame it
     * can draw, not one per page — on a two-core machine those queued updates slowed the sync itself.
     */
    public <T> Consumer<T> newestOnUi(Consumer<? super T> apply) {
        AtomicReference<T> newest = new AtomicReference<>();
        AtomicBoolean handOverPending = new AtomicBoolean();
        return value -> {
            newest.set(Objects.requireNonNull(value));
            if (handOverPending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    handOverPending.set(false);
                    T latest = newest.getAndSet(null);
                    if (latest != null) {
                        apply.accept(latest);
                    }
                });
            }
        };
    }
}
