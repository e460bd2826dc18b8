package com.fielddesk.domain.leads;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** Where a customer's request is: open → claimed → converted, or open → expired | withdrawn. */
public final class ServiceRequestStatus extends CodedValue {

    private static final Vocabulary<ServiceRequestStatus> VOCABULARY =
            new Vocabulary<>(ServiceRequestStatus::new);

    public static final ServiceRequestStatus OPEN = VOCABULARY.known("open", "Open");
    public static final ServiceRequestStatus CLAIMED = VOCABULARY.known("claimed", "Claimed");
    public static final ServiceRequestStatus CONVERTED = VOCABULARY.known("converted", "Converted");
    public static final ServiceRequestStatus EXPIRED = VOCABULARY.known("expired", "Expired");
    public static final ServiceRequestStatus WITHDRAWN = VOCABULARY.known("withdrawn", "Withdrawn");

    private ServiceRequestStatus(String code, String label, boolean known) {
        super(code, label, known);
    }

    public static ServiceRequestStatus fromCode(String code) {
        return VOCABULARY.of(code);
    }

    public static List<ServiceRequestStatus> values() {
        return VOCABULARY.values();
    }
}
