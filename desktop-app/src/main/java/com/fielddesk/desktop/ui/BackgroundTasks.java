package com.fielddesk.desktop.ui;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one boundary between background work and the UI thread: work runs on the background
 * executor, and its result (or failure) is handed to the UI executor, so ViewModels only ever
 * change properties on the FX thread. Tests pass a same-thread executor for both.
 */
public final class BackgroundTasks {

    private final Executor background;
    private final Executor ui;

    public BackgroundTasks(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Runs {@code work} off the UI thread; exactly one of the callbacks then runs on the UI thread. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        background.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            }
            ui.execute(() -> onSuccess.accept(result));
        });
    }

    /** Hands a notification from any thread (cache listener, sync status) to the UI thread. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }
}
