package com.fielddesk.desktop.shell;

/** The console's sections that work today; later issues add jobs, messages, invoices, audit, settings. */
public enum Section {
    LEADS("Leads", "Sales");

    private final String title;
    private final String group;

    Section(String title, String group) {
        this.title = title;
        this.group = group;
    }

    public String title() {
        return title;
    }

    public String group() {
        return group;
    }
}
