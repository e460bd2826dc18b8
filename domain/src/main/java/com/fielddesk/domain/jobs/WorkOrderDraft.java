package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.TextRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The fields of a new quote or job, or of one being edited, checked like the server's constraints
 * (work_orders: title 1–200 characters, description at most 5,000, a window that ends after it
 * starts, a total of numeric(12, 2) that is not negative) so a problem shows beside its field
 * before anything is queued.
 *
 * @param total the quote's total (a job keeps the total of the quote it came from)
 */
public record WorkOrderDraft(CustomerId customer, Optional<UUID> address, String title, String description,
                             Priority priority, Optional<UUID> technician, Optional<Instant> windowStart,
                             Optional<Instant> windowEnd, BigDecimal total) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 5_000;
    /** numeric(12, 2): ten digits before the point. */
    private static final BigDecimal TOTAL_LIMIT = new BigDecimal("10000000000");

    /** A draft without a total (a job, or a quote not priced yet). */
    public WorkOrderDraft(CustomerId customer, Optional<UUID> address, String title, String description, Priority priority,
                          Optional<UUID> technician, Optional<Instant> windowStart, Optional<Instant> windowEnd) {
        this(customer, address, title, description, priority, technician, windowStart, windowEnd, BigDecimal.ZERO);
    }

    public WorkOrderDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(address);
        title = TextRules.clean(title);
        description = TextRules.clean(description);
        priority = priority == null ? Priority.NORMAL : priority;
        Objects.requireNonNull(technician);
        Objects.requireNonNull(windowStart);
        Objects.requireNonNull(windowEnd);
        total = total == null ? BigDecimal.ZERO : total;
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
        if (total.signum() < 0) {
            problems.add(new FieldError("total", "The total cannot be negative."));
        } else if (total.scale() > 2 && total.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldError("total", "The total has at most two decimals (cents)."));
        } else if (total.compareTo(TOTAL_LIMIT) >= 0) {
            problems.add(new FieldError("total", "The total must be less than 10,000,000,000."));
        }
        return problems;
    }

    /** Whether the draft has a scheduled window. */
    public boolean scheduled() {
        return windowStart.isPresent() && windowEnd.isPresent();
    }
}
