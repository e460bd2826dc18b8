package com.fielddesk.desktop.app.feature;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * "New job…" or "New quote…" asked for from another section (a customer, a claimed lead, the
 * board): what the new work order's form starts with. Empty parts are left for the user to fill.
 *
 * @param quote       a quote rather than a job
 * @param customer    the customer's id
 * @param address     one of that customer's service addresses
 * @param title       a first title (may be blank)
 * @param description a first description, e.g. the lead's (may be blank)
 * @param sameAs      another work order whose customer and address the new one takes when
 *                    {@code customer} is empty (a claimed lead knows its job, not its customer)
 */
public record WorkOrderRequest(boolean quote, Optional<UUID> customer, Optional<UUID> address, String title,
                               String description, Optional<UUID> sameAs) {

    public WorkOrderRequest {
        Objects.requireNonNull(customer);
        Objects.requireNonNull(address);
        Objects.requireNonNull(sameAs);
        title = title == null ? "" : title;
        description = description == null ? "" : description;
    }

    /** A new job or quote for this customer, nothing else filled in. */
    public static WorkOrderRequest forCustomer(boolean quote, UUID customer) {
        return new WorkOrderRequest(quote, Optional.of(customer), Optional.empty(), "", "", Optional.empty());
    }

    /** A new job or quote for the customer and address of another work order, with a first description. */
    public static WorkOrderRequest likeWorkOrder(boolean quote, UUID workOrder, String description) {
        return new WorkOrderRequest(quote, Optional.empty(), Optional.empty(), "", description, Optional.of(workOrder));
    }

    /** A new job or quote with nothing filled in. */
    public static WorkOrderRequest blank(boolean quote) {
        return new WorkOrderRequest(quote, Optional.empty(), Optional.empty(), "", "", Optional.empty());
    }
}
