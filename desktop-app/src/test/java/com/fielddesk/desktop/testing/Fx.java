package com.fielddesk.desktop.testing;

import javafx.application.Platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads UI state on the FX thread and waits for conditions with a deadline (never a blind sleep). */
public final class Fx {
    private Fx() {
    }

    public static <T> T read(Callable<T> onFxThread) {
        if (Platform.isFxApplicationThread()) {
            try {
                return onFxThread.call();
            } catch (Exception e) {
                throw new IllegalStateException("Could not read the UI state", e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(onFxThread.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the UI state", e);
        }
    }

    public static void run(Runnable onFxThread) {
        read(() -> {
            onFxThread.run();
            return null;
        });
    }

    /** Waits until the condition (evaluated on the FX thread) holds; fails with the description at the deadline. */
    public static void waitUntil(String description, Duration deadline, Callable<Boolean> condition) {
        Instant end = Instant.now().plus(deadline);
        Throwable lastProblem = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(read(condition))) {
                    return;
                }
            } catch (IllegalStateException notThereYet) {
                // e.g. the screen that holds the node has not been shown yet
                lastProblem = notThereYet.getCause();
            }
            if (Instant.now().isAfter(end)) {
                ThreadDump.print(description);
                throw new AssertionError("Not true within " + deadline.toMillis() + " ms: " + description, lastProblem);
            }
            pause();
        }
    }

    /**
     * Waits until the value read on the FX thread satisfies {@code wanted}; at the deadline the failure
     * names the last value seen, so a flake says what the screen showed instead.
     */
    public static <T> void waitUntilValue(String description, Duration deadline, Callable<T> value,
                                          java.util.function.Predicate<T> wanted) {
        java.util.concurrent.atomic.AtomicReference<T> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            waitUntil(description, deadline, () -> {
                T now = value.call();
                last.set(now);
                return wanted.test(now);
            });
        } catch (AssertionError notInTime) {
            throw new AssertionError(notInTime.getMessage() + " (last seen: " + last.get() + ")", notInTime.getCause());
        }
    }

    /** Waits until the condition (evaluated on the calling thread, not the FX thread) holds; fails with the description at the deadline. */
    public static void awaitOffFx(String description, Duration deadline, java.util.function.BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                ThreadDump.print(description);
                throw new AssertionError("Not true within " + deadline.toMillis() + " ms: " + description);
            }
            pause();
        }
    }

    /** A short pause between checks of a condition, so polling does not starve the threads doing the work. */
    private static void pause() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    /** How long the condition took to hold, bounded by the deadline. */
    public static Duration timeUntil(String description, Duration deadline, Callable<Boolean> condition) {
        Instant start = Instant.now();
        waitUntil(description, deadline, condition);
        return Duration.between(start, Instant.now());
    }
}
