package com.fielddesk.domain.messages;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What an inbox shows: only unread threads, only the signed-in user's ({@code mineOnly}: threads
 * they wrote in, or started), one work order's threads (by its id, or by the number the office knows
 * it by), text in the subject (or the customer's name).
 */
public record ThreadFilter(boolean unreadOnly, boolean mineOnly, Optional<UUID> workOrder, OptionalLong jobNumber, String text) {

    public ThreadFilter {
        Objects.requireNonNull(workOrder);
        Objects.requireNonNull(jobNumber);
        text = text == null ? "" : text.strip();
    }

    public static ThreadFilter all() {
        return new ThreadFilter(false, false, Optional.empty(), OptionalLong.empty(), "");
    }

    public ThreadFilter unread() {
        return new ThreadFilter(true, mineOnly, workOrder, jobNumber, text);
    }

    public ThreadFilter aboutWorkOrder(UUID value) {
        return new ThreadFilter(unreadOnly, mineOnly, Optional.of(value), jobNumber, text);
    }

    /** Threads about the job or quote numbered {@code number} ("Job 42"). */
    public ThreadFilter aboutJobNumber(long number) {
        return new ThreadFilter(unreadOnly, mineOnly, workOrder, OptionalLong.of(number), text);
    }

    public ThreadFilter withText(String value) {
        return new ThreadFilter(unreadOnly, mineOnly, workOrder, jobNumber, value);
    }

    public ThreadFilter mine() {
        return new ThreadFilter(unreadOnly, true, workOrder, jobNumber, text);
    }
}
