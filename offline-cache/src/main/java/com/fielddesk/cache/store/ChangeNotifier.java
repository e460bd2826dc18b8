package com.fielddesk.cache.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tells observers what committed transactions changed, coalesced per listener: a commit only
 * merges its changes into each listener's waiting notice (no listener code runs on the
 * committing thread, so a slow screen never slows a sync page); a listener runs on a notifier
 * thread, one notice at a time, and while it is busy further commits merge into its next notice.
 * So a burst of 1,000 page commits reaches a listener as a few notices, the last of which is
 * delivered after the last commit (nothing is lost), and an idle listener hears a commit at once.
 */
public final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ExecutorService deliveries = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cache-change-notices-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Registers a listener for every change; the returned handle removes it. */
    public AutoCloseable listen(Consumer<ChangeNotice> listener) {
        Subscription subscription = new Subscription(listener);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Registers a listener that hears which tables changed. */
    public AutoCloseable subscribe(Consumer<Set<String>> listener) {
        return listen(notice -> listener.accept(notice.tables()));
    }

    /** Registers a listener for one table only. */
    public AutoCloseable subscribe(String table, Runnable listener) {
        return listen(notice -> {
            if (notice.touches(table)) {
                listener.run();
            }
        });
    }

    /** Called once per commit with what it changed. Cheap: merges and, for an idle listener, schedules it. */
    void fire(ChangeNotice notice) {
        if (notice.isEmpty()) {
            return;
        }
        for (Subscription subscription : subscriptions) {
            subscription.offer(notice);
        }
    }

    /**
     * Waits until every listener has heard every commit so far and returned (for tests that
     * write and then look at what a listener built; production code never needs to wait).
     *
     * @return false when the deadline passed first
     */
    public boolean awaitDelivered(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (Subscription subscription : subscriptions) {
            if (!subscription.awaitIdle(deadline)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        subscriptions.clear();
        deliveries.shutdown();
        try {
            deliveries.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Subscription {
        private final Consumer<ChangeNotice> listener;
        private ChangeNotice.Builder waiting;
        private boolean delivering;

        Subscription(Consumer<ChangeNotice> listener) {
            this.listener = listener;
        }

        void offer(ChangeNotice notice) {
            synchronized (this) {
                if (waiting == null) {
                    waiting = new ChangeNotice.Builder();
                }
                waiting.add(notice);
                if (delivering) {
                    return;
                }
                delivering = true;
            }
            try {
                deliveries.execute(this::deliver);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                synchronized (this) {
                    delivering = false;
                    notifyAll();
                }
            }
        }

        synchronized boolean awaitIdle(long deadlineNanos) throws InterruptedException {
            while (delivering) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        private void deliver() {
            while (true) {
                ChangeNotice next;
                synchronized (this) {
                    if (waiting == null || !subscriptions.contains(this)) {
                        waiting = null;
                        delivering = false;
                        notifyAll();
                        return;
                    }
                    next = waiting.build();
                    waiting = null;
                }
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    // One broken screen must not stop the others from refreshing, nor fail the write.
                    LOG.warn("A cache change listener failed", e);
                }
            }
        }
    }
}
