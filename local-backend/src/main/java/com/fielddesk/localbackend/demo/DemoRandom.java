package com.fielddesk.localbackend.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A seeded random source with the few draws the generator needs. Each part of the dataset gets
 * its own stream (seed + part name), so changing how one part draws leaves the others unchanged.
 */
final class DemoRandom {

    private final SplittableRandom random;

    DemoRandom(long seed, String part) {
        this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + part.hashCode());
    }

    /** A version-4 UUID drawn from this stream (not from the database), so ids repeat with the seed. */
    UUID uuid() {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    int between(int lowInclusive, int highInclusive) {
        return random.nextInt(lowInclusive, highInclusive + 1);
    }

    long between(long lowInclusive, long highInclusive) {
        return random.nextLong(lowInclusive, highInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks a value by integer weights (same order as values). */
    <T> T weighted(List<T> values, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** Money between the bounds, in whole dollars or half dollars. */
    BigDecimal dollars(int low, int high) {
        return BigDecimal.valueOf(between(low * 2, high * 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.UNNECESSARY);
    }

    /** Shuffles in place (Fisher–Yates) with this stream. */
    <T> void shuffle(List<T> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }
}
