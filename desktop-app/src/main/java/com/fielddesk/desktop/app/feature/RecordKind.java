package com.fielddesk.desktop.app.feature;

import java.util.Locale;

/** The kinds of record a section can open by id (from Ctrl+K search, a link or a notification). */
public enum RecordKind {
    CUSTOMER("Customer", "Customers"), LEAD("Lead", "Leads"), JOB("Job", "Jobs"), QUOTE("Quote", "Quotes"), INVOICE("Invoice", "Invoices"),
    MESSAGE_THREAD("Message thread", "Message threads"),
    /** "Invoice this job": the id is the job's; the invoices section opens a new invoice for it. */
    JOB_TO_INVOICE("Job to invoice", "Jobs to invoice"),
    /**
     * "History": the id is the customer's, job's or invoice's; the audit log opens filtered to that
     * one record (a section offers it only when {@code navigator.canOpen(...)}: supervisors and admins).
     */
    CUSTOMER_HISTORY("Customer history", "Customer histories"), JOB_HISTORY("Job history", "Job histories"),
    INVOICE_HISTORY("Invoice history", "Invoice histories");

    private final String label;
    private final String plural;

    RecordKind(String label, String plural) {
        this.label = label;
        this.plural = plural;
    }

    /** "Customers", a heading over several. */
    public String plural() {
        return plural;
    }

    /** "Customer". */
    public String label() {
        return label;
    }

    /** "customer", for the middle of a sentence. */
    public String noun() {
        return label.toLowerCase(Locale.ROOT);
    }
}
