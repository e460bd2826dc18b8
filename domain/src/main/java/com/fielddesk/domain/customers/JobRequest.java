package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;
import com.fielddesk.domain.jobs.Priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a caller asks for, as phone intake writes it down: it becomes an unscheduled job. Checked
 * against the server's constraints on {@code work_orders} (title 1–200 characters, description
 * ≤ 5000, the trade and area notes go into the description).
 */
public record JobRequest(String title, String description, Priority priority, String tradeNotes) {

    public JobRequest {
        title = TextRules.clean(title);
        description = TextRules.clean(description);
        tradeNotes = TextRules.clean(tradeNotes);
        priority = Objects.requireNonNullElse(priority, Priority.NORMAL);
    }

    /** The description as stored: the caller's words, then the trade and area notes. */
    public String storedDescription() {
        if (tradeNotes == null) {
            return description;
        }
        return description == null ? "Trade / area: " + tradeNotes : description + "\n\nTrade / area: " + tradeNotes;
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        TextRules.required(errors, "title", "the job title", title, 200);
        TextRules.atMost(errors, "description", "the description", description, 4_900);
        TextRules.atMost(errors, "tradeNotes", "the trade and area notes", tradeNotes, 80);
        return errors;
    }
}
