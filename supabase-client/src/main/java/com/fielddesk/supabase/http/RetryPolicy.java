package com.fielddesk.supabase.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for repeatable requests: attempt n waits a random time between
 * half and all of {@code min(maxDelay, baseDelay * 2^(n-1))}, or the server's Retry-After when it
 * is longer (capped at maxDelay). Jitter keeps many desktops from retrying in lockstep.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** Delay before the attempt after {@code failedAttempt} (1-based). */
    public Duration delayAfter(int failedAttempt, Duration retryAfter) {
        long cap = maxDelay.toMillis();
        long exponential = baseDelay.toMillis() << Math.min(failedAttempt - 1, 20);
        long ceiling = Math.min(cap, exponential);
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(cap, retryAfter.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }
}
