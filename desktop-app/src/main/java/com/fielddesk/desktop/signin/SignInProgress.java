package com.fielddesk.desktop.signin;

import java.util.Locale;
import java.util.Objects;

/**
 * One step of opening the console, for the sign-in screen's progress: which step, and how far it
 * is ({@code done} of {@code total}; total 0 when the step cannot say). The first start of the
 * Local demo runs them all — database, migrations, demo data, server, sign-in, first sync — and
 * takes about a minute, so each is shown with its count.
 *
 * @param detail what the step is working on right now ("work orders"), or ""
 */
public record SignInProgress(Step step, long done, long total, String detail) {

    public enum Step {
        STARTING_DATABASE("Starting the database", ""),
        APPLYING_MIGRATIONS("Applying migrations", ""),
        LOADING_DEMO_DATA("Loading demo data", "rows"),
        STARTING_SERVER("Starting the local server", ""),
        SIGNING_IN("Signing in", ""),
        REOPENING_SESSION("Reopening your session", ""),
        OPENING_COPY("Opening this computer's copy", ""),
        FIRST_SYNC("First sync", "tables");

        private final String label;
        private final String unit;

        Step(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        /** "Applying migrations". */
        public String label() {
            return label;
        }
    }

    public SignInProgress {
        Objects.requireNonNull(step);
        detail = detail == null ? "" : detail;
    }

    /** A step that cannot count (e.g. starting the database). */
    public static SignInProgress of(Step step) {
        return new SignInProgress(step, 0, 0, "");
    }

    public static SignInProgress counted(Step step, long done, long total) {
        return new SignInProgress(step, done, total, "");
    }

    /** The share of the step done (0–1), or -1 when it cannot say. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }

    /** "Applying migrations (7 of 13)…", "First sync: work orders (7 of 15 tables)…". */
    public String sentence() {
        StringBuilder text = new StringBuilder(step.label);
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        if (total > 0) {
            text.append(" (").append(grouped(done)).append(" of ").append(grouped(total));
            if (!step.unit.isEmpty()) {
                text.append(' ').append(step.unit);
            }
            text.append(')');
        }
        return text.append('…').toString();
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
