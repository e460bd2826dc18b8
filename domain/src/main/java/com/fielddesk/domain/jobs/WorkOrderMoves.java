package com.fielddesk.domain.jobs;

import com.fielddesk.domain.common.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.fielddesk.domain.jobs.QuoteStatus.ACCEPTED;
import static com.fielddesk.domain.jobs.QuoteStatus.DECLINED;
import static com.fielddesk.domain.jobs.QuoteStatus.DRAFT;
import static com.fielddesk.domain.jobs.QuoteStatus.EXPIRED;
import static com.fielddesk.domain.jobs.QuoteStatus.SENT;
import static com.fielddesk.domain.jobs.WorkOrderStatus.CANCELED;
import static com.fielddesk.domain.jobs.WorkOrderStatus.COMPLETED;
import static com.fielddesk.domain.jobs.WorkOrderStatus.DISPATCHED;
import static com.fielddesk.domain.jobs.WorkOrderStatus.EN_ROUTE;
import static com.fielddesk.domain.jobs.WorkOrderStatus.ON_SITE;
import static com.fielddesk.domain.jobs.WorkOrderStatus.SCHEDULED;
import static com.fielddesk.domain.jobs.WorkOrderStatus.UNSCHEDULED;

/**
 * The legal next moves of a job's status and a quote's status, so a screen offers only those (and a
 * board dims the columns a card may not go to). The server stays the judge — its trigger refuses any
 * other move with {@code transition_refused} — and {@code WorkOrderMovesAgreeWithTheServerTest} tries
 * every pair for every role against the real trigger, so the two cannot drift apart unnoticed.
 */
public final class WorkOrderMoves {

    /** The dispatch flow; any office role may make these moves. */
    private static final Map<WorkOrderStatus, List<WorkOrderStatus>> JOB_MOVES = Map.of(
            UNSCHEDULED, List.of(SCHEDULED, CANCELED),
            SCHEDULED, List.of(UNSCHEDULED, DISPATCHED, CANCELED),
            DISPATCHED, List.of(UNSCHEDULED, SCHEDULED, EN_ROUTE, CANCELED),
            EN_ROUTE, List.of(DISPATCHED, ON_SITE, CANCELED),
            ON_SITE, List.of(EN_ROUTE, COMPLETED, CANCELED));

    /** "Reopen": a finished job comes back only through a supervisor or an admin. */
    private static final Map<WorkOrderStatus, List<WorkOrderStatus>> REOPEN_MOVES = Map.of(
            COMPLETED, List.of(SCHEDULED, DISPATCHED),
            CANCELED, List.of(UNSCHEDULED));

    private static final Map<QuoteStatus, List<QuoteStatus>> QUOTE_MOVES = Map.of(
            DRAFT, List.of(SENT, DECLINED),
            SENT, List.of(DRAFT, ACCEPTED, DECLINED, EXPIRED),
            DECLINED, List.of(DRAFT),
            EXPIRED, List.of(DRAFT));

    private WorkOrderMoves() {
    }

    /** The statuses a person in this role may move a job to from {@code from}, in dispatch order. */
    public static Set<WorkOrderStatus> nextJobStatuses(WorkOrderStatus from, Role role) {
        Set<WorkOrderStatus> next = new LinkedHashSet<>(JOB_MOVES.getOrDefault(from, List.of()));
        if (role != null && role.isManager()) {
            next.addAll(REOPEN_MOVES.getOrDefault(from, List.of()));
        }
        return next;
    }

    public static boolean jobMoveAllowed(WorkOrderStatus from, WorkOrderStatus to, Role role) {
        return nextJobStatuses(from, role).contains(to);
    }

    /** Whether the move brings a completed or canceled job back (only supervisors and admins may). */
    public static boolean isReopen(WorkOrderStatus from, WorkOrderStatus to) {
        return REOPEN_MOVES.getOrDefault(from, List.of()).contains(to);
    }

    /** The statuses a quote may move to from {@code from} (the same for every office role). */
    public static Set<QuoteStatus> nextQuoteStatuses(QuoteStatus from) {
        return new LinkedHashSet<>(QUOTE_MOVES.getOrDefault(from, List.of()));
    }

    public static boolean quoteMoveAllowed(QuoteStatus from, QuoteStatus to) {
        return nextQuoteStatuses(from).contains(to);
    }

    /** Only an accepted quote becomes a job; a job never turns back into a quote. */
    public static boolean canBecomeJob(WorkOrderStage stage, QuoteStatus quoteStatus) {
        return WorkOrderStage.QUOTE.equals(stage) && ACCEPTED.equals(quoteStatus);
    }
}
