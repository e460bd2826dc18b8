package com.fielddesk.domain.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a work order's status history, as the server recorded it (who, when, from → to).
 *
 * @param field   "status" for a job's status, "quote_status" for a quote's
 * @param from    empty for the first status
 * @param changedBy the person's name, or empty when this computer does not know them
 */
public record StatusChange(String field, Optional<String> from, String to, Optional<String> changedBy, Instant changedAt) {

    /** "Scheduled → Dispatched", with the labels of known statuses and unknown codes as they are. */
    public String describe() {
        boolean quote = "quote_status".equals(field);
        String toLabel = quote ? QuoteStatus.fromCode(to).label() : WorkOrderStatus.fromCode(to).label();
        return from.map(code -> (quote ? QuoteStatus.fromCode(code).label() : WorkOrderStatus.fromCode(code).label())
                + " → " + toLabel).orElse(toLabel);
    }
}
