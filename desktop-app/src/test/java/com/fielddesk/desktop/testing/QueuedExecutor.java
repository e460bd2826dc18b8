package com.fielddesk.desktop.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * An executor that only queues: the test decides when (and in which order) each task runs, so
 * races between a slow older load and a newer one can be played out exactly. Use one as the
 * background and one as the UI executor of {@link com.fielddesk.desktop.ui.BackgroundTasks}.
 */
public final class QueuedExecutor implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        queued.add(task);
    }

    public synchronized int size() {
        return queued.size();
    }

    /** Runs the oldest queued task. */
    public void runNext() {
        Runnable next;
        synchronized (this) {
            if (queued.isEmpty()) {
                throw new AssertionError("Nothing is queued");
            }
            next = queued.poll();
        }
        next.run();
    }

    /** Runs the newest queued task first (a later task overtaking an earlier one). */
    public void runNewest() {
        Runnable newest;
        synchronized (this) {
            if (queued.isEmpty()) {
                throw new AssertionError("Nothing is queued");
            }
            newest = queued.pollLast();
        }
        newest.run();
    }

    /** Runs tasks until none is queued, including those the tasks queue. */
    public void runAll() {
        while (size() > 0) {
            runNext();
        }
    }
}
