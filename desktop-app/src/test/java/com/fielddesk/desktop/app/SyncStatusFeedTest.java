package com.fielddesk.desktop.app;

import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.cache.status.SyncStatusTracker;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.ui.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status bar ends on the engine's newest status, whatever order the background read of the
 * first status and the sync's own publishes reach the UI thread in. The two executors are queues
 * this test runs by hand, so each interleaving is played exactly.
 */
class SyncStatusFeedTest {

    private static final SyncStatus.InitialSyncProgress FOURTH_TABLE =
            new SyncStatus.InitialSyncProgress("service_requests", 0, 4, 16);

    @TempDir
    Path folder;

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Queue<Runnable> ui = new ArrayDeque<>();
    private final BackgroundTasks tasks = new BackgroundTasks(background::add, ui::add);
    private final List<SyncStatus> shown = new ArrayList<>();

    @Test
    void aFirstStatusReadDuringTheFirstSyncNeverLandsAfterTheSyncsLastStatus() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.sqlite"))) {
            SyncStatusTracker tracker = tracker(database);
            try (AutoCloseable feed = SyncStatusFeed.follow(tracker, tasks, shown::add, e -> { })) {
                tracker.initialSyncProgress(FOURTH_TABLE);   // the sync reports; its hand-over waits for the UI
                runAll(background);                          // the feed's first status is read mid-sync
                tracker.succeeded();                         // the sync ends before the UI thread gets to any of it
                runAll(ui);
            }
        }
        assertThat(shown).isNotEmpty();
        SyncStatus last = shown.get(shown.size() - 1);
        assertThat(last.initialSync()).as("the first sync's progress is gone from the last status shown").isNull();
        assertThat(last.lastSuccessfulSync()).as("the last status shown is the finished sync's").isNotNull();
    }

    @Test
    void aFeedOpenedAfterTheSyncFinishedShowsTheFinishedStatusWithoutWaitingForTheNextPass() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.sqlite"))) {
            SyncStatusTracker tracker = tracker(database);
            tracker.initialSyncProgress(FOURTH_TABLE);
            tracker.succeeded();   // nobody listened: the console was still opening
            try (AutoCloseable feed = SyncStatusFeed.follow(tracker, tasks, shown::add, e -> { })) {
                runAll(background);
                runAll(ui);
            }
        }
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).initialSync()).isNull();
        assertThat(shown.get(0).lastSuccessfulSync()).isNotNull();
    }

    private static SyncStatusTracker tracker(CacheDatabase database) {
        return new SyncStatusTracker(database, new Outbox(), new ConflictLog(), Clock.systemUTC(), Duration.ofMinutes(1));
    }

    private static void runAll(Queue<Runnable> queue) {
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
            next.run();
        }
    }
}
