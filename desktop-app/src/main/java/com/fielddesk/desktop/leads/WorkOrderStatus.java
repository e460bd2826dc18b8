package com.fielddesk.desktop.leads;

import java.util.Locale;

/** A job's status (server check work_order_status_is_valid). */
public enum WorkOrderStatus {
    UNSCHEDULED, SCHEDULED, DISPATCHED, EN_ROUTE, ON_SITE, COMPLETED, CANCELED;

    public static WorkOrderStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public String label() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
