package com.fielddesk.desktop.shell;

/** A Ctrl+K hit among cached customers, leads and jobs. */
public record SearchResult(Kind kind, String id, String title, String subtitle) {

    public enum Kind {
        CUSTOMER("Customer"), LEAD("Lead"), JOB("Job");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return kind.label() + " · " + title + (subtitle.isBlank() ? "" : " — " + subtitle);
    }
}
