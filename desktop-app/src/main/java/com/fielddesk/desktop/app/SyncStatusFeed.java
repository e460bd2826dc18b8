package com.fielddesk.desktop.app;

import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.status.SyncStatusTracker;
import com.fielddesk.desktop.ui.BackgroundTasks;

import java.util.function.Consumer;

/**
 * The sync engine's status on the UI thread, newest last, beginning with the status as it is when
 * the feed opens.
 *
 * <p>The first status goes out through the engine's own publish, not a separate read: the engine
 * takes each snapshot and hands it on under one lock, so no status can overtake a newer one. A
 * snapshot read on its own during a first sync and shown directly could reach the screen after the
 * sync's last status, and the status bar then said "First sync: … (4 of 16 tables)" until the next
 * full pass, minutes later (seen in CI).
 */
final class SyncStatusFeed {
    private SyncStatusFeed() {
    }

    /**
     * Follows {@code tracker}: {@code show} runs on the UI thread with the newest status each time;
     * a failure to read the first one goes to {@code onReadFailure}. Closing the handle stops it.
     */
    static AutoCloseable follow(SyncStatusTracker tracker, BackgroundTasks tasks, Consumer<SyncStatus> show,
                                Consumer<Exception> onReadFailure) {
        AutoCloseable subscription = tracker.subscribe(tasks.newestOnUi(show));
        tasks.run(() -> {
            tracker.publish();
            return true;
        }, published -> { }, onReadFailure);
        return subscription;
    }
}
