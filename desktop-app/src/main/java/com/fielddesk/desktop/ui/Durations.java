package com.fielddesk.desktop.ui;

import java.time.Duration;

/** Short human ages ("45 s", "12 min", "3 h 05 min", "2 d") for columns that tick. */
public final class Durations {
    private Durations() {
    }

    public static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format("%d h %02d min", hours, minutes % 60);
        }
        return (hours / 24) + " d";
    }
}
