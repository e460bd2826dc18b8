package com.fielddesk.cache.status;

import com.fielddesk.cache.conflict.ConflictRecord;
import com.fielddesk.cache.outbox.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the sync indicator and the sync panel of the console show.
 *
 * @param online             the server answered recently and no call has failed to reach it since
 *                           ({@link SyncStatusTracker})
 * @param oldestPendingAge   how long the oldest queued change has waited (null when the queue is empty)
 * @param lastSuccessfulSync when a full push + pull last finished (null: never)
 * @param currentError       one readable sentence, or null
 * @param initialSync        progress of the first download, or null when it is not running
 */
public record SyncStatus(boolean online, int pendingCount, Duration oldestPendingAge, Instant lastSuccessfulSync,
                         String currentError, boolean signInRequired, List<OutboxEntry> quarantined,
                         List<ConflictRecord> conflicts, InitialSyncProgress initialSync) {

    public record InitialSyncProgress(String table, long rowsDownloaded, int tablesDone, int tablesTotal) {
    }

    public Optional<String> error() {
        return Optional.ofNullable(currentError);
    }
}
