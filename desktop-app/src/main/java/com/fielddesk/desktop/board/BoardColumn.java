package com.fielddesk.desktop.board;

import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.jobs.WorkOrderSummary;

import java.util.List;
import java.util.Map;

/**
 * One column of the board: a job status, the first cards in it and how many jobs it holds in all.
 *
 * @param cards at most {@link BoardViewModel#CARDS_PER_COLUMN}, in the column's order
 * @param total every job with this status that matches the board's search
 * @param refusals why the server refused the last move of a card in this column, by card: part of
 *                 the column so that a refusal that comes after the card is already back where the
 *                 server has it still changes the column, and the board draws the card again
 */
record BoardColumn(WorkOrderStatus status, List<WorkOrderSummary> cards, long total, Map<WorkOrderId, String> refusals) {

    BoardColumn(WorkOrderStatus status, List<WorkOrderSummary> cards, long total) {
        this(status, cards, total, Map.of());
    }

    /** "Scheduled · 12", or "Completed · 50 of 4,210" when not every card is shown. */
    String heading(java.util.function.LongFunction<String> number) {
        return status.label() + " · " + (cards.size() < total
                ? number.apply(cards.size()) + " of " + number.apply(total) : number.apply(total));
    }
}
