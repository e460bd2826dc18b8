package com.fielddesk.domain.customers;

import com.fielddesk.domain.jobs.QuoteStatus;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * A quote or job of a customer, as the customer's screen lists it.
 *
 * @param number         the server's number; empty until the server numbered it (written offline)
 * @param quoteStatus    for a quote; null for a job
 * @param scheduledStart empty while unscheduled
 */
public record CustomerJob(WorkOrderId id, Optional<Long> number, String title, WorkOrderStage stage,
                          WorkOrderStatus status, QuoteStatus quoteStatus, Optional<Instant> scheduledStart,
                          boolean pending) {

    /** "Scheduled", or for a quote its quote status ("Sent"). */
    public String statusLabel() {
        return stage.equals(WorkOrderStage.QUOTE) && quoteStatus != null ? quoteStatus.label() : status.label();
    }
}
