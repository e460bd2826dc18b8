package com.fielddesk.domain.invoices;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** How a manual payment was taken (no payment gateway: the money moved elsewhere). */
public final class PaymentMethod extends CodedValue {

    private static final Vocabulary<PaymentMethod> VOCABULARY = new Vocabulary<>(PaymentMethod::new);

    public static final PaymentMethod CASH = VOCABULARY.known("cash", "Cash");
    public static final PaymentMethod CHECK = VOCABULARY.known("check", "Check");
    public static final PaymentMethod CARD = VOCABULARY.known("card", "Card");
    public static final PaymentMethod BANK_TRANSFER = VOCABULARY.known("bank_transfer", "Bank transfer");

    private PaymentMethod(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static PaymentMethod fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<PaymentMethod> values() {
        return VOCABULARY.values();
    }
}
