package com.fielddesk.cache.status;

import com.fielddesk.cache.conflict.ConflictLog;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An initial sync reports every page; listeners (a status bar, the sign-in screen) hear each table's
 * start and end, and the row counts in between only every so often — each publish reads the cache,
 * and one per page slowed the sync it reported on.
 */
class InitialSyncProgressPublishingTest {

    @TempDir
    Path folder;

    @Test
    void everyTableIsHeardButPagesWithinATableAreThinnedOut() throws Exception {
        try (CacheDatabase database = CacheDatabase.open(folder.resolve("cache.sqlite"))) {
            SyncStatusTracker tracker = new SyncStatusTracker(database, new Outbox(), new ConflictLog(), Clock.systemUTC(),
                    Duration.ofMinutes(1));
            List<SyncStatus.InitialSyncProgress> heard = new CopyOnWriteArrayList<>();
            tracker.subscribe(status -> heard.add(status.initialSync()));

            List<String> tables = List.of("companies", "customers", "work_orders");
            long started = System.nanoTime();
            int done = 0;
            for (String table : tables) {
                for (int page = 1; page <= 500; page++) {
                    boolean last = page == 500;
                    if (last) {
                        done++;
                    }
                    tracker.initialSyncProgress(new SyncStatus.InitialSyncProgress(table, page * 100L, done, tables.size()));
                }
            }
            long elapsedGaps = (System.nanoTime() - started) / SyncStatusTracker.PROGRESS_PUBLISH_GAP.toNanos();

            assertThat(heard).extracting(SyncStatus.InitialSyncProgress::table).as("each table's first page")
                    .containsSubsequence(tables);
            assertThat(heard).extracting(SyncStatus.InitialSyncProgress::tablesDone).as("each table's end")
                    .contains(1, 2, 3);
            assertThat(heard.get(heard.size() - 1)).as("the last report is never held back")
                    .isEqualTo(new SyncStatus.InitialSyncProgress("work_orders", 50_000, 3, 3));
            // A start and an end per table, plus at most one per gap that passed.
            assertThat(heard.size()).as("publishes for 1,500 pages").isLessThanOrEqualTo(2 * tables.size() + (int) elapsedGaps + 1);
        }
    }
}
