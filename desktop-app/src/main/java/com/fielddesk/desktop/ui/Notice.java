package com.fielddesk.desktop.ui;

import java.util.Objects;
import java.util.Optional;

/**
 * One message for the user, the console's only kind: what sort of news it is, one plain sentence,
 * optionally the technical details (for the log and a "Details" line, never the headline) and one
 * thing the user can do about it.
 */
public record Notice(Kind kind, String sentence, Optional<String> details, Optional<Action> action) {

    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    /** A button on the notice: its label and what it does (runs on the FX thread). */
    public record Action(String label, Runnable run) {
        public Action {
            Objects.requireNonNull(label);
            Objects.requireNonNull(run);
        }
    }

    public Notice {
        Objects.requireNonNull(kind);
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("A notice needs a sentence");
        }
        details = details == null ? Optional.empty() : details.filter(text -> !text.isBlank());
        action = action == null ? Optional.empty() : action;
    }

    public static Notice info(String sentence) {
        return new Notice(Kind.INFO, sentence, Optional.empty(), Optional.empty());
    }

    public static Notice success(String sentence) {
        return new Notice(Kind.SUCCESS, sentence, Optional.empty(), Optional.empty());
    }

    public static Notice warning(String sentence) {
        return new Notice(Kind.WARNING, sentence, Optional.empty(), Optional.empty());
    }

    public static Notice error(String sentence) {
        return new Notice(Kind.ERROR, sentence, Optional.empty(), Optional.empty());
    }

    public Notice withDetails(String technicalDetails) {
        return new Notice(kind, sentence, Optional.ofNullable(technicalDetails), action);
    }

    public Notice withAction(String label, Runnable run) {
        return new Notice(kind, sentence, details, Optional.of(new Action(label, run)));
    }

    /** The same news said about something: "Could not read the lead pool. " + this sentence. */
    public Notice prefixed(String lead) {
        return new Notice(kind, lead + " " + sentence, details, action);
    }

    /** Whether the user must notice it (a warning or an error) rather than only read it. */
    public boolean isProblem() {
        return kind == Kind.WARNING || kind == Kind.ERROR;
    }
}
