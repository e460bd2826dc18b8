package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CustomerId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a jobs or quotes list, the columns a dispatcher needs. The number is empty until the
 * server numbers the work order; {@code quoteStatus} is set for quotes, {@code status} for jobs;
 * {@code total} is the quoted amount (empty when none was entered).
 */
public record WorkOrderSummary(WorkOrderId id, Optional<Long> number, WorkOrderStage stage, String title,
                               CustomerId customerId, String customerName, Optional<String> city,
                               Optional<Instant> windowStart, Optional<Instant> windowEnd,
                               Optional<UUID> technicianId, Optional<String> technicianName, Optional<String> technicianColor,
                               Optional<WorkOrderStatus> status, Optional<QuoteStatus> quoteStatus, Priority priority,
                               Optional<Instant> createdAt, boolean pending, Optional<com.fielddesk.domain.common.Money> total) {

    /** "Job #42", "Quote #7", or "New job" before the server numbered it. */
    public String describe() {
        String kind = WorkOrderStage.QUOTE.equals(stage) ? "Quote" : "Job";
        return number.map(n -> kind + " #" + n).orElse("New " + kind.toLowerCase(java.util.Locale.ROOT));
    }

    /** The same row shown with another job status (e.g. where the server still has it after a refused move). */
    public WorkOrderSummary withStatus(WorkOrderStatus shown) {
        return new WorkOrderSummary(id, number, stage, title, customerId, customerName, city, windowStart, windowEnd,
                technicianId, technicianName, technicianColor, Optional.of(shown), quoteStatus, priority, createdAt, pending,
                total);
    }

    /**
     * The same row shown with another technician and window (e.g. where the server still has it
     * after a refused board move); the technician's colour is unknown there and left out.
     */
    public WorkOrderSummary withSchedule(Optional<UUID> technician, Optional<String> technicianShownName,
                                         Optional<Instant> start, Optional<Instant> end) {
        return new WorkOrderSummary(id, number, stage, title, customerId, customerName, city, start, end, technician,
                technicianShownName, technician.equals(technicianId) ? technicianColor : Optional.empty(), status, quoteStatus,
                priority, createdAt, pending, total);
    }
}
