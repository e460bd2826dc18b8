package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** How much of an invoice is paid (computed by the server from its payments). */
public final class PaymentStatus extends CodedValue {

    private static final Vocabulary<PaymentStatus> VOCABULARY = new Vocabulary<>(PaymentStatus::new);

    public static final PaymentStatus UNPAID = VOCABULARY.known("unpaid", "Unpaid");
    public static final PaymentStatus PARTIAL = VOCABULARY.known("partial", "Partly paid");
    public static final PaymentStatus PAID = VOCABULARY.known("paid", "Paid");

    private PaymentStatus(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static PaymentStatus fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<PaymentStatus> values() {
        return VOCABULARY.values();
    }
}
