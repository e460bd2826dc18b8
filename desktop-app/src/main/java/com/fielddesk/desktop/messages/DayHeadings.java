package com.fielddesk.desktop.messages;

import com.fielddesk.desktop.ui.Formats;

import java.time.Instant;
import java.util.Optional;

/**
 * The day separators of a thread: a message sent on another calendar day than the message before
 * it — the company's day, as every time in the console — begins that day, and the thread shows the
 * day ("Sunday, 6 Dec 2026") above it; so does the thread's first message. A message not sent yet
 * has no day (it waits at the end of the thread, marked as waiting).
 */
final class DayHeadings {

    private DayHeadings() {
    }

    /** The heading above {@code message}, given when the message before it was sent (empty: none, or not sent). */
    static Optional<String> above(Optional<Instant> previous, Optional<Instant> message, Formats formats) {
        if (message.isEmpty()) {
            return Optional.empty();
        }
        boolean sameDay = previous.isPresent() && formats.calendarDay(previous.get()).equals(formats.calendarDay(message.get()));
        return sameDay ? Optional.empty() : Optional.of(formats.weekdayDate(message.get()));
    }
}
