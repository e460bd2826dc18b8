package com.fielddesk.domain.messages;

import com.fielddesk.cache.query.Condition;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Pending;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.query.Table;
import com.fielddesk.cache.query.Transaction;
import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.TextRules;
import com.fielddesk.domain.common.UserId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_MESSAGES;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_THREADS;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_MESSAGES;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_THREADS;
import static com.fielddesk.cache.query.CacheTables.INTERNAL_THREAD_READS;
import static com.fielddesk.cache.query.CacheTables.PROFILES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * The two inboxes over the offline cache, kept apart by type: customer threads (the customer reads
 * them) and internal threads (staff only) have their own ids, summaries, messages and methods, so
 * no call can put an internal note into a customer thread. Reads are SQL on the cache; each write
 * is validated first (the server's length checks) and is one local transaction — a new thread with
 * its first message together — so a message written offline is kept and sent once.
 */
public final class MessagesRepository {

    /** The tables the Customers inbox reads. */
    public static final List<Table> CUSTOMER_READS = List.of(CUSTOMER_THREADS, CUSTOMER_MESSAGES, CUSTOMERS, WORK_ORDERS);
    /** The tables the Internal inbox reads. */
    public static final List<Table> INTERNAL_READS = List.of(INTERNAL_THREADS, INTERNAL_MESSAGES, INTERNAL_THREAD_READS,
            PROFILES, WORK_ORDERS);

    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 4_000;
    /** How much of the last message an inbox line shows. */
    private static final int EXCERPT_LENGTH = 120;
    /** Compiled once: an inbox page cuts an excerpt for each of its rows. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final String FROM_CUSTOMER = "customer";
    private static final String FROM_STAFF = "staff";

    private final LocalCache cache;
    private final UserId currentUser;
    private final Clock clock;

    public MessagesRepository(LocalCache cache, UserId currentUser, Clock clock) {
        this.cache = cache;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---- the Customers inbox ----

    /** Customer threads, the most recent conversation first, with their unread counts and last message. */
    public List<CustomerThreadSummary> customerThreads(ThreadFilter filter, int limit) {
        List<Condition> conditions = new ArrayList<>();
        filter.workOrder().ifPresent(job -> conditions.add(CUSTOMER_THREADS.workOrderId.eq(job)));
        if (filter.jobNumber().isPresent()) {
            List<UUID> jobs = workOrdersNumbered(filter.jobNumber().getAsLong());
            if (jobs.isEmpty()) {
                return List.of();
            }
            conditions.add(CUSTOMER_THREADS.workOrderId.in(jobs));
        }
        if (filter.unreadOnly()) {
            Map<UUID, Long> unread = unreadByThread();
            if (unread.isEmpty()) {
                return List.of();
            }
            conditions.add(CUSTOMER_THREADS.id.in(unread.keySet()));
        }
        if (filter.mineOnly()) {
            java.util.Set<UUID> mine = new java.util.HashSet<>(cache.list(Query.from(CUSTOMER_MESSAGES)
                    .where(CUSTOMER_MESSAGES.senderId.eq(currentUser.value())), row -> row.get(CUSTOMER_MESSAGES.customerThreadId)));
            if (mine.isEmpty()) {
                return List.of();
            }
            conditions.add(CUSTOMER_THREADS.id.in(mine));
        }
        if (!filter.text().isEmpty()) {
            conditions.add(CUSTOMER_THREADS.subject.containsText(filter.text()).or(CUSTOMERS.fullName.containsText(filter.text())));
        }
        // First the page's ids, in index order of last activity: the joins, the pending flag and the
        // unread counts are then worked out for the threads shown, not for every thread in the cache.
        List<Activity> activity = byActivity(Query.from(CUSTOMER_THREADS).leftJoin(CUSTOMERS, CUSTOMERS.id, CUSTOMER_THREADS.customerId)
                .where(Condition.all(conditions)), CUSTOMER_THREADS, CUSTOMER_THREADS.lastMessageAt, CUSTOMER_THREADS.createdAt, limit);
        if (activity.isEmpty()) {
            return List.of();
        }
        List<UUID> page = activity.stream().map(Activity::thread).toList();
        Map<UUID, Long> unread = cache.countBy(unreadMessages().where(CUSTOMER_MESSAGES.customerThreadId.in(page)),
                CUSTOMER_MESSAGES.customerThreadId);
        Map<UUID, String> excerpts = lastMessages(CUSTOMER_MESSAGES, CUSTOMER_MESSAGES.customerThreadId, CUSTOMER_MESSAGES.createdAt,
                CUSTOMER_MESSAGES.body, activity);
        Map<CustomerThreadId, CustomerThreadSummary> lines = cache.list(Query.from(CUSTOMER_THREADS)
                        .leftJoin(CUSTOMERS, CUSTOMERS.id, CUSTOMER_THREADS.customerId)
                        .leftJoin(WORK_ORDERS, WORK_ORDERS.id, CUSTOMER_THREADS.workOrderId)
                        .select(Pending.of(CUSTOMER_THREADS)).where(CUSTOMER_THREADS.id.in(page)),
                row -> {
                    UUID id = row.get(CUSTOMER_THREADS.id);
                    Long number = row.has(WORK_ORDERS) ? row.get(WORK_ORDERS.number) : null;
                    return new CustomerThreadSummary(new CustomerThreadId(id), row.get(CUSTOMER_THREADS.subject),
                            new CustomerId(row.get(CUSTOMER_THREADS.customerId)), row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : "",
                            row.get(CUSTOMER_THREADS.workOrderId), Optional.ofNullable(number),
                            Optional.ofNullable(row.get(CUSTOMER_THREADS.lastMessageAt)), Optional.ofNullable(excerpts.get(id)),
                            unread.getOrDefault(id, 0L), Boolean.TRUE.equals(row.get(Pending.of(CUSTOMER_THREADS))));
                }).stream().collect(java.util.stream.Collectors.toMap(CustomerThreadSummary::id, line -> line));
        return page.stream().map(id -> lines.get(new CustomerThreadId(id))).filter(java.util.Objects::nonNull).toList();
    }

    /** The work order (job or quote) with that number: one in a company's copy, or none. */
    private List<UUID> workOrdersNumbered(long number) {
        return cache.list(Query.from(WORK_ORDERS).where(WORK_ORDERS.number.eq(number)), row -> row.get(WORK_ORDERS.id));
    }

    /** A thread of an inbox page and its last activity (null: none synced yet). */
    private record Activity(UUID thread, java.time.Instant last) {
    }

    /**
     * Up to {@code limit} threads, by last activity: threads with none yet (started here and not
     * synced: {@code last_message_at} is null) first, then the most recent — each part read in the
     * order of an index (cache V13), so no sort over every thread in the cache.
     */
    private List<Activity> byActivity(Query threads, Table table, com.fielddesk.cache.query.Column<java.time.Instant> lastMessageAt,
                                      com.fielddesk.cache.query.Column<java.time.Instant> createdAt, int limit) {
        List<Activity> page = new ArrayList<>(cache.list(threads.where(lastMessageAt.isNull())
                .orderBy(createdAt.desc(), table.id.desc()).limit(limit), row -> new Activity(row.get(table.id), null)));
        if (page.size() < limit) {
            page.addAll(cache.list(threads.where(lastMessageAt.isNotNull())
                            .orderBy(lastMessageAt.desc(), createdAt.desc(), table.id.desc()).limit(limit - page.size()),
                    row -> new Activity(row.get(table.id), row.get(lastMessageAt))));
        }
        return page;
    }

    /** At most this many recent messages are read at once for a page's excerpts (a thread not among them is looked up alone). */
    private static final int RECENT_MESSAGES_READ = 2_000;

    /**
     * Each thread's newest message, as an inbox excerpt. One written here and not sent yet
     * ({@code created_at} is null) is the newest; else the newest sent, whose time is the thread's
     * last activity (the server keeps it so): the page's messages since its oldest last activity
     * come in one indexed read, newest first, and only a thread not among them (rare: an
     * inconsistent copy, or a page of very busy threads) takes a lookup of its own.
     */
    private Map<UUID, String> lastMessages(Table messages, com.fielddesk.cache.query.Column<UUID> threadColumn,
                                           com.fielddesk.cache.query.Column<java.time.Instant> createdAt,
                                           com.fielddesk.cache.query.Column<String> body, List<Activity> page) {
        List<UUID> threads = page.stream().map(Activity::thread).toList();
        Map<UUID, String> excerpts = new java.util.HashMap<>();
        cache.list(Query.from(messages).where(threadColumn.in(threads).and(createdAt.isNull())),
                row -> Map.entry(row.get(threadColumn), row.get(body))).forEach(unsent -> excerpts.put(unsent.getKey(),
                excerpt(unsent.getValue())));
        page.stream().map(Activity::last).filter(java.util.Objects::nonNull).min(java.util.Comparator.naturalOrder())
                .ifPresent(since -> cache.list(Query.from(messages).where(threadColumn.in(threads).and(createdAt.ge(since)))
                                .orderBy(createdAt.desc()).limit(RECENT_MESSAGES_READ),
                        row -> Map.entry(row.get(threadColumn), row.get(body)))
                        .forEach(recent -> excerpts.computeIfAbsent(recent.getKey(), thread -> excerpt(recent.getValue()))));
        for (UUID thread : threads) {
            if (!excerpts.containsKey(thread)) {
                cache.first(Query.from(messages).where(threadColumn.eq(thread)).orderBy(createdAt.desc()).limit(1),
                        row -> excerpt(row.get(body))).ifPresent(text -> excerpts.put(thread, text));
            }
        }
        return excerpts;
    }

    /** Unread customer messages in all threads (the nav item's and the window title's number). */
    public long unreadTotal() {
        return cache.count(unreadMessages());
    }

    private Map<UUID, Long> unreadByThread() {
        return cache.countBy(unreadMessages(), CUSTOMER_MESSAGES.customerThreadId);
    }

    /** A customer's messages no staff member has opened: {@code read_at} is set when one does. */
    private static Query unreadMessages() {
        return Query.from(CUSTOMER_MESSAGES).where(CUSTOMER_MESSAGES.senderKind.eq(FROM_CUSTOMER)
                .and(CUSTOMER_MESSAGES.readAt.isNull()));
    }

    /** A customer thread's messages in order; one written here and not yet sent comes last, pending. */
    public List<CustomerMessage> customerMessages(CustomerThreadId thread) {
        String customerName = cache.first(Query.from(CUSTOMER_THREADS).leftJoin(CUSTOMERS, CUSTOMERS.id, CUSTOMER_THREADS.customerId)
                        .where(CUSTOMER_THREADS.id.eq(thread.value())), row -> row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : null)
                .orElse(null);
        List<CustomerMessage> messages = cache.list(Query.from(CUSTOMER_MESSAGES).leftJoin(PROFILES, PROFILES.id, CUSTOMER_MESSAGES.senderId)
                        .select(Pending.of(CUSTOMER_MESSAGES)).where(CUSTOMER_MESSAGES.customerThreadId.eq(thread.value()))
                        .orderBy(CUSTOMER_MESSAGES.createdAt.asc().nullsLast(), CUSTOMER_MESSAGES.id.asc()),
                row -> {
                    boolean fromCustomer = FROM_CUSTOMER.equals(row.get(CUSTOMER_MESSAGES.senderKind));
                    String staffName = row.has(PROFILES) ? row.get(PROFILES.fullName) : null;
                    String staffRole = !fromCustomer && row.has(PROFILES) ? row.get(PROFILES.role) : null;
                    return new CustomerMessage(row.get(CUSTOMER_MESSAGES.id), row.get(CUSTOMER_MESSAGES.body), fromCustomer,
                            fromCustomer ? (customerName == null ? "Customer" : customerName)
                                    : (staffName == null ? "Staff" : staffName),
                            Optional.ofNullable(staffRole).map(Role::fromCode),
                            Optional.ofNullable(row.get(CUSTOMER_MESSAGES.createdAt)), Optional.ofNullable(row.get(CUSTOMER_MESSAGES.readAt)),
                            // Pending means written here and not on the server yet. A customer's message
                            // has only its read mark queued here (when a staff member opened it): not pending.
                            !fromCustomer && Boolean.TRUE.equals(row.get(Pending.of(CUSTOMER_MESSAGES))), Optional.empty());
                });
        return withQueued(messages, CUSTOMER_MESSAGES, CUSTOMER_MESSAGES.customerThreadId, thread.value(), CustomerMessage::id,
                (message, refusal) -> new CustomerMessage(message.id(), message.body(), message.fromCustomer(), message.senderName(),
                        message.senderRole(), message.sentAt(), message.readAt(), true, Optional.of(refusal)),
                (id, body, refusal) -> new CustomerMessage(id, body, false, currentUserName(), currentUserRole(), Optional.empty(),
                        Optional.empty(), true, refusal));
    }

    /** A message of the thread not in this computer's copy (yet, or any more): its id, text and refusal, if refused. */
    private interface Unsent<M> {
        M message(UUID id, String body, Optional<MessageRefusal> refusal);
    }

    /**
     * The thread's messages as the cache has them, with what the sync queue adds: the server's
     * reason on each refused message, and messages written here the cache does not show — a refused
     * one (after a refusal the cache shows the server's state, without it) or one resent and
     * waiting — last, pending, in the order written.
     */
    private <M> List<M> withQueued(List<M> cached, Table messages, com.fielddesk.cache.query.Column<UUID> threadColumn, UUID thread,
                                   java.util.function.Function<M, UUID> idOf,
                                   java.util.function.BiFunction<M, MessageRefusal, M> refused, Unsent<M> unsent) {
        List<com.fielddesk.cache.outbox.OutboxEntry> queued = cache.queuedChanges(messages);
        if (queued.isEmpty()) {
            return cached;
        }
        Map<UUID, MessageRefusal> refusals = new java.util.HashMap<>();
        Map<UUID, String> written = new java.util.LinkedHashMap<>();
        for (com.fielddesk.cache.outbox.OutboxEntry entry : queued) {
            UUID row = UUID.fromString(entry.rowId());
            if (entry.state() == com.fielddesk.cache.outbox.OutboxEntry.State.QUARANTINED) {
                refusals.putIfAbsent(row, new MessageRefusal(entry.mutationId(), Optional.ofNullable(entry.errorCode()),
                        Optional.ofNullable(entry.errorMessage()),
                        Optional.ofNullable(entry.errorDetails()).filter(details -> !details.isNull()).map(Object::toString)));
            }
            if (entry.operation() == com.fielddesk.cache.outbox.Operation.INSERT
                    && thread.toString().equals(entry.changes().path(threadColumn.name()).asText(null))) {
                written.put(row, entry.changes().path("body").asText(""));
            }
        }
        List<M> shown = new ArrayList<>(cached.size() + written.size());
        java.util.Set<UUID> inCache = new java.util.HashSet<>();
        for (M message : cached) {
            UUID id = idOf.apply(message);
            inCache.add(id);
            shown.add(refusals.containsKey(id) ? refused.apply(message, refusals.get(id)) : message);
        }
        written.forEach((id, body) -> {
            if (!inCache.contains(id)) {
                shown.add(unsent.message(id, body, Optional.ofNullable(refusals.get(id))));
            }
        });
        return shown;
    }

    private String currentUserName() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> Optional.ofNullable(row.get(PROFILES.fullName)))
                .flatMap(name -> name).filter(name -> !name.isBlank()).orElse("Staff");
    }

    /** A staff member opened the thread: the customer's unread messages in it are read (one transaction). */
    public void markRead(CustomerThreadId thread) {
        List<UUID> unread = cache.list(unreadMessages().where(CUSTOMER_MESSAGES.customerThreadId.eq(thread.value())),
                row -> row.get(CUSTOMER_MESSAGES.id));
        if (unread.isEmpty()) {
            return;
        }
        java.time.Instant now = clock.instant();
        cache.transaction(tx -> unread.forEach(message -> tx.update(CUSTOMER_MESSAGES, message,
                RowValues.of(CUSTOMER_MESSAGES).set(CUSTOMER_MESSAGES.readAt, now))));
    }

    /** A reply the customer will read. */
    public UUID replyToCustomer(CustomerThreadId thread, String body) {
        String text = checkedBody(body);
        return cache.transactionReturning(tx -> insertCustomerMessage(tx, thread.value(), text));
    }

    /** A new thread with the customer about a work order, and its first message, together. */
    public CustomerThreadId startCustomerThread(UUID workOrder, CustomerId customer, String subject, String firstMessage) {
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "subject", "A subject", TextRules.clean(subject), SUBJECT_MAX);
        TextRules.required(problems, "body", "A message", TextRules.clean(firstMessage), BODY_MAX);
        InvalidInputException.throwIfAny(problems);
        return cache.transactionReturning(tx -> {
            RowValues values = RowValues.of(CUSTOMER_THREADS).set(CUSTOMER_THREADS.workOrderId, workOrder)
                    .set(CUSTOMER_THREADS.customerId, customer.value()).set(CUSTOMER_THREADS.subject, TextRules.clean(subject));
            UUID thread = tx.insert(withCompany(tx, values, CUSTOMER_THREADS.companyId));
            insertCustomerMessage(tx, thread, TextRules.clean(firstMessage));
            return new CustomerThreadId(thread);
        });
    }

    private UUID insertCustomerMessage(Transaction tx, UUID thread, String body) {
        RowValues values = RowValues.of(CUSTOMER_MESSAGES).set(CUSTOMER_MESSAGES.customerThreadId, thread)
                .set(CUSTOMER_MESSAGES.senderKind, FROM_STAFF).set(CUSTOMER_MESSAGES.senderId, currentUser.value())
                .set(CUSTOMER_MESSAGES.body, body);
        return tx.insert(withCompany(tx, values, CUSTOMER_MESSAGES.companyId));
    }

    // ---- the Internal inbox ----

    /** Internal threads, the most recent conversation first, with the signed-in user's unread counts. */
    public List<InternalThreadSummary> internalThreads(ThreadFilter filter, int limit) {
        Map<UUID, Long> unread = cache.countBy(unreadInternalMessages(), INTERNAL_MESSAGES.internalThreadId);
        List<Condition> conditions = new ArrayList<>();
        if (filter.unreadOnly()) {
            if (unread.isEmpty()) {
                return List.of();
            }
            conditions.add(INTERNAL_THREADS.id.in(unread.keySet()));
        }
        if (filter.mineOnly()) {
            java.util.Set<UUID> mine = new java.util.HashSet<>(cache.list(Query.from(INTERNAL_MESSAGES)
                    .where(INTERNAL_MESSAGES.authorId.eq(currentUser.value())), row -> row.get(INTERNAL_MESSAGES.internalThreadId)));
            mine.addAll(cache.list(Query.from(INTERNAL_THREADS).where(INTERNAL_THREADS.createdBy.eq(currentUser.value())),
                    row -> row.get(INTERNAL_THREADS.id)));
            if (mine.isEmpty()) {
                return List.of();
            }
            conditions.add(INTERNAL_THREADS.id.in(mine));
        }
        filter.workOrder().ifPresent(job -> conditions.add(INTERNAL_THREADS.workOrderId.eq(job)));
        if (filter.jobNumber().isPresent()) {
            List<UUID> jobs = workOrdersNumbered(filter.jobNumber().getAsLong());
            if (jobs.isEmpty()) {
                return List.of();
            }
            conditions.add(INTERNAL_THREADS.workOrderId.in(jobs));
        }
        if (!filter.text().isEmpty()) {
            conditions.add(INTERNAL_THREADS.subject.containsText(filter.text()));
        }
        List<Activity> activity = byActivity(Query.from(INTERNAL_THREADS).where(Condition.all(conditions)), INTERNAL_THREADS,
                INTERNAL_THREADS.lastMessageAt, INTERNAL_THREADS.createdAt, limit);
        if (activity.isEmpty()) {
            return List.of();
        }
        List<UUID> page = activity.stream().map(Activity::thread).toList();
        Map<UUID, String> excerpts = lastMessages(INTERNAL_MESSAGES, INTERNAL_MESSAGES.internalThreadId, INTERNAL_MESSAGES.createdAt,
                INTERNAL_MESSAGES.body, activity);
        Map<InternalThreadId, InternalThreadSummary> lines = cache.list(Query.from(INTERNAL_THREADS)
                        .leftJoin(WORK_ORDERS, WORK_ORDERS.id, INTERNAL_THREADS.workOrderId)
                        .leftJoin(PROFILES, PROFILES.id, INTERNAL_THREADS.createdBy)
                        .select(Pending.of(INTERNAL_THREADS)).where(INTERNAL_THREADS.id.in(page)),
                row -> {
                    UUID id = row.get(INTERNAL_THREADS.id);
                    return new InternalThreadSummary(new InternalThreadId(id), row.get(INTERNAL_THREADS.subject),
                            Optional.ofNullable(row.get(INTERNAL_THREADS.workOrderId)),
                            Optional.ofNullable(row.has(WORK_ORDERS) ? row.get(WORK_ORDERS.number) : null),
                            Optional.ofNullable(row.has(PROFILES) ? row.get(PROFILES.fullName) : null),
                            Optional.ofNullable(row.get(INTERNAL_THREADS.lastMessageAt)), Optional.ofNullable(excerpts.get(id)),
                            unread.getOrDefault(id, 0L), Boolean.TRUE.equals(row.get(Pending.of(INTERNAL_THREADS))));
                }).stream().collect(java.util.stream.Collectors.toMap(InternalThreadSummary::id, line -> line));
        return page.stream().map(id -> lines.get(new InternalThreadId(id))).filter(java.util.Objects::nonNull).toList();
    }

    /** Unread internal notes in all threads, for the signed-in user. */
    public long internalUnreadTotal() {
        return cache.count(unreadInternalMessages());
    }

    /**
     * Notes by others that the signed-in user has not read: newer than their read marker of the
     * thread, or every one in a thread they never opened. The cache holds only the signed-in user's
     * markers (the server sends no one else's); the user condition keeps that true here too.
     */
    private Query unreadInternalMessages() {
        return Query.from(INTERNAL_MESSAGES)
                .leftJoin(INTERNAL_THREAD_READS, INTERNAL_THREAD_READS.internalThreadId, INTERNAL_MESSAGES.internalThreadId)
                .where(INTERNAL_MESSAGES.authorId.ne(currentUser.value())
                        .and(INTERNAL_THREAD_READS.id.isNull().or(INTERNAL_THREAD_READS.userId.eq(currentUser.value())
                                .and(INTERNAL_MESSAGES.createdAt.gt(INTERNAL_THREAD_READS.readAt)))));
    }

    /**
     * The signed-in user opened the thread: their marker moves up to its newest note (its server
     * time, so a console whose clock is off marks neither too little nor too much), or to now for a
     * thread with no synced note yet. One row per user and thread, kept and updated through the
     * outbox (its id derived from the thread and the user: {@link #markerId}); nothing is written
     * when the marker is already there.
     */
    public void markRead(InternalThreadId thread) {
        java.time.Instant upTo = cache.first(Query.from(INTERNAL_MESSAGES)
                        .where(INTERNAL_MESSAGES.internalThreadId.eq(thread.value()).and(INTERNAL_MESSAGES.createdAt.isNotNull()))
                        .orderBy(INTERNAL_MESSAGES.createdAt.desc().nullsLast()).limit(1),
                row -> row.get(INTERNAL_MESSAGES.createdAt)).orElseGet(clock::instant);
        cache.transaction(tx -> {
            Optional<Marker> marker = tx.first(Query.from(INTERNAL_THREAD_READS)
                            .where(INTERNAL_THREAD_READS.internalThreadId.eq(thread.value())
                                    .and(INTERNAL_THREAD_READS.userId.eq(currentUser.value()))),
                    row -> new Marker(row.get(INTERNAL_THREAD_READS.id), row.get(INTERNAL_THREAD_READS.readAt)));
            if (marker.isEmpty()) {
                tx.insert(withCompany(tx, RowValues.of(INTERNAL_THREAD_READS)
                        .set(INTERNAL_THREAD_READS.id, markerId(thread, currentUser))
                        .set(INTERNAL_THREAD_READS.internalThreadId, thread.value())
                        .set(INTERNAL_THREAD_READS.userId, currentUser.value())
                        .set(INTERNAL_THREAD_READS.readAt, upTo), INTERNAL_THREAD_READS.companyId));
            } else if (marker.get().readAt() == null || marker.get().readAt().isBefore(upTo)) {
                tx.update(INTERNAL_THREAD_READS, marker.get().id(), RowValues.of(INTERNAL_THREAD_READS)
                        .set(INTERNAL_THREAD_READS.readAt, upTo));
            }
        });
    }

    private record Marker(UUID id, java.time.Instant readAt) {
    }

    /**
     * A user's marker of a thread has one id everywhere, derived from the two: two consoles of the
     * user that mark the thread read for the first time while offline write the same row, and the
     * server keeps one marker with the later time (migration 20261210100000), not a sync issue.
     */
    static UUID markerId(InternalThreadId thread, UserId user) {
        return UUID.nameUUIDFromBytes(("internal_thread_reads:" + thread.value() + ":" + user.value())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public List<InternalMessage> internalMessages(InternalThreadId thread) {
        List<InternalMessage> messages = cache.list(Query.from(INTERNAL_MESSAGES).leftJoin(PROFILES, PROFILES.id, INTERNAL_MESSAGES.authorId)
                        .select(Pending.of(INTERNAL_MESSAGES)).where(INTERNAL_MESSAGES.internalThreadId.eq(thread.value()))
                        .orderBy(INTERNAL_MESSAGES.createdAt.asc().nullsLast(), INTERNAL_MESSAGES.id.asc()),
                row -> new InternalMessage(row.get(INTERNAL_MESSAGES.id), row.get(INTERNAL_MESSAGES.body),
                        row.has(PROFILES) ? row.get(PROFILES.fullName) : "Staff",
                        Optional.ofNullable(row.has(PROFILES) ? row.get(PROFILES.role) : null).map(Role::fromCode),
                        Optional.ofNullable(row.get(INTERNAL_MESSAGES.createdAt)),
                        Boolean.TRUE.equals(row.get(Pending.of(INTERNAL_MESSAGES))), Optional.empty()));
        return withQueued(messages, INTERNAL_MESSAGES, INTERNAL_MESSAGES.internalThreadId, thread.value(), InternalMessage::id,
                (message, refusal) -> new InternalMessage(message.id(), message.body(), message.authorName(), message.authorRole(),
                        message.sentAt(), true, Optional.of(refusal)),
                (id, body, refusal) -> new InternalMessage(id, body, currentUserName(), currentUserRole(), Optional.empty(), true,
                        refusal));
    }

    private Optional<Role> currentUserRole() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> Optional.ofNullable(row.get(PROFILES.role)))
                .flatMap(role -> role).map(Role::fromCode);
    }

    /** A note only staff read. */
    public UUID postInternal(InternalThreadId thread, String body) {
        String text = checkedBody(body);
        return cache.transactionReturning(tx -> insertInternalMessage(tx, thread.value(), text));
    }

    /** A new internal thread (optionally about a work order) and its first note, together. */
    public InternalThreadId startInternalThread(Optional<UUID> workOrder, String subject, String firstMessage) {
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "subject", "A subject", TextRules.clean(subject), SUBJECT_MAX);
        TextRules.required(problems, "body", "A message", TextRules.clean(firstMessage), BODY_MAX);
        InvalidInputException.throwIfAny(problems);
        return cache.transactionReturning(tx -> {
            RowValues values = RowValues.of(INTERNAL_THREADS).set(INTERNAL_THREADS.workOrderId, workOrder.orElse(null))
                    .set(INTERNAL_THREADS.subject, TextRules.clean(subject)).set(INTERNAL_THREADS.createdBy, currentUser.value());
            UUID thread = tx.insert(withCompany(tx, values, INTERNAL_THREADS.companyId));
            insertInternalMessage(tx, thread, TextRules.clean(firstMessage));
            return new InternalThreadId(thread);
        });
    }

    private UUID insertInternalMessage(Transaction tx, UUID thread, String body) {
        RowValues values = RowValues.of(INTERNAL_MESSAGES).set(INTERNAL_MESSAGES.internalThreadId, thread)
                .set(INTERNAL_MESSAGES.authorId, currentUser.value()).set(INTERNAL_MESSAGES.body, body);
        return tx.insert(withCompany(tx, values, INTERNAL_MESSAGES.companyId));
    }

    // ---- shared ----

    /**
     * What arrived after {@code after}, newest first, at most {@code limit}: customers' messages
     * no one at the office has read, and notes by colleagues (never the user's own) — for a
     * notification wherever the user is. Times are the server's ({@code created_at}).
     */
    public List<MessageArrival> arrivalsSince(java.time.Instant after, int limit) {
        List<MessageArrival> arrivals = new ArrayList<>(cache.list(Query.from(CUSTOMER_MESSAGES)
                        .leftJoin(CUSTOMER_THREADS, CUSTOMER_THREADS.id, CUSTOMER_MESSAGES.customerThreadId)
                        .leftJoin(CUSTOMERS, CUSTOMERS.id, CUSTOMER_THREADS.customerId)
                        .where(CUSTOMER_MESSAGES.senderKind.eq(FROM_CUSTOMER).and(CUSTOMER_MESSAGES.readAt.isNull())
                                .and(CUSTOMER_MESSAGES.createdAt.gt(after)))
                        .orderBy(CUSTOMER_MESSAGES.createdAt.desc(), CUSTOMER_MESSAGES.id.desc()).limit(limit),
                row -> new MessageArrival(row.get(CUSTOMER_MESSAGES.customerThreadId), false,
                        row.has(CUSTOMERS) ? row.get(CUSTOMERS.fullName) : "A customer",
                        row.has(CUSTOMER_THREADS) ? row.get(CUSTOMER_THREADS.subject) : "",
                        excerpt(row.get(CUSTOMER_MESSAGES.body)), row.get(CUSTOMER_MESSAGES.createdAt))));
        arrivals.addAll(cache.list(Query.from(INTERNAL_MESSAGES)
                        .leftJoin(INTERNAL_THREADS, INTERNAL_THREADS.id, INTERNAL_MESSAGES.internalThreadId)
                        .leftJoin(PROFILES, PROFILES.id, INTERNAL_MESSAGES.authorId)
                        .where(INTERNAL_MESSAGES.authorId.ne(currentUser.value()).and(INTERNAL_MESSAGES.createdAt.gt(after)))
                        .orderBy(INTERNAL_MESSAGES.createdAt.desc(), INTERNAL_MESSAGES.id.desc()).limit(limit),
                row -> new MessageArrival(row.get(INTERNAL_MESSAGES.internalThreadId), true,
                        row.has(PROFILES) ? row.get(PROFILES.fullName) : "A colleague",
                        row.has(INTERNAL_THREADS) ? row.get(INTERNAL_THREADS.subject) : "",
                        excerpt(row.get(INTERNAL_MESSAGES.body)), row.get(INTERNAL_MESSAGES.createdAt))));
        arrivals.sort(java.util.Comparator.comparing(MessageArrival::at).reversed());
        return List.copyOf(arrivals.subList(0, Math.min(limit, arrivals.size())));
    }

    /**
     * Calls {@code listener} after each committed change to the sync queue (a message refused,
     * resent — here or from the sync-issues list — or discarded), on the committing thread; a
     * thread with a pending message reloads then. Closing the handle stops it.
     */
    public AutoCloseable onQueueChange(Runnable listener) {
        return cache.onChange(notice -> {
            if (notice.touches(com.fielddesk.cache.outbox.Outbox.TABLE)) {
                listener.run();
            }
        });
    }

    /** Whether an id is one of the internal threads (else it is taken for a customer thread). */
    public boolean isInternalThread(UUID thread) {
        return cache.count(Query.from(INTERNAL_THREADS).where(INTERNAL_THREADS.id.eq(thread))) > 0;
    }

    private static String checkedBody(String body) {
        String text = TextRules.clean(body);
        List<FieldError> problems = new ArrayList<>();
        TextRules.required(problems, "body", "A message", text, BODY_MAX);
        InvalidInputException.throwIfAny(problems);
        return text;
    }

    private static String excerpt(String body) {
        String oneLine = body == null ? "" : WHITESPACE_RUN.matcher(body.strip()).replaceAll(" ");
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT_LENGTH) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT_LENGTH - 1)) + "…";
    }

    private RowValues withCompany(Transaction tx, RowValues values, com.fielddesk.cache.query.Column<UUID> companyColumn) {
        return tx.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId))
                .map(company -> values.set(companyColumn, company)).orElse(values);
    }
}
