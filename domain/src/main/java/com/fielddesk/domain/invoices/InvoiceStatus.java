package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** An invoice's life: draft → issued → paid, or void (final). */
public final class InvoiceStatus extends CodedValue {

    private static final Vocabulary<InvoiceStatus> VOCABULARY = new Vocabulary<>(InvoiceStatus::new);

    public static final InvoiceStatus DRAFT = VOCABULARY.known("draft", "Draft");
    public static final InvoiceStatus ISSUED = VOCABULARY.known("issued", "Issued");
    public static final InvoiceStatus PAID = VOCABULARY.known("paid", "Paid");
    public static final InvoiceStatus VOID = VOCABULARY.known("void", "Void");

    private InvoiceStatus(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static InvoiceStatus fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<InvoiceStatus> values() {
        return VOCABULARY.values();
    }
}
