package com.fielddesk.desktop.ui;

import javafx.scene.control.SplitPane;

/** Remembers where a person left a list-and-detail divider, under a key. */
public final class Dividers {

    /** A kept position outside these is a mistake (a hand-edited file): the screen's own default is used. */
    private static final double LEAST = 0.2;
    private static final double MOST = 0.85;

    private Dividers() {
    }

    /** Puts {@code split}'s first divider where it was left last time (or at {@code fallback}) and keeps its moves. */
    public static void remember(SplitPane split, String key, ViewSettings settings, double fallback) {
        double kept = settings.getDouble(key, fallback);
        split.setDividerPositions(kept > LEAST && kept < MOST ? kept : fallback);
        split.getDividers().get(0).positionProperty()
                .addListener((o, was, now) -> settings.put(key, Double.toString(now.doubleValue())));
    }
}
