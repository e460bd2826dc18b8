package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.Money;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One work order as its detail screen shows it: the list's columns, plus what is edited there and
 * the service address as one line, the quote total, and the status history, oldest first.
 */
public record WorkOrderDetail(WorkOrderSummary summary, Optional<String> description, Optional<UUID> addressId,
                              Optional<String> addressLine, Money total, List<StatusChange> history) {

    public WorkOrderId id() {
        return summary.id();
    }

    public CustomerId customerId() {
        return summary.customerId();
    }
}
