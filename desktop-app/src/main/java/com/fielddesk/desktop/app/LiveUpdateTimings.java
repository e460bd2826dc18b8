package com.fielddesk.desktop.app;

import java.time.Duration;

/**
 * How the console keeps its cache fresh besides realtime: a full sync pass at {@code fullSyncInterval}
 * (the fallback that catches anything realtime missed), and a pull of the lead pool every
 * {@code poolPollWithoutRealtime} while the realtime channel is not joined (answering a lead fast
 * wins the job, so the pool must not wait for the full pass when realtime is blocked or down).
 */
public record LiveUpdateTimings(Duration fullSyncInterval, Duration poolPollWithoutRealtime) {

    public static final LiveUpdateTimings DEFAULT = new LiveUpdateTimings(Duration.ofSeconds(30), Duration.ofSeconds(1));

    public LiveUpdateTimings {
        if (fullSyncInterval.isNegative() || fullSyncInterval.isZero()
                || poolPollWithoutRealtime.isNegative() || poolPollWithoutRealtime.isZero()) {
            throw new IllegalArgumentException("live-update intervals must be positive");
        }
    }
}
