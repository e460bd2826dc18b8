package com.fielddesk.cache.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.ServerRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.SERVICE_REQUESTS;
import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed query API against a real SQLite cache: every operator, order, pages, counts, joins. */
class QueryTest {

    @TempDir
    Path folder;

    private CacheDatabase database;
    private LocalCache cache;
    private final Map<String, UUID> jobs = new LinkedHashMap<>();

    record Job(UUID id, Long number, String title, String status, Instant start, BigDecimal total) {
    }

    private static final RowMapper<Job> JOB = row -> new Job(row.get(WORK_ORDERS.id), row.get(WORK_ORDERS.number),
            row.get(WORK_ORDERS.title), row.get(WORK_ORDERS.status), row.get(WORK_ORDERS.scheduledStart),
            row.get(WORK_ORDERS.total));

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        // Instants in the forms PostgREST sends (offset, with and without a fraction) and Java writes.
        job(1, "Boiler service", "scheduled", "2026-11-21T10:00:00.123+00:00", "120.50");
        job(2, "Leaking tap", "scheduled", "2026-11-21T10:00:00+00:00", "80");
        job(3, "Radiator bleed", "completed", "2026-11-21T11:30:00+02:00", "9.99");
        job(4, "Heat pump survey in Łódź", "unscheduled", null, null);
        job(5, "ŁÓDŹ office boiler", "dispatched", "2026-11-21T09:59:59.999999Z", "1000.00");
        job(6, "Thermostat 100%_done", "canceled", "2026-11-22T08:00:00.5+00:00", "10.5");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void job(long number, String title, String status, String start, String total) {
        UUID id = UUID.randomUUID();
        jobs.put(title, id);
        Map<String, Object> values = new HashMap<>(Map.of("id", id, "number", number, "title", title, "status", status,
                "stage", "job", "version", 1));
        values.put("scheduled_start", start);
        values.put("total", total == null ? null : new BigDecimal(total));
        ServerRows.pulled(database, "work_orders", ServerRows.row(values));
    }

    private List<Long> numbers(Query query) {
        return cache.list(query, JOB).stream().map(Job::number).toList();
    }

    private Query jobs() {
        return Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.number.asc());
    }

    @Test
    void everyComparisonOperatorFilters() {
        assertThat(numbers(jobs().where(WORK_ORDERS.status.eq("scheduled")))).containsExactly(1L, 2L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.ne("scheduled")))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.in("completed", "canceled")))).containsExactly(3L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.in(List.of())))).isEmpty();
        assertThat(numbers(jobs().where(WORK_ORDERS.number.lt(3L)))).containsExactly(1L, 2L);
        assertThat(numbers(jobs().where(WORK_ORDERS.number.le(3L)))).containsExactly(1L, 2L, 3L);
        assertThat(numbers(jobs().where(WORK_ORDERS.number.gt(4L)))).containsExactly(5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.number.ge(4L)))).containsExactly(4L, 5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.number.between(2L, 4L)))).containsExactly(2L, 3L, 4L);
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.isNull()))).containsExactly(4L);
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.isNotNull()))).containsExactly(1L, 2L, 3L, 5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.eq("scheduled").or(WORK_ORDERS.number.eq(6L)))))
                .containsExactly(1L, 2L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.eq("scheduled").and(WORK_ORDERS.number.gt(1L)))))
                .containsExactly(2L);
        assertThat(numbers(jobs().where(WORK_ORDERS.status.eq("scheduled").not()))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.number.gt(1L)).where(WORK_ORDERS.number.lt(3L)))).containsExactly(2L);
    }

    @Test
    void decimalsCompareAsNumbersAndReadBackExactly() {
        // As text "9.99" > "10.5" > "1000.00"; as numbers the other way round.
        assertThat(numbers(jobs().where(WORK_ORDERS.total.gt(new BigDecimal("10.49"))))).containsExactly(1L, 2L, 5L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.total.eq(new BigDecimal("80.00"))))).containsExactly(2L);
        assertThat(numbers(Query.from(WORK_ORDERS).where(WORK_ORDERS.total.isNotNull()).orderBy(WORK_ORDERS.total.desc())))
                .containsExactly(5L, 1L, 2L, 6L, 3L);
        assertThat(cache.first(jobs().where(WORK_ORDERS.number.eq(1L)), JOB)).get()
                .extracting(Job::total).isEqualTo(new BigDecimal("120.50"));
    }

    @Test
    void instantsOrderAndRangeInTimeWhateverFormTheServerSent() {
        // 11:30+02:00 is 09:30Z, the earliest; .999999Z is a microsecond before 10:00; .123 after it.
        assertThat(numbers(Query.from(WORK_ORDERS).where(WORK_ORDERS.scheduledStart.isNotNull())
                .orderBy(WORK_ORDERS.scheduledStart.asc()))).containsExactly(3L, 5L, 2L, 1L, 6L);
        Instant ten = Instant.parse("2026-11-21T10:00:00Z");
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.ge(ten)))).containsExactly(1L, 2L, 6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.lt(ten)))).containsExactly(3L, 5L);
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.eq(ten)))).containsExactly(2L);
        assertThat(numbers(jobs().where(WORK_ORDERS.scheduledStart.between(Instant.parse("2026-11-21T09:30:00Z"),
                Instant.parse("2026-11-21T10:00:00.123Z"))))).containsExactly(1L, 2L, 3L, 5L);
        assertThat(cache.first(jobs().where(WORK_ORDERS.number.eq(3L)), JOB)).get().extracting(Job::start)
                .isEqualTo(Instant.parse("2026-11-21T09:30:00Z"));
    }

    @Test
    void nullsGoWhereTheOrderSays() {
        assertThat(numbers(Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.scheduledStart.asc()))).first().isEqualTo(4L);
        assertThat(numbers(Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.scheduledStart.asc().nullsLast()))).last().isEqualTo(4L);
        assertThat(numbers(Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.scheduledStart.desc()))).last().isEqualTo(4L);
        assertThat(numbers(Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.scheduledStart.desc().nullsFirst()))).first().isEqualTo(4L);
        assertThat(numbers(Query.from(WORK_ORDERS).orderBy(WORK_ORDERS.status.asc(), WORK_ORDERS.number.desc())))
                .containsExactly(6L, 3L, 5L, 2L, 1L, 4L);
    }

    @Test
    void textMatchIsCaseInsensitiveForEveryScriptAndTakesWildcardsLiterally() {
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("BOILER")))).containsExactly(1L, 5L);
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("łódź")))).containsExactly(4L, 5L);
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("ŁóDŹ")))).containsExactly(4L, 5L);
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("100%_")))).containsExactly(6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("0%")))).containsExactly(6L);
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("_")))).containsExactly(6L);
        assertThatThrownBy(() -> WORK_ORDERS.number.containsText("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInjectionAttemptInAValueIsJustAValue() {
        String attack = "scheduled' or '1'='1";
        assertThat(numbers(jobs().where(WORK_ORDERS.status.eq(attack)))).isEmpty();
        assertThat(numbers(jobs().where(WORK_ORDERS.title.containsText("'; drop table work_orders; --")))).isEmpty();
        assertThat(numbers(jobs().where(WORK_ORDERS.status.in(attack, "x\" or 1=1 --")))).isEmpty();
        assertThat(Query.from(WORK_ORDERS).where(WORK_ORDERS.status.eq(attack)).toString()).doesNotContain("1'='1 ");
        assertThat(cache.count(Query.from(WORK_ORDERS))).isEqualTo(6);
    }

    @Test
    void keysetPagesWalkEveryRowOnceInOrderIncludingNulls() {
        for (Order.Nulls nulls : Order.Nulls.values()) {
            for (boolean descending : new boolean[]{false, true}) {
                Order start = descending ? WORK_ORDERS.scheduledStart.desc() : WORK_ORDERS.scheduledStart.asc();
                start = nulls == Order.Nulls.FIRST ? start.nullsFirst() : nulls == Order.Nulls.LAST ? start.nullsLast() : start;
                Query query = Query.from(WORK_ORDERS).orderBy(start, WORK_ORDERS.id.asc()).limit(2);
                List<Long> all = numbers(query.limit(100));
                List<Long> paged = new ArrayList<>();
                Optional<PageCursor> next = Optional.empty();
                int pages = 0;
                do {
                    Page<Job> page = cache.page(next.map(query::after).orElse(query), JOB);
                    page.items().forEach(job -> paged.add(job.number()));
                    next = page.next();
                    pages++;
                } while (next.isPresent());
                assertThat(paged).as("%s %s", descending ? "desc" : "asc", nulls).isEqualTo(all).hasSize(6);
                assertThat(pages).isEqualTo(3);
            }
        }
    }

    @Test
    void countsAndGroupCounts() {
        assertThat(cache.count(Query.from(WORK_ORDERS).where(WORK_ORDERS.status.eq("scheduled")))).isEqualTo(2);
        Map<String, Long> perStatus = cache.countBy(Query.from(WORK_ORDERS), WORK_ORDERS.status);
        assertThat(perStatus).containsExactly(Map.entry("canceled", 1L), Map.entry("completed", 1L),
                Map.entry("dispatched", 1L), Map.entry("scheduled", 2L), Map.entry("unscheduled", 1L));
    }

    @Test
    void aDecimalSumIsExactOverThousandsOfRowsAndLeavesOutTombstones() {
        List<ObjectNode> invoices = new java.util.ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            invoices.add(ServerRows.row(Map.of("id", UUID.randomUUID(), "status", "issued", "total", new java.math.BigDecimal("0.10"))));
        }
        invoices.add(ServerRows.row(Map.of("id", UUID.randomUUID(), "status", "draft", "total", new java.math.BigDecimal("1234567.89"))));
        invoices.add(ServerRows.row(Map.of("id", UUID.randomUUID(), "status", "issued", "total", new java.math.BigDecimal("99.99"),
                "deleted_at", "2026-11-21T12:00:00Z")));
        ServerRows.pulled(database, "invoices", invoices);
        // 3,000 × 0.10 in binary floating point is 300.0000000000003; the cache's sum is exact.
        assertThat(cache.sum(Query.from(INVOICES).where(INVOICES.status.eq("issued")), INVOICES.total, 2))
                .isEqualTo(new java.math.BigDecimal("300.00"));
        assertThat(cache.sum(Query.from(INVOICES), INVOICES.total, 2)).isEqualTo(new java.math.BigDecimal("1234867.89"));
        assertThat(cache.sum(Query.from(INVOICES).where(INVOICES.status.eq("void")), INVOICES.total, 2))
                .as("nothing matches").isEqualTo(new java.math.BigDecimal("0.00"));
    }

    @Test
    void tombstonesAreLeftOutUnlessAsked() {
        ObjectNode deleted = ServerRows.row(Map.of("id", UUID.randomUUID(), "number", 7, "status", "scheduled",
                "deleted_at", "2026-11-21T12:00:00+00:00"));
        ServerRows.pulled(database, "work_orders", deleted);
        assertThat(cache.count(Query.from(WORK_ORDERS))).isEqualTo(6);
        assertThat(cache.count(Query.from(WORK_ORDERS).includeDeleted())).isEqualTo(7);
        assertThat(cache.countBy(Query.from(WORK_ORDERS), WORK_ORDERS.status)).containsEntry("scheduled", 2L);
    }

    record MyLead(UUID id, String customer, UUID job, String jobStatus, boolean hasJob) {
    }

    @Test
    void aLeftJoinReadsBothSidesTypedAndKeepsRowsWithoutAMatch() {
        UUID withJob = UUID.randomUUID();
        UUID withoutJob = UUID.randomUUID();
        UUID withDeletedJob = UUID.randomUUID();
        UUID deletedJob = UUID.randomUUID();
        ServerRows.pulled(database, "work_orders", ServerRows.row(Map.of("id", deletedJob, "number", 8,
                "status", "scheduled", "deleted_at", "2026-11-21T12:00:00Z")));
        ServerRows.pulled(database, "service_requests", List.of(
                ServerRows.row(Map.of("id", withJob, "customer_name", "Ada", "work_order_id", jobs.get("Leaking tap"),
                        "claimed_at", "2026-11-21T08:00:00+00:00")),
                ServerRows.row(Map.of("id", withoutJob, "customer_name", "Bo", "claimed_at", "2026-11-21T09:00:00+00:00")),
                ServerRows.row(Map.of("id", withDeletedJob, "customer_name", "Cy", "work_order_id", deletedJob,
                        "claimed_at", "2026-11-21T07:00:00+00:00"))));
        Query myLeads = Query.from(SERVICE_REQUESTS)
                .leftJoin(WORK_ORDERS, WORK_ORDERS.id, SERVICE_REQUESTS.workOrderId)
                .orderBy(SERVICE_REQUESTS.claimedAt.desc());
        List<MyLead> leads = cache.list(myLeads, row -> new MyLead(row.get(SERVICE_REQUESTS.id),
                row.get(SERVICE_REQUESTS.customerName), row.get(WORK_ORDERS.id), row.get(WORK_ORDERS.status),
                row.has(WORK_ORDERS)));
        assertThat(leads).containsExactly(
                new MyLead(withoutJob, "Bo", null, null, false),
                new MyLead(withJob, "Ada", jobs.get("Leaking tap"), "scheduled", true),
                new MyLead(withDeletedJob, "Cy", null, null, false));
        assertThat(cache.count(myLeads.where(WORK_ORDERS.status.eq("scheduled")))).isEqualTo(1);
        assertThat(cache.count(Query.from(SERVICE_REQUESTS).join(WORK_ORDERS, WORK_ORDERS.id, SERVICE_REQUESTS.workOrderId)))
                .isEqualTo(1);
    }

    enum Status { SCHEDULED, COMPLETED, UNKNOWN }

    @Test
    void anEnumLikeColumnKeepsValuesItDoesNotKnow() {
        Column<Status> status = WORK_ORDERS.status.as(Codecs.enumLike(
                wire -> switch (wire) {
                    case "scheduled" -> Status.SCHEDULED;
                    case "completed" -> Status.COMPLETED;
                    default -> Status.UNKNOWN;
                },
                value -> value.name().toLowerCase(java.util.Locale.ROOT)));
        List<Status> read = cache.list(jobs(), row -> row.get(status));
        assertThat(read).containsExactly(Status.SCHEDULED, Status.SCHEDULED, Status.COMPLETED, Status.UNKNOWN,
                Status.UNKNOWN, Status.UNKNOWN);
        assertThat(cache.count(Query.from(WORK_ORDERS).where(status.eq(Status.COMPLETED)))).isEqualTo(1);
        assertThatThrownBy(() -> WORK_ORDERS.status.as(Codecs.LONG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aColumnNotSelectedCannotBeRead() {
        assertThatThrownBy(() -> cache.list(jobs(), row -> row.get(CUSTOMERS.fullName)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers.full_name");
    }
}
