package com.fielddesk.localbackend.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests per {@code window} per client address, as a token bucket: a full
 * bucket allows a burst of {@code limit}, and it refills steadily at {@code limit} per window
 * (GoTrue uses a token bucket too). Buckets idle for a whole window are dropped, so the map
 * does not grow with every address ever seen.
 */
final class RequestRateLimiter {

    private final double capacity;
    private final double tokensPerNano;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    RequestRateLimiter(int limit, Duration window, LongSupplier nanoClock) {
        this.capacity = limit;
        this.windowNanos = window.toNanos();
        this.tokensPerNano = limit / (double) windowNanos;
        this.nanoClock = nanoClock;
    }

    RequestRateLimiter(int limit, Duration window) {
        this(limit, window, System::nanoTime);
    }

    /** Takes one request from {@code address}'s allowance; false when it is used up. */
    boolean tryAcquire(String address) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > 10_000) {
            buckets.values().removeIf(bucket -> now - bucket.updatedAt > windowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(address, key -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }
}
