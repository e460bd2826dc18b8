package com.fielddesk.localbackend;

import java.util.Objects;

/**
 * How far a start of local-backend is, for a progress bar: the phase, and within it {@code done}
 * of {@code total} (migration files, demo rows; total 0 when the phase cannot count). A first start
 * with demo data takes about a minute, most of it loading the demo rows.
 */
public record StartupProgress(Phase phase, long done, long total) {

    public enum Phase { RESETTING, STARTING_DATABASE, APPLYING_MIGRATIONS, LOADING_DEMO_DATA, STARTING_API, READY }

    public StartupProgress {
        Objects.requireNonNull(phase);
    }

    public static StartupProgress of(Phase phase) {
        return new StartupProgress(phase, 0, 0);
    }
}
