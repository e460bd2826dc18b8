package com.fielddesk.desktop.shell;

import org.slf4j.Logger;

import java.util.List;
import java.util.function.Consumer;

/**
 * A background read asked for after each change, run one at a time: a request while a read runs
 * means exactly one more read after it (however many changes came meanwhile). Used on the FX
 * thread only; {@code read} starts the read and calls the runnable it is given when it is over.
 */
final class CoalescedReads {

    private final Consumer<Runnable> read;
    private boolean reading;
    private boolean again;

    CoalescedReads(Consumer<Runnable> read) {
        this.read = read;
    }

    void request() {
        if (reading) {
            again = true;
            return;
        }
        reading = true;
        read.accept(this::finished);
    }

    private void finished() {
        reading = false;
        if (again) {
            again = false;
            request();
        }
    }

    /** Closes change subscriptions; a failure to close one is logged and the rest still close. */
    static void closeAll(List<AutoCloseable> subscriptions, Logger log) {
        subscriptions.forEach(subscription -> {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing a change subscription failed", e);
            }
        });
        subscriptions.clear();
    }
}
