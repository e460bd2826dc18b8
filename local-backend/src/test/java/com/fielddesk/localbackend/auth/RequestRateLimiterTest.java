package com.fielddesk.localbackend.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRateLimiterTest {

    private final AtomicLong clock = new AtomicLong();
    private final RequestRateLimiter limiter = new RequestRateLimiter(30, Duration.ofMinutes(5), clock::get);

    @Test
    void aBurstOfTheLimitPassesAndTheNextIsRefused() {
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).as("request " + (i + 1)).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        for (int i = 0; i < 30; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        assertThat(limiter.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void theAllowanceRefillsAtTheLimitPerWindow() {
        for (int i = 0; i < 30; i++) {
            limiter.tryAcquire("10.0.0.1");
        }
        clock.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(limiter.tryAcquire("10.0.0.1")).as("after 9 s, less than one request has refilled").isFalse();
        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.tryAcquire("10.0.0.1")).as("30 per 300 s is one per 10 s").isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1")).isFalse();
        clock.addAndGet(Duration.ofMinutes(10).toNanos());
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire("10.0.0.1")).isTrue();
        }
        assertThat(limiter.tryAcquire("10.0.0.1")).as("the bucket holds no more than the limit").isFalse();
    }
}
