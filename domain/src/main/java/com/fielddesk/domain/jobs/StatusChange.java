package com.fielddesk.domain.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a work order's status history, as the server recorded it (who, when, from → to).
 *
 * @param field   "status" for a job's status, "quote_status" for a quote's
 * @param from    empty for the first status
 * @param changedBy the person's name, or empty when no person made the change or this computer does not know them
 * @param byPerson  whether a person made it; false when the server did with no one signed in (demo data, a
 *                  server-side job), which is not the same as a person this computer's copy does not name
 * @param reason    why, for a move to canceled (the reason the person gave)
 */
public record StatusChange(String field, Optional<String> from, String to, Optional<String> changedBy, boolean byPerson,
                           Instant changedAt, Optional<String> reason) {

    /**
     * "Scheduled → Dispatched" for a job's status, "Quote: Draft → Sent" for a quote's, "Stage: Quote →
     * Job" when a quote became a job — labels for known codes, unknown codes as they are; a cancel
     * says why ("Scheduled → Canceled: customer moved away").
     */
    public String describe() {
        String change = from.map(code -> label(code) + " → " + label(to)).orElse(label(to))
                + reason.map(why -> ": " + why).orElse("");
        return switch (field) {
            case "status" -> change;
            case "quote_status" -> "Quote: " + change;
            default -> {
                String words = field.replace('_', ' ');
                yield words.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + words.substring(1) + ": " + change;
            }
        };
    }

    private String label(String code) {
        return switch (field) {
            case "quote_status" -> QuoteStatus.fromCode(code).label();
            case "stage" -> WorkOrderStage.fromCode(code).label();
            default -> WorkOrderStatus.fromCode(code).label();
        };
    }
}
