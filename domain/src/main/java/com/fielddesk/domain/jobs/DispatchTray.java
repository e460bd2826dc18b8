package com.fielddesk.domain.jobs;

import java.util.List;

/** The dispatch board's tray: what still needs a place on the board, each group with its full count. */
public record DispatchTray(Group unscheduled, Group unassigned, Group late) {

    /** The first rows of a group and how many there are in all. */
    public record Group(List<WorkOrderSummary> first, long count) {
        public Group {
            first = List.copyOf(first);
        }
    }
}
