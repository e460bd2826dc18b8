package com.fielddesk.cache.push;

/** What one drain of the outbox achieved. */
public record PushReport(int applied, int duplicates, int merged, int conflictFields, int quarantined, int requests) {

    public static final PushReport EMPTY = new PushReport(0, 0, 0, 0, 0, 0);

    public PushReport plus(PushReport other) {
        return new PushReport(applied + other.applied, duplicates + other.duplicates, merged + other.merged,
                conflictFields + other.conflictFields, quarantined + other.quarantined, requests + other.requests);
    }
}
