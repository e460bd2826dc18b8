package com.fielddesk.desktop.ui;

import org.kordamp.ikonli.Ikon;

import java.util.Objects;

/**
 * How a status shows in a table or a detail: its words, an icon and a tone. The words are always
 * there, so a status never rests on colour alone (colour-blind users, grey-scale printouts).
 */
public record StatusBadge(String text, Ikon icon, Tone tone) {

    /** The tone's colour comes from the theme (fielddesk.css {@code .fd-badge-*}). */
    public enum Tone {
        NEUTRAL("fd-badge-neutral"), ACCENT("fd-badge-accent"), SUCCESS("fd-badge-success"),
        WARNING("fd-badge-warning"), DANGER("fd-badge-danger");

        private final String styleClass;

        Tone(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public StatusBadge {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A status badge needs words, not only a colour");
        }
        Objects.requireNonNull(tone);
    }
}
