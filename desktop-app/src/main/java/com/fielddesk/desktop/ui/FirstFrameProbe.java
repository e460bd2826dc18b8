package com.fielddesk.desktop.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * For the cold-start benchmark: with -Dfielddesk.exitAfterFirstFrame=true, prints the time from
 * JVM start to the first frame laid out after the window is shown, then exits. Does nothing otherwise.
 */
public final class FirstFrameProbe {
    private FirstFrameProbe() {
    }

    public static void attach(Scene scene) {
        if (!Boolean.getBoolean("fielddesk.exitAfterFirstFrame")) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("first-frame-ms=" + sinceJvmStart);
            System.out.flush();
            Platform.exit();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }
}
