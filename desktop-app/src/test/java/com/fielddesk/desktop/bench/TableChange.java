package com.fielddesk.desktop.bench;

import com.fielddesk.desktop.testing.Fx;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times one filter change of a list screen, as a person makes it: from the change on the FX thread
 * until the table shows its new rows, laid out. Then it waits (at most 2 s) for the screen's count
 * or totals line, which is read after the rows, so the next change is not queued behind this one.
 */
final class TableChange {

    /** Wall time from the change to the laid-out table, and the FX thread's CPU time in between (steadier under load). */
    record Took(double wallMs, double fxCpuMs) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TableChange() {
    }

    /** @param followerSelector the line read after the rows (e.g. {@code #jobs-count}) */
    static Took measure(Scene scene, TableView<?> table, String followerSelector, Runnable change) throws Exception {
        Thread.sleep(50);
        String followerBefore = Fx.read(() -> ((Labeled) scene.lookup(followerSelector)).getText());
        CompletableFuture<Took> done = new CompletableFuture<>();
        long[] start = new long[2];
        Fx.run(() -> {
            ListChangeListener<Object> listener = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<?> rows) {
                    table.getItems().removeListener(this);
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        done.complete(new Took((System.nanoTime() - start[0]) / 1e6,
                                (THREADS.getCurrentThreadCpuTime() - start[1]) / 1e6));
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                    Platform.requestNextPulse();
                }
            };
            @SuppressWarnings("unchecked")
            javafx.collections.ObservableList<Object> items = (javafx.collections.ObservableList<Object>) table.getItems();
            items.addListener(listener);
            start[1] = THREADS.getCurrentThreadCpuTime();
            start[0] = System.nanoTime();
            change.run();
        });
        Took took = done.get(30, TimeUnit.SECONDS);
        long followerDeadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < followerDeadline
                && followerBefore.equals(Fx.read(() -> ((Labeled) scene.lookup(followerSelector)).getText()))) {
            Thread.sleep(5);
        }
        return took;
    }
}
