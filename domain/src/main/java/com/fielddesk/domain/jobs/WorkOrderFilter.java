package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CustomerId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a jobs or quotes list shows: every part narrows the list, empty parts do not. Days are
 * the company's days ({@link com.fielddesk.domain.common.CompanyZone}): a job scheduled at 23:30
 * company time belongs to that day wherever the computer is.
 *
 * @param stage      jobs or quotes (empty: both)
 * @param statuses   the job statuses to show (empty: all)
 * @param technician who it is assigned to (empty: anyone or no one)
 * @param unassignedOnly only work orders without a technician
 * @param firstDay   scheduled start on or after this company day
 * @param lastDay    scheduled start on or before this company day
 * @param customer   one customer's work orders
 * @param priorities the priorities to show (empty: all)
 * @param text       in the title or the customer's name, or the number
 * @param quoteStatuses the quote statuses to show (empty: all)
 */
public record WorkOrderFilter(Optional<WorkOrderStage> stage, Set<WorkOrderStatus> statuses, Optional<UUID> technician,
                              boolean unassignedOnly, Optional<LocalDate> firstDay, Optional<LocalDate> lastDay,
                              Optional<CustomerId> customer, Set<Priority> priorities, String text,
                              Set<QuoteStatus> quoteStatuses) {

    public WorkOrderFilter {
        Objects.requireNonNull(stage);
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(technician);
        Objects.requireNonNull(firstDay);
        Objects.requireNonNull(lastDay);
        Objects.requireNonNull(customer);
        priorities = Set.copyOf(priorities);
        text = text == null ? "" : text.strip();
        quoteStatuses = Set.copyOf(quoteStatuses);
    }

    /** Every work order. */
    public static WorkOrderFilter all() {
        return new WorkOrderFilter(Optional.empty(), Set.of(), Optional.empty(), false, Optional.empty(),
                Optional.empty(),
                Optional.empty(), Set.of(), "", Set.of());
    }

    /** Every job (the Jobs list before any filter). */
    public static WorkOrderFilter jobs() {
        return all().withStage(WorkOrderStage.JOB);
    }

    /** Every quote. */
    public static WorkOrderFilter quotes() {
        return all().withStage(WorkOrderStage.QUOTE);
    }

    public WorkOrderFilter withStage(WorkOrderStage value) {
        return new WorkOrderFilter(Optional.of(value), statuses, technician, unassignedOnly, firstDay, lastDay,
                customer,
                priorities, text, quoteStatuses);
    }

    public WorkOrderFilter withStatuses(Set<WorkOrderStatus> value) {
        return new WorkOrderFilter(stage, value, technician, unassignedOnly, firstDay, lastDay, customer,
                priorities, text, quoteStatuses);
    }

    public WorkOrderFilter withTechnician(UUID value) {
        return new WorkOrderFilter(stage, statuses, Optional.of(value), false, firstDay, lastDay, customer,
                priorities, text, quoteStatuses);
    }

    public WorkOrderFilter unassigned() {
        return new WorkOrderFilter(stage, statuses, Optional.empty(), true, firstDay, lastDay, customer,
                priorities, text, quoteStatuses);
    }

    /** Scheduled to start on or after this company day (empty: no lower bound). */
    public WorkOrderFilter from(Optional<LocalDate> first) {
        if (first.isPresent() && lastDay.isPresent() && lastDay.get().isBefore(first.get())) {
            throw new IllegalArgumentException("The last day " + lastDay.get() + " is before the first " + first.get());
        }
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, first, lastDay, customer,
                priorities, text, quoteStatuses);
    }

    /** Scheduled to start on or before this company day (empty: no upper bound). */
    public WorkOrderFilter until(Optional<LocalDate> last) {
        if (last.isPresent() && firstDay.isPresent() && last.get().isBefore(firstDay.get())) {
            throw new IllegalArgumentException("The last day " + last.get() + " is before the first " + firstDay.get());
        }
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, firstDay, last, customer,
                priorities, text, quoteStatuses);
    }

    /** Scheduled to start on one of these company days (inclusive). */
    public WorkOrderFilter withDays(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The last day " + last + " is before the first " + first);
        }
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, Optional.of(first), Optional.of(last),
                customer, priorities, text, quoteStatuses);
    }

    public WorkOrderFilter withCustomer(CustomerId value) {
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, firstDay, lastDay, Optional.of(value),
                priorities, text, quoteStatuses);
    }

    public WorkOrderFilter withPriorities(Set<Priority> value) {
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, firstDay, lastDay, customer,
                value, text, quoteStatuses);
    }

    public WorkOrderFilter withText(String value) {
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, firstDay, lastDay, customer,
                priorities, value, quoteStatuses);
    }

    public WorkOrderFilter withQuoteStatuses(Set<QuoteStatus> value) {
        return new WorkOrderFilter(stage, statuses, technician, unassignedOnly, firstDay, lastDay, customer,
                priorities, text,
                value);
    }
}
