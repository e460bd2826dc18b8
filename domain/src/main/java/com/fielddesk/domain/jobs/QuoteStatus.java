package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** A quote's status (server check work_order_quote_status_is_valid). */
public final class QuoteStatus extends CodedValue {

    private static final Vocabulary<QuoteStatus> VOCABULARY = new Vocabulary<>(QuoteStatus::new);

    public static final QuoteStatus DRAFT = VOCABULARY.known("draft", "Draft");
    public static final QuoteStatus SENT = VOCABULARY.known("sent", "Sent");
    public static final QuoteStatus ACCEPTED = VOCABULARY.known("accepted", "Accepted");
    public static final QuoteStatus DECLINED = VOCABULARY.known("declined", "Declined");
    public static final QuoteStatus EXPIRED = VOCABULARY.known("expired", "Expired");

    private QuoteStatus(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static QuoteStatus fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<QuoteStatus> values() {
        return VOCABULARY.values();
    }
}
