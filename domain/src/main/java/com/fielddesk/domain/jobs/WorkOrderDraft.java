package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fields of a new quote or job, or of one being edited, checked like the server's constraints
 * (work_orders: title 1–200 characters, description at most 5,000, a window that ends after it
 * starts) so a problem shows beside its field before anything is queued.
 */
public record WorkOrderDraft(CustomerId customer, Optional<UUID> address, String title, String description,
                             Priority priority, Optional<UUID> technician, Optional<Instant> windowStart,
                             Optional<Instant> windowEnd) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 5_000;

    public WorkOrderDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(address);
        title = TextRules.clean(title);
        description = TextRules.clean(description);
        priority = priority == null ? Priority.NORMAL : priority;
        Objects.requireNonNull(technician);
        Objects.requireNonNull(windowStart);
        Objects.requireNonNull(windowEnd);
    }

    /** Every problem, one per field, in the form's order; empty when the server would accept the fields. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "title", "A title", title, TITLE_MAX);
        TextRules.atMost(problems, "description", "The description", description, DESCRIPTION_MAX);
        if (!priority.isKnown()) {
            problems.add(new FieldError("priority", "Pick a priority: low, normal, high or emergency."));
        }
        if (windowStart.isPresent() != windowEnd.isPresent()) {
            problems.add(new FieldError(windowStart.isPresent() ? "windowEnd" : "windowStart",
                    "A window needs both a start and an end."));
        } else if (windowStart.isPresent() && !windowEnd.get().isAfter(windowStart.get())) {
            problems.add(new FieldError("windowEnd", "The window must end after it starts."));
        }
        return problems;
    }

    /** Whether the draft has a scheduled window. */
    public boolean scheduled() {
        return windowStart.isPresent() && windowEnd.isPresent();
    }
}
