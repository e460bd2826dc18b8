package com.fielddesk.desktop.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs an action on the FX thread once the frames now being built have been painted. A pulse lays
 * out and hands the frame to the render thread; the action waits two more pulses, so whatever it
 * signals (a window title that says "Leads") is true of what the user already sees.
 */
public final class AfterFramesShown {

    private static final int FRAMES = 2;

    private AfterFramesShown() {
    }

    public static void run(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses > FRAMES) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
