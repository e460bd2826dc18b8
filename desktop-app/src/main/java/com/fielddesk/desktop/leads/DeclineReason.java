package com.fielddesk.desktop.leads;

import java.util.Locale;

/** Why a company declines a lead (server list, see decline_service_request). */
public enum DeclineReason {
    TOO_FAR("Too far away"),
    FULLY_BOOKED("Fully booked"),
    OUTSIDE_EXPERTISE("Outside our expertise"),
    NOT_WORTH_IT("Not worth it"),
    SUSPECTED_SPAM("Looks like spam"),
    OTHER("Other");

    private final String label;

    DeclineReason(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
