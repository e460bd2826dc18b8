package com.fielddesk.domain.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The dispatch board's tray: what still needs a place on the board, each group with its full count. */
public record DispatchTray(Group unscheduled, Group unassigned, Group late) {

    /** The first rows of a group and how many there are in all. */
    public record Group(List<WorkOrderSummary> first, long count) {
        public Group {
            first = List.copyOf(first);
        }

        /**
         * The group with {@code shownCopy} in place of the job as this computer has it: the local
         * copy taken out (and not counted) where it belonged, the shown copy put first (and counted)
         * where it belongs.
         */
        Group replacing(WorkOrderSummary local, boolean localBelongs, WorkOrderSummary shownCopy, boolean shownBelongs) {
            List<WorkOrderSummary> rows = new ArrayList<>(first.stream().filter(row -> !row.id().equals(local.id())).toList());
            if (shownBelongs) {
                rows.add(0, shownCopy);
            }
            return new Group(rows, Math.max(0, count - (localBelongs ? 1 : 0) + (shownBelongs ? 1 : 0)));
        }
    }

    /** A job not scheduled yet (the SQL of {@link WorkOrderRepository#tray}, for one job in memory). */
    public static boolean unscheduled(WorkOrderSummary job) {
        return isJob(job) && job.status().filter(WorkOrderStatus.UNSCHEDULED::equals).isPresent();
    }

    /** A scheduled job with nobody assigned. */
    public static boolean unassigned(WorkOrderSummary job) {
        return isJob(job) && job.status().filter(WorkOrderStatus.SCHEDULED::equals).isPresent() && job.technicianId().isEmpty();
    }

    /** A scheduled or dispatched job whose window was over at {@code now}. */
    public static boolean late(WorkOrderSummary job, Instant now) {
        return isJob(job) && job.status().filter(status -> status.equals(WorkOrderStatus.SCHEDULED)
                        || status.equals(WorkOrderStatus.DISPATCHED)).isPresent()
                && job.windowEnd().filter(end -> end.isBefore(now)).isPresent();
    }

    private static boolean isJob(WorkOrderSummary job) {
        return WorkOrderStage.JOB.equals(job.stage());
    }

    /**
     * The tray showing {@code shownCopy} instead of the job as this computer has it ({@code local}),
     * in the groups the shown copy belongs to at {@code now} — e.g. a job whose move the server
     * refused, where the server still has it.
     */
    public DispatchTray replacing(WorkOrderSummary local, WorkOrderSummary shownCopy, Instant now) {
        return new DispatchTray(
                unscheduled.replacing(local, unscheduled(local), shownCopy, unscheduled(shownCopy)),
                unassigned.replacing(local, unassigned(local), shownCopy, unassigned(shownCopy)),
                late.replacing(local, late(local, now), shownCopy, late(shownCopy, now)));
    }
}
