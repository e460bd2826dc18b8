package com.fielddesk.supabase.http;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1));

    @RepeatedTest(20)
    void delaysGrowExponentiallyWithJitterBetweenHalfAndFull() {
        assertThat(policy.delayAfter(1, null).toMillis()).isBetween(50L, 100L);
        assertThat(policy.delayAfter(2, null).toMillis()).isBetween(100L, 200L);
        assertThat(policy.delayAfter(3, null).toMillis()).isBetween(200L, 400L);
        assertThat(policy.delayAfter(10, null).toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        assertThat(policy.delayAfter(1, Duration.ofMillis(700))).isEqualTo(Duration.ofMillis(700));
        assertThat(policy.delayAfter(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void atLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
