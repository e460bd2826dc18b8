package com.fielddesk.desktop.board;

import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;

import java.util.List;

/**
 * One column of the board: a job status, the first cards in it and how many jobs it holds in all.
 *
 * @param cards at most {@link BoardViewModel#CARDS_PER_COLUMN}, in the column's order
 * @param total every job with this status that matches the board's search
 */
record BoardColumn(WorkOrderStatus status, List<WorkOrderSummary> cards, long total) {

    /** "Scheduled · 12", or "Completed · 50 of 4,210" when not every card is shown. */
    String heading(java.util.function.LongFunction<String> number) {
        return status.label() + " · " + (cards.size() < total
                ? number.apply(cards.size()) + " of " + number.apply(total) : number.apply(total));
    }
}
