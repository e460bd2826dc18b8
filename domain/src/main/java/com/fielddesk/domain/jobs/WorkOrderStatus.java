package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.CodedValue;
import com.fielddesk.domain.common.Vocabulary;

import java.util.List;

/** A job's status, in dispatch order (server check work_order_status_is_valid). */
public final class WorkOrderStatus extends CodedValue {

    private static final Vocabulary<WorkOrderStatus> VOCABULARY = new Vocabulary<>(WorkOrderStatus::new);

    public static final WorkOrderStatus UNSCHEDULED = VOCABULARY.known("unscheduled", "Unscheduled");
    public static final WorkOrderStatus SCHEDULED = VOCABULARY.known("scheduled", "Scheduled");
    public static final WorkOrderStatus DISPATCHED = VOCABULARY.known("dispatched", "Dispatched");
    public static final WorkOrderStatus EN_ROUTE = VOCABULARY.known("en_route", "En route");
    public static final WorkOrderStatus ON_SITE = VOCABULARY.known("on_site", "On site");
    public static final WorkOrderStatus COMPLETED = VOCABULARY.known("completed", "Completed");
    public static final WorkOrderStatus CANCELED = VOCABULARY.known("canceled", "Canceled");

    private WorkOrderStatus(String code, String label, boolean known) {
        super(code, label, known);
    }

    /** The value of a stored code; an unknown code is kept and shown as-is. */
    public static WorkOrderStatus fromCode(String code) {
        return VOCABULARY.of(code);
    }

    /** The known values, in the order the console lists them. */
    public static List<WorkOrderStatus> values() {
        return VOCABULARY.values();
    }

    /** Whether a job in this status needs a scheduled window (server check work_order_scheduled_job_needs_window). */
    public boolean needsWindow() {
        return this == SCHEDULED || this == DISPATCHED || this == EN_ROUTE || this == ON_SITE;
    }

    /** Whether a job in this status needs a technician (server check work_order_dispatched_job_needs_technician). */
    public boolean needsTechnician() {
        return this == DISPATCHED || this == EN_ROUTE || this == ON_SITE;
    }
}
