package com.fielddesk.domain.leads;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** Why a company declines a lead (the server's list, see {@code decline_service_request}). */
public final class DeclineReason extends CodedValue {

    private static final Vocabulary<DeclineReason> VOCABULARY =
            new Vocabulary<>(DeclineReason::new);

    public static final DeclineReason TOO_FAR = VOCABULARY.known("too_far", "Too far away");
    public static final DeclineReason FULLY_BOOKED = VOCABULARY.known("fully_booked", "Fully booked");
    public static final DeclineReason OUTSIDE_EXPERTISE =
            VOCABULARY.known("outside_expertise", "Outside our expertise");
    public static final DeclineReason NOT_WORTH_IT = VOCABULARY.known("not_worth_it", "Not worth it");
    public static final DeclineReason SUSPECTED_SPAM = VOCABULARY.known("suspected_spam", "Looks like spam");
    public static final DeclineReason OTHER = VOCABULARY.known("other", "Other");

    private DeclineReason(String code, String label, boolean known) {
        super(code, label, known);
    }

    public static DeclineReason fromCode(String code) {
        return VOCABULARY.of(code);
    }

    public static List<DeclineReason> values() {
        return VOCABULARY.values();
    }
}
