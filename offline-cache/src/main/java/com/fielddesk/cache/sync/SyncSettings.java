package com.fielddesk.cache.sync;

import java.time.Duration;

/** Tuning of the engine; {@link #defaults()} is what the console uses. */
public record SyncSettings(int pullPageSize, int pushBatchSize, Duration backoffBase, Duration backoffMax,
                           Duration watchInterval) {

    public SyncSettings {
        if (pullPageSize < 1 || pushBatchSize < 1) {
            throw new IllegalArgumentException("page and batch sizes must be positive");
        }
    }

    public static SyncSettings defaults() {
        return new SyncSettings(1000, 200, Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(30));
    }

    public SyncSettings withPullPageSize(int size) {
        return new SyncSettings(size, pushBatchSize, backoffBase, backoffMax, watchInterval);
    }

    public SyncSettings withPushBatchSize(int size) {
        return new SyncSettings(pullPageSize, size, backoffBase, backoffMax, watchInterval);
    }

    public SyncSettings withBackoff(Duration base, Duration max) {
        return new SyncSettings(pullPageSize, pushBatchSize, base, max, watchInterval);
    }

    public SyncSettings withWatchInterval(Duration interval) {
        return new SyncSettings(pullPageSize, pushBatchSize, backoffBase, backoffMax, interval);
    }
}
