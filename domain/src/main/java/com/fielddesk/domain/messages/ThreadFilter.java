package com.fielddesk.domain.messages;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an inbox shows: only unread threads (the Customers inbox), one work order's threads, text
 * in the subject (or the customer's name).
 */
public record ThreadFilter(boolean unreadOnly, Optional<UUID> workOrder, String text) {

    public ThreadFilter {
        Objects.requireNonNull(workOrder);
        text = text == null ? "" : text.strip();
    }

    public static ThreadFilter all() {
        return new ThreadFilter(false, Optional.empty(), "");
    }

    public ThreadFilter unread() {
        return new ThreadFilter(true, workOrder, text);
    }

    public ThreadFilter aboutWorkOrder(UUID value) {
        return new ThreadFilter(unreadOnly, Optional.of(value), text);
    }

    public ThreadFilter withText(String value) {
        return new ThreadFilter(unreadOnly, workOrder, value);
    }
}
