package com.fielddesk.domain.jobs;

import com.fielddesk.cache.query.Column;
import com.fielddesk.cache.query.Condition;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Order;
import com.fielddesk.cache.query.Page;
import com.fielddesk.cache.query.PageCursor;
import com.fielddesk.cache.query.Pending;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.Row;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.query.Table;
import com.fielddesk.domain.common.CompanyZone;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.TextRules;
import com.fielddesk.domain.common.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.fielddesk.cache.query.CacheTables.COMPANIES;
import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_ADDRESSES;
import static com.fielddesk.cache.query.CacheTables.PROFILES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDER_STATUS_HISTORY;

/**
 * Quotes and jobs over the offline cache: the lists (filters, sort, keyset pages, counts and counts
 * per status — all in SQL), one work order with its status history, the dispatch board's lanes,
 * day and tray, and the writes — each validated first (nothing queued when a field is wrong or a
 * move is not this person's to make) and one local transaction. The server stays the judge of
 * every move; {@link WorkOrderMoves} only keeps the console from offering what it would refuse.
 */
public final class WorkOrderRepository {

    /** The tables the reads join: a change to one of them may change what a list shows. */
    public static final List<Table> READS = List.of(WORK_ORDERS, CUSTOMERS, CUSTOMER_ADDRESSES, PROFILES,
            WORK_ORDER_STATUS_HISTORY);

    private static final String TECHNICIAN_ROLE = Role.TECHNICIAN.code();
    /** Work orders carry no currency of their own; the server's invoices default to USD too. */
    private static final Currency QUOTE_CURRENCY = Currency.getInstance("USD");
    /** Server check work_order_cancel_reason_1_to_500_chars. */
    public static final int CANCEL_REASON_MAX = 500;

    private final LocalCache cache;
    private final UserId currentUser;

    public WorkOrderRepository(LocalCache cache, UserId currentUser) {
        this.cache = cache;
        this.currentUser = currentUser;
    }

    // ---- lists ----

    public Page<WorkOrderSummary> page(WorkOrderFilter filter, WorkOrderSort sort, int pageSize, Optional<PageCursor> after) {
        Query query = listQuery(filter).orderBy(order(sort)).limit(pageSize);
        return cache.page(after.map(query::after).orElse(query), WorkOrderRepository::summary);
    }

    /**
     * The first {@code limit} work orders of the list. Two reads: the ids in order from the work
     * orders alone (joined to customers only for a text), then the customer, address and technician
     * of just those — so a filter matching thousands of rows (a few days of 100k) sorts them without
     * joining three tables for each first; the ids are read alone, so a covering index (cache
     * V15 for a range of days) answers that read without looking up any row.
     */
    public List<WorkOrderSummary> list(WorkOrderFilter filter, WorkOrderSort sort, int limit) {
        Query firstIds = countQuery(filter).orderBy(order(sort)).limit(limit);
        // A text is matched against each work order's title and customer: reading only ids there let
        // SQLite walk the covering index and look up every row for its title (p50 254 ms over 100k
        // against ~30 ms through the table).
        List<UUID> ids = filter.text().isEmpty() ? cache.ids(firstIds) : cache.list(firstIds, row -> row.get(WORK_ORDERS.id));
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, WorkOrderSummary> found = new java.util.HashMap<>();
        cache.list(joined(Query.from(WORK_ORDERS)).where(WORK_ORDERS.id.in(ids)), WorkOrderRepository::summary)
                .forEach(row -> found.put(row.id().value(), row));
        // A row deleted between the two reads is left out, not shown empty.
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    public long count(WorkOrderFilter filter) {
        return cache.count(countQuery(filter));
    }

    /**
     * How many jobs of the filter are in each status, for the board's column heads (the filter's
     * own status choice is ignored: every column counts). Statuses with none are listed with 0;
     * a status the console does not know yet is listed too.
     */
    public Map<WorkOrderStatus, Long> countsByStatus(WorkOrderFilter filter) {
        Map<String, Long> byCode = cache.countBy(countQuery(filter.withStatuses(java.util.Set.of())), WORK_ORDERS.status);
        Map<WorkOrderStatus, Long> counts = new LinkedHashMap<>();
        WorkOrderStatus.values().forEach(status -> counts.put(status, 0L));
        byCode.forEach((code, count) -> {
            if (code != null) {
                counts.merge(WorkOrderStatus.fromCode(code), count, Long::sum);
            }
        });
        return counts;
    }

    private Query listQuery(WorkOrderFilter filter) {
        return joined(Query.from(WORK_ORDERS)).where(conditions(filter));
    }

    /**
     * The same rows for counting (and for ordering the list's ids): joined to customers only when the text may match a customer's
     * name, never to addresses or technicians (a count needs no columns of theirs) — so a count by
     * status is read from the (stage, status, …) index alone (cache V9) instead of 100k joined rows.
     */
    private Query countQuery(WorkOrderFilter filter) {
        Query workOrders = Query.from(WORK_ORDERS);
        return (filter.text().isEmpty() ? workOrders : workOrders.leftJoin(CUSTOMERS, CUSTOMERS.id, WORK_ORDERS.customerId))
                .where(conditions(filter));
    }

    private Condition conditions(WorkOrderFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        filter.stage().ifPresent(stage -> conditions.add(WORK_ORDERS.stage.eq(stage.code())));
        if (!filter.statuses().isEmpty()) {
            conditions.add(WORK_ORDERS.status.in(filter.statuses().stream().map(WorkOrderStatus::code).toList()));
        }
        if (!filter.quoteStatuses().isEmpty()) {
            conditions.add(WORK_ORDERS.quoteStatus.in(filter.quoteStatuses().stream().map(QuoteStatus::code).toList()));
        }
        if (filter.unassignedOnly()) {
            conditions.add(WORK_ORDERS.technicianId.isNull());
        }
        filter.technician().ifPresent(technician -> conditions.add(WORK_ORDERS.technicianId.eq(technician)));
        ZoneId zone = companyZone().zone();
        filter.firstDay().ifPresent(day -> conditions.add(WORK_ORDERS.scheduledStart.ge(startOf(day, zone))));
        filter.lastDay().ifPresent(day -> conditions.add(WORK_ORDERS.scheduledStart.lt(startOf(day.plusDays(1), zone))));
        filter.customer().ifPresent(customer -> conditions.add(WORK_ORDERS.customerId.eq(customer.value())));
        if (!filter.priorities().isEmpty()) {
            conditions.add(WORK_ORDERS.priority.in(filter.priorities().stream().map(Priority::code).toList()));
        }
        if (!filter.text().isEmpty()) {
            List<Condition> anyOf = new ArrayList<>(List.of(WORK_ORDERS.title.containsText(filter.text()),
                    CUSTOMERS.fullName.containsText(filter.text())));
            TextRules.recordNumber(filter.text()).ifPresent(number -> anyOf.add(WORK_ORDERS.number.eq(number)));
            conditions.add(Condition.any(anyOf));
        }
        return Condition.all(conditions);
    }

    /** The customer, the service address and the technician, each by one join (no query per row). */
    private static Query joined(Query workOrders) {
        return workOrders.leftJoin(CUSTOMERS, CUSTOMERS.id, WORK_ORDERS.customerId)
                .leftJoin(CUSTOMER_ADDRESSES, CUSTOMER_ADDRESSES.id, WORK_ORDERS.customerAddressId)
                .leftJoin(PROFILES, PROFILES.id, WORK_ORDERS.technicianId)
                .select(Pending.of(WORK_ORDERS));
    }

    private static Order[] order(WorkOrderSort sort) {
        return switch (sort) {
            case NUMBER -> new Order[] {WORK_ORDERS.number.desc().nullsFirst(), WORK_ORDERS.id.desc()};
            case SCHEDULED_START -> new Order[] {WORK_ORDERS.scheduledStart.asc().nullsLast(), WORK_ORDERS.id.asc()};
            case NEWEST -> new Order[] {WORK_ORDERS.createdAt.desc().nullsFirst(), WORK_ORDERS.id.desc()};
        };
    }


    private static Instant startOf(LocalDate day, ZoneId zone) {
        // atStartOfDay, not atTime(0, 0): on a day whose midnight a DST change skips, the day starts at 01:00.
        return day.atStartOfDay(zone).toInstant();
    }

    private static WorkOrderSummary summary(Row row) {
        boolean quote = WorkOrderStage.QUOTE.code().equals(row.get(WORK_ORDERS.stage));
        return new WorkOrderSummary(new WorkOrderId(row.get(WORK_ORDERS.id)), Optional.ofNullable(row.get(WORK_ORDERS.number)),
                WorkOrderStage.fromCode(row.get(WORK_ORDERS.stage)), row.get(WORK_ORDERS.title),
                new CustomerId(row.get(WORK_ORDERS.customerId)),
                row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : "",
                Optional.ofNullable(row.has(CUSTOMER_ADDRESSES) ? row.get(CUSTOMER_ADDRESSES.city) : null),
                Optional.ofNullable(row.get(WORK_ORDERS.scheduledStart)), Optional.ofNullable(row.get(WORK_ORDERS.scheduledEnd)),
                Optional.ofNullable(row.get(WORK_ORDERS.technicianId)),
                Optional.ofNullable(row.has(PROFILES) ? row.get(PROFILES.fullName) : null),
                Optional.ofNullable(row.has(PROFILES) ? row.get(PROFILES.color) : null),
                Optional.ofNullable(row.get(WORK_ORDERS.status)).map(WorkOrderStatus::fromCode),
                quote ? Optional.ofNullable(row.get(WORK_ORDERS.quoteStatus)).map(QuoteStatus::fromCode) : Optional.empty(),
                Priority.fromCode(row.get(WORK_ORDERS.priority) == null ? Priority.NORMAL.code() : row.get(WORK_ORDERS.priority)),
                Optional.ofNullable(row.get(WORK_ORDERS.createdAt)), Boolean.TRUE.equals(row.get(Pending.of(WORK_ORDERS))),
                Optional.ofNullable(row.get(WORK_ORDERS.total)).map(amount -> Money.of(amount, QUOTE_CURRENCY)));
    }

    // ---- one work order ----

    /** The work order with its status history; empty when there is none (or it was deleted). */
    public Optional<WorkOrderDetail> detail(WorkOrderId id) {
        record Extra(WorkOrderSummary summary, String description, UUID address, String addressLine, BigDecimal total) {
        }
        return cache.first(joined(Query.from(WORK_ORDERS)).where(WORK_ORDERS.id.eq(id.value())),
                        row -> new Extra(summary(row), row.get(WORK_ORDERS.description), row.get(WORK_ORDERS.customerAddressId),
                                row.has(CUSTOMER_ADDRESSES) ? addressLine(row) : null, row.get(WORK_ORDERS.total)))
                .map(extra -> new WorkOrderDetail(extra.summary(), Optional.ofNullable(extra.description()),
                        Optional.ofNullable(extra.address()), Optional.ofNullable(extra.addressLine()),
                        Money.of(extra.total() == null ? BigDecimal.ZERO : extra.total(), QUOTE_CURRENCY), history(id)));
    }

    /** Who moved the work order when, from what to what — oldest first, as the server recorded it. */
    public List<StatusChange> history(WorkOrderId id) {
        return cache.list(Query.from(WORK_ORDER_STATUS_HISTORY)
                        .leftJoin(PROFILES, PROFILES.id, WORK_ORDER_STATUS_HISTORY.changedBy)
                        .where(WORK_ORDER_STATUS_HISTORY.workOrderId.eq(id.value()))
                        .orderBy(WORK_ORDER_STATUS_HISTORY.changedAt.asc(), WORK_ORDER_STATUS_HISTORY.id.asc()),
                row -> new StatusChange(row.get(WORK_ORDER_STATUS_HISTORY.statusField),
                        Optional.ofNullable(row.get(WORK_ORDER_STATUS_HISTORY.fromStatus)),
                        row.get(WORK_ORDER_STATUS_HISTORY.toStatus),
                        Optional.ofNullable(row.has(PROFILES) ? row.get(PROFILES.fullName) : null),
                        row.get(WORK_ORDER_STATUS_HISTORY.changedBy) != null, row.get(WORK_ORDER_STATUS_HISTORY.changedAt),
                        Optional.ofNullable(row.get(WORK_ORDER_STATUS_HISTORY.reason))));
    }

    private static String addressLine(Row row) {
        return Stream.of(row.get(CUSTOMER_ADDRESSES.street), row.get(CUSTOMER_ADDRESSES.city),
                        row.get(CUSTOMER_ADDRESSES.postalCode))
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }

    // ---- the dispatch board ----

    /** The lanes: the company's active technicians, by name. */
    public List<Technician> technicians() {
        return cache.list(Query.from(PROFILES)
                        .where(PROFILES.role.eq(TECHNICIAN_ROLE).and(PROFILES.active.ne(false)))
                        .orderBy(PROFILES.fullName.asc(), PROFILES.id.asc()),
                row -> new Technician(row.get(PROFILES.id), row.get(PROFILES.fullName), Optional.ofNullable(row.get(PROFILES.color))));
    }

    /**
     * The jobs whose window overlaps this company day (a job from 22:00 to 02:00 is on both days),
     * earliest first; the board puts each in its technician's lane.
     */
    public List<WorkOrderSummary> scheduledOn(LocalDate day) {
        ZoneId zone = companyZone().zone();
        return cache.list(joined(Query.from(WORK_ORDERS))
                        .where(WORK_ORDERS.stage.eq(WorkOrderStage.JOB.code())
                                .and(WORK_ORDERS.scheduledStart.lt(startOf(day.plusDays(1), zone)))
                                .and(WORK_ORDERS.scheduledEnd.gt(startOf(day, zone))))
                        .orderBy(WORK_ORDERS.scheduledStart.asc(), WORK_ORDERS.id.asc()),
                WorkOrderRepository::summary);
    }

    /**
     * The tray beside the lanes: jobs not scheduled yet, scheduled ones with nobody assigned, and
     * late ones (scheduled or dispatched, their window over at {@code now}) — each with its count.
     */
    public DispatchTray tray(Instant now, int limitPerGroup) {
        Condition job = WORK_ORDERS.stage.eq(WorkOrderStage.JOB.code());
        Condition unscheduled = job.and(WORK_ORDERS.status.eq(WorkOrderStatus.UNSCHEDULED.code()));
        Condition unassigned = job.and(WORK_ORDERS.status.eq(WorkOrderStatus.SCHEDULED.code()))
                .and(WORK_ORDERS.technicianId.isNull());
        Condition late = job.and(WORK_ORDERS.status.in(WorkOrderStatus.SCHEDULED.code(), WorkOrderStatus.DISPATCHED.code()))
                .and(WORK_ORDERS.scheduledEnd.lt(now));
        return new DispatchTray(group(unscheduled, WorkOrderSort.NEWEST, limitPerGroup),
                group(unassigned, WorkOrderSort.SCHEDULED_START, limitPerGroup),
                group(late, WorkOrderSort.SCHEDULED_START, limitPerGroup));
    }

    private DispatchTray.Group group(Condition condition, WorkOrderSort sort, int limit) {
        Query query = joined(Query.from(WORK_ORDERS)).where(condition);
        return new DispatchTray.Group(cache.list(query.orderBy(order(sort)).limit(limit), WorkOrderRepository::summary),
                cache.count(query));
    }

    // ---- who may do what ----

    /** The signed-in person's role from their profile in the cache; empty before the first sync brought it. */
    public Optional<Role> currentRole() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.role))
                .map(Role::fromCode);
    }

    /** The statuses this person may move the job to now (what a detail offers and a board lets a card go to). */
    public java.util.Set<WorkOrderStatus> nextStatuses(WorkOrderSummary job) {
        return job.status().map(from -> WorkOrderMoves.nextJobStatuses(from, currentRole().orElse(null)))
                .orElse(java.util.Set.of());
    }

    // ---- writes ----

    /** A new job: scheduled when the draft has a window, otherwise unscheduled. */
    public WorkOrderId createJob(WorkOrderDraft draft) {
        InvalidInputException.throwIfAny(draft.problems());
        WorkOrderStatus status = draft.scheduled() ? WorkOrderStatus.SCHEDULED : WorkOrderStatus.UNSCHEDULED;
        RowValues values = draftValues(draft).set(WORK_ORDERS.stage, WorkOrderStage.JOB.code())
                .set(WORK_ORDERS.status, status.code());
        return cache.transactionReturning(tx -> new WorkOrderId(tx.insert(withCompany(values))));
    }

    /** A new quote, as a draft. */
    public WorkOrderId createQuote(WorkOrderDraft draft) {
        InvalidInputException.throwIfAny(draft.problems());
        RowValues values = draftValues(draft).set(WORK_ORDERS.stage, WorkOrderStage.QUOTE.code())
                .set(WORK_ORDERS.quoteStatus, QuoteStatus.DRAFT.code());
        return cache.transactionReturning(tx -> new WorkOrderId(tx.insert(withCompany(values))));
    }

    /**
     * New fields for a work order. A job whose status needs a window or a technician keeps needing
     * them: taking them away is refused here, as the server's checks would.
     */
    public void update(WorkOrderId id, WorkOrderDraft draft) {
        List<FieldError> problems = new ArrayList<>(draft.problems());
        current(id).flatMap(WorkOrderSummary::status).ifPresent(status -> problems.addAll(
                statusNeeds(status, draft.scheduled(), draft.technician().isPresent())));
        InvalidInputException.throwIfAny(problems);
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), draftValues(draft)));
    }

    /**
     * Moves a job to another status. Refused with {@link MoveNotAllowedException} when the move is
     * not a legal next step for this person (a reopen is for supervisors and admins), and with
     * {@link InvalidInputException} when the new status needs a window or a technician the job
     * does not have — nothing queued either way.
     */
    public void move(WorkOrderId id, WorkOrderStatus to) {
        if (WorkOrderStatus.CANCELED.equals(to)) {
            throw new MoveNotAllowedException("A job is canceled with a reason: use Cancel… and say why.");
        }
        WorkOrderStatus from = checkedMove(id, to);
        RowValues values = RowValues.of(WORK_ORDERS).set(WORK_ORDERS.status, to.code());
        // A reopened job is no longer canceled; its history line keeps the reason.
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), WorkOrderStatus.CANCELED.equals(from)
                ? values.set(WORK_ORDERS.cancelReason, null) : values));
    }

    /**
     * Cancels a job, saying why: the reason goes to the server with the move, which keeps it on the
     * history line of the cancel. Refused (nothing queued) without a reason, with one longer than
     * {@link #CANCEL_REASON_MAX} characters, or when the job may not be canceled now.
     */
    public void cancel(WorkOrderId id, String reason) {
        String why = TextRules.clean(reason);
        InvalidInputException.throwIfAny(cancelReasonProblems(why));
        checkedMove(id, WorkOrderStatus.CANCELED);
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), RowValues.of(WORK_ORDERS)
                .set(WORK_ORDERS.status, WorkOrderStatus.CANCELED.code()).set(WORK_ORDERS.cancelReason, why)));
    }

    /** The problem of a cancel reason (server check work_order_cancel_reason_1_to_500_chars), field "reason". */
    public static List<FieldError> cancelReasonProblems(String reason) {
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "reason", "A reason", TextRules.clean(reason), CANCEL_REASON_MAX);
        return problems;
    }

    /** The job's status now, when moving it to {@code to} is this person's to make and the job has what {@code to} needs. */
    private WorkOrderStatus checkedMove(WorkOrderId id, WorkOrderStatus to) {
        WorkOrderSummary job = current(id).orElseThrow(() -> new MoveNotAllowedException("This job is no longer on this computer."));
        WorkOrderStatus from = job.status().orElseThrow(() -> new MoveNotAllowedException(
                "A quote has no job status; accept it to make it a job."));
        Role role = currentRole().orElse(null);
        if (!WorkOrderMoves.jobMoveAllowed(from, to, role)) {
            throw new MoveNotAllowedException(WorkOrderMoves.isReopen(from, to)
                    ? "Only a supervisor or an admin can reopen a " + from.label().toLowerCase(java.util.Locale.ROOT) + " job."
                    : "A job cannot go from " + from.label() + " to " + to.label() + ".");
        }
        InvalidInputException.throwIfAny(statusNeeds(to, job.windowStart().isPresent() && job.windowEnd().isPresent(),
                job.technicianId().isPresent()));
        return from;
    }

    /** Moves a quote (send, accept, decline, expire, back to draft); an accepted quote may then become a job. */
    public void moveQuote(WorkOrderId id, QuoteStatus to) {
        WorkOrderSummary quote = current(id).orElseThrow(() -> new MoveNotAllowedException("This quote is no longer on this computer."));
        QuoteStatus from = quote.quoteStatus().orElseThrow(() -> new MoveNotAllowedException("A job has no quote status."));
        if (!WorkOrderMoves.quoteMoveAllowed(from, to)) {
            throw new MoveNotAllowedException("A quote cannot go from " + from.label() + " to " + to.label() + ".");
        }
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), RowValues.of(WORK_ORDERS).set(WORK_ORDERS.quoteStatus, to.code())));
    }

    /**
     * Accepts a sent quote, and it becomes a job in the same change (the server allows the stage
     * change only for an accepted quote): scheduled when it has a window, otherwise unscheduled.
     */
    public void acceptQuote(WorkOrderId id) {
        WorkOrderSummary quote = current(id).orElseThrow(() -> new MoveNotAllowedException("This quote is no longer on this computer."));
        QuoteStatus from = quote.quoteStatus().orElseThrow(() -> new MoveNotAllowedException("This is a job already."));
        if (!WorkOrderMoves.quoteMoveAllowed(from, QuoteStatus.ACCEPTED)) {
            throw new MoveNotAllowedException("Only a sent quote can be accepted; this one is "
                    + from.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        boolean scheduled = quote.windowStart().isPresent() && quote.windowEnd().isPresent();
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), RowValues.of(WORK_ORDERS)
                .set(WORK_ORDERS.quoteStatus, QuoteStatus.ACCEPTED.code()).set(WORK_ORDERS.stage, WorkOrderStage.JOB.code())
                .set(WORK_ORDERS.status, (scheduled ? WorkOrderStatus.SCHEDULED : WorkOrderStatus.UNSCHEDULED).code())));
    }

    /**
     * Puts a job on the board: a window and, optionally, a technician (a drag from the tray to a
     * lane, or to another place in the lanes). An unscheduled job becomes scheduled with it.
     */
    public void schedule(WorkOrderId id, Optional<UUID> technician, Instant start, Instant end) {
        WorkOrderSummary job = current(id).orElseThrow(() -> new MoveNotAllowedException("This job is no longer on this computer."));
        List<FieldError> problems = new ArrayList<>();
        if (!end.isAfter(start)) {
            problems.add(new FieldError("windowEnd", "The window must end after it starts."));
        }
        WorkOrderStatus status = job.status().orElseThrow(() -> new MoveNotAllowedException("A quote cannot be scheduled; accept it first."));
        if (status.equals(WorkOrderStatus.ON_SITE) || status.equals(WorkOrderStatus.COMPLETED) || status.equals(WorkOrderStatus.CANCELED)) {
            throw new MoveNotAllowedException("A job that is " + status.label().toLowerCase(java.util.Locale.ROOT)
                    + " cannot be rescheduled.");
        }
        problems.addAll(statusNeeds(status, true, technician.isPresent()));
        InvalidInputException.throwIfAny(problems);
        RowValues window = RowValues.of(WORK_ORDERS).set(WORK_ORDERS.scheduledStart, start).set(WORK_ORDERS.scheduledEnd, end)
                .set(WORK_ORDERS.technicianId, technician.orElse(null));
        RowValues values = status.equals(WorkOrderStatus.UNSCHEDULED)
                ? window.set(WORK_ORDERS.status, WorkOrderStatus.SCHEDULED.code()) : window;
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), values));
    }

    /** Takes the job off its technician (a drag to the tray); a dispatched job keeps needing one, so that is refused. */
    public void unassign(WorkOrderId id) {
        WorkOrderSummary job = current(id).orElseThrow(() -> new MoveNotAllowedException("This job is no longer on this computer."));
        job.status().ifPresent(status -> InvalidInputException.throwIfAny(statusNeeds(status,
                job.windowStart().isPresent(), false)));
        cache.transaction(tx -> tx.update(WORK_ORDERS, id.value(), RowValues.of(WORK_ORDERS).set(WORK_ORDERS.technicianId, null)));
    }

    /** One work order as the lists show it (a board reading a row again); empty when there is none. */
    public Optional<WorkOrderSummary> summary(WorkOrderId id) {
        return current(id);
    }

    private Optional<WorkOrderSummary> current(WorkOrderId id) {
        return cache.first(joined(Query.from(WORK_ORDERS)).where(WORK_ORDERS.id.eq(id.value())), WorkOrderRepository::summary);
    }

    /** What a status needs, as the server's checks say (work_order_scheduled_job_needs_window, …_needs_technician). */
    private static List<FieldError> statusNeeds(WorkOrderStatus status, boolean hasWindow, boolean hasTechnician) {
        List<FieldError> problems = new ArrayList<>();
        if (status.needsWindow() && !hasWindow) {
            problems.add(new FieldError("windowStart", "A " + status.label().toLowerCase(java.util.Locale.ROOT)
                    + " job needs a scheduled window."));
        }
        if (status.needsTechnician() && !hasTechnician) {
            problems.add(new FieldError("technician", "A " + status.label().toLowerCase(java.util.Locale.ROOT)
                    + " job needs a technician."));
        }
        return problems;
    }

    private static RowValues draftValues(WorkOrderDraft draft) {
        return RowValues.of(WORK_ORDERS).set(WORK_ORDERS.customerId, draft.customer().value())
                .set(WORK_ORDERS.customerAddressId, draft.address().orElse(null))
                .set(WORK_ORDERS.title, draft.title()).set(WORK_ORDERS.description, draft.description())
                .set(WORK_ORDERS.priority, draft.priority().code())
                .set(WORK_ORDERS.technicianId, draft.technician().orElse(null))
                .set(WORK_ORDERS.scheduledStart, draft.windowStart().orElse(null))
                .set(WORK_ORDERS.scheduledEnd, draft.windowEnd().orElse(null))
                .set(WORK_ORDERS.total, draft.total());
    }

    // ---- the company ----

    /** The company's time zone (days on the board and in filters are its days); UTC until the company is synced. */
    public CompanyZone companyZone() {
        return companyColumn(COMPANIES.timezone).map(CompanyZone::of).orElse(CompanyZone.UTC);
    }

    private <T> Optional<T> companyColumn(Column<T> column) {
        return companyId().flatMap(company -> cache.first(Query.from(COMPANIES).where(COMPANIES.id.eq(company)),
                row -> row.get(column)));
    }

    private RowValues withCompany(RowValues values) {
        return companyId().map(company -> values.set(WORK_ORDERS.companyId, company)).orElse(values);
    }

    private Optional<UUID> companyId() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId));
    }
}
