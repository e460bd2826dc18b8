package com.fielddesk.domain.invoices;

/** The invoices list's orders; each ends on the id, so pages never skip or repeat a row. */
public enum InvoiceSort {
    /** Highest number first; drafts (not numbered yet) first of all. */
    NUMBER,
    /** Newest first; one created here and not yet confirmed is the newest. */
    NEWEST,
    /** Earliest due date first; invoices without one (drafts) last. */
    DUE_DATE
}
