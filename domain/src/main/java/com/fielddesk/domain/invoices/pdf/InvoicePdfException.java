package com.fielddesk.domain.invoices.pdf;

/** The PDF of an invoice could not be made; nothing was written. */
public final class InvoicePdfException extends RuntimeException {

    public InvoicePdfException(String sentence, Throwable cause) {
        super(sentence, cause);
    }

    /** Why, as the sentence a person reads. */
    public String sentence() {
        return getMessage();
    }
}
