package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.ui.BackgroundTasks;

/** Runs background work and UI callbacks on the calling thread, so ViewModel tests are sequential. */
public final class DirectExecutor {
    private DirectExecutor() {
    }

    public static BackgroundTasks tasks() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }
}
