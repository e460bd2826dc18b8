package com.fielddesk.domain.leads;

import com.fielddesk.domain.jobs.WorkOrderStatus;

import java.time.Instant;

/**
 * A lead this company claimed: now with the customer's contact details, and the job the claim
 * created (null until the cache has pulled it).
 */
public record ClaimedLead(LeadId id, Trade trade, String description, boolean emergency, String customerName,
                          String customerPhone, String customerEmail, String streetAddress, String city,
                          String postalCode, Instant claimedAt, Job job) {

    /** The job created by the claim. */
    public record Job(String workOrderId, Long number, WorkOrderStatus status) {
        public String describe() {
            return (number == null ? "Job (number pending)" : "Job #" + number) + " · " + status.label();
        }
    }
}
