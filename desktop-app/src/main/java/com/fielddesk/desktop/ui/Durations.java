package com.fielddesk.desktop.ui;

import java.util.Locale;
import java.time.Duration;

/** Short human ages ("45s", "12m", "3h 05m", "2d") for columns that tick. */
public final class Durations {
    private Durations() {
    }

    public static String age(Duration age) {
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return String.format(Locale.ROOT, "%dh %02dm", hours, minutes % 60);
        }
        return (hours / 24) + "d";
    }
}
