package com.fielddesk.desktop.shell;

/** A Ctrl+K hit among cached customers, leads and jobs. */
public record SearchResult(Kind kind, String id, String title, String subtitle) {

    public enum Kind {
        CUSTOMER("Customer", false), LEAD("Lead", true), JOB("Job", false);

        private final String label;
        private final boolean hasScreen;

        Kind(String label, boolean hasScreen) {
            this.label = label;
            this.hasScreen = hasScreen;
        }

        public String label() {
            return label;
        }

        /** Whether the console has a section that can open this kind (customers and jobs do not yet). */
        public boolean hasScreen() {
            return hasScreen;
        }
    }

    @Override
    public String toString() {
        return kind.label() + " · " + title + (subtitle.isBlank() ? "" : " — " + subtitle);
    }
}
