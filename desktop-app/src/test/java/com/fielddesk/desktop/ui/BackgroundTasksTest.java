package com.fielddesk.desktop.ui;

import com.fielddesk.desktop.testing.QueuedExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-over to the UI thread, with the UI executor played by hand. */
class BackgroundTasksTest {

    private final QueuedExecutor background = new QueuedExecutor();
    private final QueuedExecutor ui = new QueuedExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(background, ui);

    @Test
    void aBusyUiThreadGetsOneHandOverThatAppliesOnlyTheNewestValue() {
        List<Integer> applied = new ArrayList<>();
        Consumer<Integer> feed = tasks.newestOnUi(applied::add);

        for (int status = 1; status <= 1_000; status++) {
            feed.accept(status);
        }
        assertThat(ui.size()).as("hand-overs waiting for the UI thread").isEqualTo(1);
        ui.runAll();
        assertThat(applied).containsExactly(1_000);

        feed.accept(1_001);
        assertThat(ui.size()).as("the next value is handed over again").isEqualTo(1);
        ui.runAll();
        assertThat(applied).containsExactly(1_000, 1_001);
    }

    @Test
    void aValueArrivingWhileTheHandOverRunsIsNotLost() {
        List<Integer> applied = new ArrayList<>();
        AtomicReference<Consumer<Integer>> feed = new AtomicReference<>();
        feed.set(tasks.newestOnUi(value -> {
            applied.add(value);
            if (value == 1) {
                feed.get().accept(2);      // e.g. the sync publishes again while the UI applies
            }
        }));
        feed.get().accept(1);
        ui.runAll();
        assertThat(applied).containsExactly(1, 2);
    }
}
