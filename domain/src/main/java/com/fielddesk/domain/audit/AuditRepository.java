package com.fielddesk.domain.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.audit.AuditLogPort;
import com.fielddesk.cache.audit.AuditLogQuery;
import com.fielddesk.cache.audit.WitnessedHeads;
import com.fielddesk.cache.calls.RefusedCallException;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Query;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.PROFILES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * The supervisors' audit log: read from the server page by page (filters in the server's SQL,
 * keyset on the chain's sequence number — millions of entries stay fast), each entry in words
 * (names from this computer's cache where it has them, a field-by-field diff), and **verify**: the
 * server's own chain check, then every chain head this computer witnessed before, so a history
 * rewritten with all hashes recomputed is still caught. Supervisors and admins only; the server's
 * row security decides as well.
 *
 * <p>Their consoles also keep the most recent entries (the offline window, 30 days unless the
 * person chose otherwise) in an {@link AuditOfflineCopy}, refreshed page by page with
 * {@link #refreshOfflineCopy}; a page the server cannot serve because it cannot be reached comes
 * from that copy, and says so ({@link AuditPage#offlineSince()}).
 */
public final class AuditRepository {

    /** Bookkeeping every synced row carries; not what a person changed. */
    private static final Set<String> NOT_CHANGES = Set.of("version", "sync_xid", "last_mutation_id", "updated_at",
            "created_at", "company_id", "id");

    private final AuditLogPort server;
    private final WitnessedHeads witnessed;
    private final LocalCache cache;
    private final UserId currentUser;
    private final AuditOfflineCopy offline;
    private final Clock clock;
    /** Until when the server counts as unreachable (a page then comes from the offline copy without asking it). */
    private volatile Instant unreachableUntil = Instant.MIN;
    /** The newest head this repository has written as witnessed. */
    private volatile long newestWitnessed;
    static final Duration TRY_THE_SERVER_AGAIN = Duration.ofSeconds(30);
    /** Witnessed heads checked per request to the server. */
    static final int HEADS_PER_REQUEST = 200;

    public AuditRepository(AuditLogPort server, WitnessedHeads witnessed, LocalCache cache, UserId currentUser,
                           AuditOfflineCopy offline, Clock clock) {
        this.server = server;
        this.witnessed = witnessed;
        this.cache = cache;
        this.currentUser = currentUser;
        this.offline = offline;
        this.clock = clock;
    }

    /** A person of the company, as the "person" filter lists them. */
    public record Person(UUID id, String name, Role role) {
    }

    /** The people of the company this computer knows, by name (the log names them; the filter picks one). */
    public List<Person> people() {
        return cache.list(Query.from(PROFILES).orderBy(PROFILES.fullName.asc(), PROFILES.id.asc()),
                row -> new Person(row.get(PROFILES.id), Optional.ofNullable(row.get(PROFILES.fullName)).orElse("(no name)"),
                        Role.fromCode(row.get(PROFILES.role))));
    }

    /** Whether this person may read the log (supervisors and admins). */
    public boolean mayRead() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.role))
                .map(Role::fromCode).map(Role::isManager).orElse(false);
    }

    /**
     * A page of entries, newest first; {@code before} is the previous page's {@link AuditPage#before()}.
     * The newest entry read is remembered as a witnessed head. When the server cannot be reached
     * and this computer keeps an offline copy, the page comes from the copy (and says so).
     */
    public AuditPage page(AuditFilter filter, Optional<Long> before, int limit) {
        if (clock.instant().isBefore(unreachableUntil)) {
            // The server was not reached moments ago: the copy answers at once instead of after another failed connection.
            requireReader();
            Optional<AuditPage> copy = offlinePage(filter, before, limit);
            if (copy.isPresent()) {
                return copy.get();
            }
        }
        try {
            return serverPage(filter, before, limit);
        } catch (AuditUnavailableException unavailable) {
            if (unavailable.reason() != AuditUnavailableException.Reason.SERVER_UNREACHABLE) {
                throw unavailable;
            }
            return offlinePage(filter, before, limit).orElseThrow(() -> unavailable);
        }
    }

    private Optional<AuditPage> offlinePage(AuditFilter filter, Optional<Long> before, int limit) {
        Optional<UUID> company = companyId();
        Optional<AuditOfflineCopy.Range> range = company.flatMap(offline::range);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode> rows = offline.page(company.get(), query(filter, before, limit));
        return Optional.of(page(rows, limit, Optional.of(range.get().since())));
    }

    /** Remembers the newest entry of a page as a witnessed head (once: an older or the same head again is not written). */
    private void witness(List<JsonNode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long seq = rows.get(0).path("seq").asLong();
        if (seq > newestWitnessed) {
            companyId().ifPresent(company -> witnessed.witness(company, new WitnessedHeads.Head(seq, rows.get(0).path("hash").asText())));
            newestWitnessed = seq;
        }
    }

    /** A page from the server only (an export is of the server's log, never of the offline copy). */
    public AuditPage serverPage(AuditFilter filter, Optional<Long> before, int limit) {
        requireReader();
        List<JsonNode> rows;
        try {
            rows = onServer(() -> server.page(query(filter, before, limit)));
        } catch (AuditUnavailableException unavailable) {
            if (unavailable.reason() == AuditUnavailableException.Reason.SERVER_UNREACHABLE) {
                unreachableUntil = clock.instant().plus(TRY_THE_SERVER_AGAIN);
            }
            throw unavailable;
        }
        unreachableUntil = Instant.MIN;
        witness(rows);
        return page(rows, limit, Optional.empty());
    }

    private static AuditLogQuery query(AuditFilter filter, Optional<Long> before, int limit) {
        return new AuditLogQuery(filter.from(), filter.to(), filter.person(), filter.action(), filter.recordType(),
                filter.record(), filter.text(), before, limit);
    }

    private AuditPage page(List<JsonNode> rows, int limit, Optional<Instant> offlineSince) {
        Map<UUID, String> people = names(rows);
        Map<UUID, String> records = recordNames(rows);
        List<AuditEntry> entries = rows.stream().map(row -> entry(row, people, records)).toList();
        Optional<Long> next = rows.size() < limit ? Optional.empty() : Optional.of(entries.get(entries.size() - 1).seq());
        return new AuditPage(entries, next, offlineSince);
    }

    // ---- the offline copy ----

    /** How many entries one refresh reads per request. */
    static final int REFRESH_PAGE = 1_000;

    /**
     * Brings the offline copy up to date with the server: the entries of the last {@code window}
     * that it does not hold yet, read newest first page by page (a first refresh, or a window made
     * longer, reads the whole window), then drops what is older than the window. The person must
     * be a supervisor or an admin (for anyone else the copy is emptied and nothing is read). Answers
     * how far the copy now reaches; a server that cannot be reached throws (the copy keeps what it had).
     */
    public Optional<AuditOfflineCopy.Range> refreshOfflineCopy(Duration window) {
        Optional<UUID> known = companyId();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        UUID company = known.get();
        if (!mayRead()) {
            offline.forget(company);
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant since = now.minus(window);
        Optional<AuditOfflineCopy.Range> before = offline.range(company);
        // Entries up to this seq are held already (unless the window now reaches further back than the copy does).
        long held = before.filter(range -> !range.since().isAfter(since)).map(AuditOfflineCopy.Range::completeSeq).orElse(0L);
        long newest = held;
        Optional<Long> older = Optional.empty();
        while (true) {
            Optional<Long> continueAfter = older;
            List<JsonNode> rows;
            try {
                rows = onServer(() -> server.page(new AuditLogQuery(Optional.of(since), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), continueAfter, REFRESH_PAGE)));
            } catch (AuditUnavailableException unavailable) {
                if (unavailable.reason() == AuditUnavailableException.Reason.SERVER_UNREACHABLE) {
                    unreachableUntil = clock.instant().plus(TRY_THE_SERVER_AGAIN);
                }
                throw unavailable;
            }
            unreachableUntil = Instant.MIN;
            List<JsonNode> fresh = rows.stream().filter(row -> row.path("seq").asLong() > held).toList();
            offline.keep(company, currentUser.value(), fresh);
            if (!rows.isEmpty() && older.isEmpty()) {
                newest = rows.get(0).path("seq").asLong();
                witness(rows);
            }
            if (rows.size() < REFRESH_PAGE || fresh.size() < rows.size()) {
                break;
            }
            older = Optional.of(rows.get(rows.size() - 1).path("seq").asLong());
        }
        offline.completed(company, currentUser.value(), since, newest, now);
        return offline.range(company);
    }

    /** How far the offline copy reaches, when this computer keeps one. */
    public Optional<AuditOfflineCopy.Range> offlineRange() {
        return companyId().flatMap(offline::range);
    }

    /** The server's chain check, then every head this computer witnessed, in words. */
    public ChainCheck verify() {
        requireReader();
        UUID company = companyId().orElseThrow(() -> new AuditUnavailableException(AuditUnavailableException.Reason.NOT_ALLOWED,
                "Your profile is not on this computer yet; wait for the first sync.", null));
        JsonNode result = onServer(() -> server.verify(company));
        if (!result.path("ok").asBoolean(false)) {
            return new ChainCheck.Broken(result.path("seq").asLong(), result.path("reason").asText("The chain is broken."));
        }
        List<WitnessedHeads.Head> heads = witnessed.all(company);
        // The server's hashes of the witnessed entries, many per request (1,000 heads one by one took 1–5 s).
        for (int first = 0; first < heads.size(); first += HEADS_PER_REQUEST) {
            List<WitnessedHeads.Head> some = heads.subList(first, Math.min(heads.size(), first + HEADS_PER_REQUEST));
            List<JsonNode> found = onServer(() -> server.hashes(company, some.stream().map(WitnessedHeads.Head::seq).toList()));
            Map<Long, String> serverHashes = new HashMap<>();
            found.forEach(row -> serverHashes.put(row.path("seq").asLong(), row.path("hash").asText()));
            for (WitnessedHeads.Head head : some) {
                String serverHash = serverHashes.get(head.seq());
                if (!head.hash().equals(serverHash)) {
                    return new ChainCheck.Rewritten(head.seq(), head.hash(), serverHash);
                }
            }
        }
        return new ChainCheck.Intact(result.path("checked").asLong(), heads.size());
    }

    private void requireReader() {
        if (!mayRead()) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.NOT_ALLOWED,
                    "Only supervisors and admins can read the audit log.", null);
        }
    }

    @FunctionalInterface
    interface ServerCall<T> {
        T run() throws RemoteException;
    }

    /** A call to the server with its failures as the sentences the audit screens show. */
    static <T> T onServer(ServerCall<T> call) {
        try {
            return call.run();
        } catch (SessionExpiredException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.SIGN_IN_REQUIRED,
                    "Your session has expired; sign in again to read the audit log.", e);
        } catch (RefusedCallException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.NOT_ALLOWED,
                    "The server refused to show the audit log to you.", e);
        } catch (RemoteException e) {
            throw new AuditUnavailableException(AuditUnavailableException.Reason.SERVER_UNREACHABLE,
                    "The audit log is on the server, which cannot be reached now; try again when online.", e);
        }
    }

    // ---- entries in words ----

    private AuditEntry entry(JsonNode row, Map<UUID, String> people, Map<UUID, String> records) {
        Optional<UUID> actor = uuid(row.path("actor_id"));
        Optional<String> table = text(row.path("table_name"));
        Optional<UUID> record = uuid(row.path("row_id"));
        return new AuditEntry(row.path("seq").asLong(), Instant.parse(instantText(row.path("occurred_at").asText())), actor,
                actor.map(people::get), Role.fromCode(row.path("actor_role").asText()), row.path("action").asText(), table, record,
                record.map(records::get), changes(row.path("old_values"), row.path("new_values")),
                row.path("hash").asText());
    }

    /** The fields that differ between the old and the new values (all new ones for an insert, all old for a delete). */
    static List<FieldChange> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new java.util.TreeSet<>();
        fieldNames(before).forEachRemaining(fields::add);
        fieldNames(after).forEachRemaining(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (NOT_CHANGES.contains(field)) {
                continue;
            }
            Optional<String> old = text(before.path(field));
            Optional<String> now = text(after.path(field));
            if (!old.equals(now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return changes;
    }

    private static Iterator<String> fieldNames(JsonNode values) {
        return values != null && values.isObject() ? values.fieldNames() : java.util.Collections.emptyIterator();
    }

    private Map<UUID, String> names(List<JsonNode> rows) {
        Set<UUID> actors = new HashSet<>();
        rows.forEach(row -> uuid(row.path("actor_id")).ifPresent(actors::add));
        Map<UUID, String> names = new HashMap<>();
        if (!actors.isEmpty()) {
            cache.list(Query.from(PROFILES).where(PROFILES.id.in(actors)), row -> Map.entry(row.get(PROFILES.id),
                    row.get(PROFILES.fullName))).forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        }
        return names;
    }

    /** The readable names of the rows' records this computer has: one cache read per record type, not one per entry. */
    private Map<UUID, String> recordNames(List<JsonNode> rows) {
        Map<String, Set<UUID>> byTable = new HashMap<>();
        for (JsonNode row : rows) {
            text(row.path("table_name")).ifPresent(table -> uuid(row.path("row_id"))
                    .ifPresent(id -> byTable.computeIfAbsent(table, t -> new HashSet<>()).add(id)));
        }
        Map<UUID, String> names = new HashMap<>();
        byTable.forEach((table, ids) -> {
            List<Map.Entry<UUID, String>> found = switch (table) {
                case "work_orders" -> cache.list(Query.from(WORK_ORDERS).includeDeleted().where(WORK_ORDERS.id.in(ids)),
                        row -> Map.entry(row.get(WORK_ORDERS.id), workOrderName(row.get(WORK_ORDERS.stage),
                                row.get(WORK_ORDERS.number), row.get(WORK_ORDERS.title))));
                case "invoices" -> cache.list(Query.from(INVOICES).includeDeleted().where(INVOICES.id.in(ids)),
                        row -> Map.entry(row.get(INVOICES.id), invoiceName(row.get(INVOICES.number))));
                case "customers" -> cache.list(Query.from(CUSTOMERS).includeDeleted().where(CUSTOMERS.id.in(ids)),
                        row -> Map.entry(row.get(CUSTOMERS.id), String.valueOf(row.get(CUSTOMERS.fullName))));
                case "profiles" -> cache.list(Query.from(PROFILES).includeDeleted().where(PROFILES.id.in(ids)),
                        row -> Map.entry(row.get(PROFILES.id), String.valueOf(row.get(PROFILES.fullName))));
                default -> List.of();
            };
            found.forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        });
        return names;
    }

    private static String workOrderName(String stage, Object number, String title) {
        return ("quote".equals(stage) ? "Quote " : "Job ") + Optional.ofNullable(number).map(String::valueOf).orElse("(new)")
                + " · " + title;
    }

    private static String invoiceName(Object number) {
        return "Invoice " + Optional.ofNullable(number).map(String::valueOf).orElse("(draft)");
    }

    /** "Job 42 · Boiler", "Invoice 7", a customer's name — when this computer has the record. */
    public Optional<String> recordName(String table, UUID id) {
        return switch (table) {
            case "work_orders" -> cache.first(Query.from(WORK_ORDERS).includeDeleted().where(WORK_ORDERS.id.eq(id)),
                    row -> ("quote".equals(row.get(WORK_ORDERS.stage)) ? "Quote " : "Job ")
                            + Optional.ofNullable(row.get(WORK_ORDERS.number)).map(String::valueOf).orElse("(new)")
                            + " · " + row.get(WORK_ORDERS.title));
            case "invoices" -> cache.first(Query.from(INVOICES).includeDeleted().where(INVOICES.id.eq(id)),
                    row -> "Invoice " + Optional.ofNullable(row.get(INVOICES.number)).map(String::valueOf).orElse("(draft)"));
            case "customers" -> cache.first(Query.from(CUSTOMERS).includeDeleted().where(CUSTOMERS.id.eq(id)),
                    row -> row.get(CUSTOMERS.fullName));
            case "profiles" -> cache.first(Query.from(PROFILES).includeDeleted().where(PROFILES.id.eq(id)),
                    row -> row.get(PROFILES.fullName));
            default -> Optional.empty();
        };
    }

    private Optional<UUID> companyId() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId));
    }

    private static Optional<UUID> uuid(JsonNode value) {
        return text(value).map(UUID::fromString);
    }

    private static Optional<String> text(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.isValueNode() ? value.asText() : value.toString());
    }

    /** PostgREST sends "2026-12-05T10:00:00.123+00:00"; an Instant wants "Z" or an offset it can parse. */
    private static String instantText(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant().toString();
    }
}
