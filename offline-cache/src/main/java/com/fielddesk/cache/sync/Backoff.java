package com.fielddesk.cache.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (a random delay up to base·2^attempt, capped), so many
 * consoles coming back online do not retry in lockstep; a server's Retry-After wins when longer.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << Math.min(attempt, 20)));
        Duration jittered = Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
        return retryAfter.filter(r -> r.compareTo(jittered) > 0).map(r -> r.compareTo(max) > 0 ? max : r).orElse(jittered);
    }
}
