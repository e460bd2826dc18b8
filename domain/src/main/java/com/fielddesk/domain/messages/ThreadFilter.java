package com.fielddesk.domain.messages;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an inbox shows: only unread threads, only the signed-in user's ({@code mineOnly}: threads
 * they wrote in, or started), one work order's threads, text in the subject (or the customer's name).
 */
public record ThreadFilter(boolean unreadOnly, boolean mineOnly, Optional<UUID> workOrder, String text) {

    public ThreadFilter {
        Objects.requireNonNull(workOrder);
        text = text == null ? "" : text.strip();
    }

    public static ThreadFilter all() {
        return new ThreadFilter(false, false, Optional.empty(), "");
    }

    public ThreadFilter unread() {
        return new ThreadFilter(true, mineOnly, workOrder, text);
    }

    public ThreadFilter aboutWorkOrder(UUID value) {
        return new ThreadFilter(unreadOnly, mineOnly, Optional.of(value), text);
    }

    public ThreadFilter withText(String value) {
        return new ThreadFilter(unreadOnly, mineOnly, workOrder, value);
    }

    public ThreadFilter mine() {
        return new ThreadFilter(unreadOnly, true, workOrder, text);
    }
}
