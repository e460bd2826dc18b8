package com.fielddesk.desktop.messages;

import com.fielddesk.domain.messages.CustomerThreadSummary;

import java.util.List;

/**
 * The Customers inbox as it was last read without a filter, kept by the section across visits:
 * opening Messages again shows it in its first frame, and the fresh read (started at the same
 * moment) replaces it in place a few milliseconds later — a person sees their inbox at once
 * instead of an empty list while 10,000 threads are read.
 */
final class LastInbox {

    private volatile List<CustomerThreadSummary> threads = List.of();

    List<CustomerThreadSummary> threads() {
        return threads;
    }

    void keep(List<CustomerThreadSummary> read) {
        threads = List.copyOf(read);
    }
}
