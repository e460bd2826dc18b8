package com.fielddesk.desktop.app.feature;

import java.util.Optional;

/**
 * How the console moves between sections and records, with Back/Forward history across sections.
 * Features reach each other only through it: a customer screen opens a job by asking for
 * {@code RecordRef(JOB, id)}, never by knowing the jobs feature.
 */
public interface Navigator {

    /**
     * Shows the record in the section that opens its kind. Empty when it is shown; otherwise one
     * sentence for the user saying why not (no such screen yet, or the record is gone).
     */
    Optional<String> open(RecordRef record);

    /**
     * Shows the new job or quote form in the section that opens jobs, filled with what the request
     * knows. Empty when it is shown; otherwise one sentence why not (e.g. this role has no jobs section).
     */
    Optional<String> newWorkOrder(WorkOrderRequest request);

    /** Whether a section this user can see opens records of this kind. */
    boolean canOpen(RecordKind kind);

    /** Shows a section by its feature id. */
    void show(String featureId);

    /** Goes back to the previous place (section and record); false when there is none. */
    boolean back();

    /** Goes forward again after {@link #back()}; false when there is nothing ahead. */
    boolean forward();
}
