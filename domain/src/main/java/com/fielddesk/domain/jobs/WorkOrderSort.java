package com.fielddesk.domain.jobs;

/** The orders a jobs or quotes list offers; each ends on the id, so pages never skip or repeat a row. */
public enum WorkOrderSort {
    /** By number, newest number first; a work order the server has not numbered yet comes first. */
    NUMBER,
    /** By scheduled start, earliest first; unscheduled ones last. */
    SCHEDULED_START,
    /** Newest first (age); one created here and not yet confirmed is the newest. */
    NEWEST
}
