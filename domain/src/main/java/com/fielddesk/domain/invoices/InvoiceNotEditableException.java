package com.fielddesk.domain.invoices;

/** What the invoice's state does not allow (edit an issued invoice, pay a void one); nothing was queued. */
public final class InvoiceNotEditableException extends RuntimeException {

    public InvoiceNotEditableException(String message) {
        super(message);
    }

    /** Why, as the sentence a person reads (written for them, unlike most exception messages). */
    public String sentence() {
        return getMessage();
    }
}
