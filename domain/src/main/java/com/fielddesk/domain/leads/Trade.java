package com.fielddesk.domain.leads;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** The trades a lead asks for and a company serves (server check: hvac | plumbing | electrical). */
public final class Trade extends CodedValue {

    private static final Vocabulary<Trade> VOCABULARY = new Vocabulary<>(Trade::new);

    public static final Trade HVAC = VOCABULARY.known("hvac", "HVAC");
    public static final Trade PLUMBING = VOCABULARY.known("plumbing", "Plumbing");
    public static final Trade ELECTRICAL = VOCABULARY.known("electrical", "Electrical");

    private Trade(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The trade of a stored code; an unknown code is kept and shown as-is. */
    public static Trade fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known trades, for pick lists. */
    public static List<Trade> values() {
        return VOCABULARY.values();
    }
}
