package com.fielddesk.cache.query;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_ADDRESSES;
import static com.fielddesk.cache.query.CacheTables.SERVICE_REQUESTS;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/** The screens' main query shapes are served by the cache's indexes (EXPLAIN QUERY PLAN). */
class QueryPlanTest {

    @TempDir
    Path folder;

    private CacheDatabase database;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        new LocalCache(database, new Outbox(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private String plan(Query query) {
        return explain(QueryCompiler.compile(query, true).sql());
    }

    private String explain(Sql sql) {
        return database.read(connection -> {
            List<String> steps = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("explain query plan " + sql.text())) {
                for (int i = 0; i < sql.values().size(); i++) {
                    explain.setObject(i + 1, sql.values().get(i));
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        steps.add(rows.getString("detail"));
                    }
                }
            }
            return String.join("\n", steps);
        });
    }

    @Test
    void aFilteredSortedPageOfJobsReadsAnIndexInOrder() {
        Query page = Query.from(WORK_ORDERS).where(WORK_ORDERS.status.eq("scheduled"))
                .orderBy(WORK_ORDERS.scheduledStart.asc(), WORK_ORDERS.id.asc()).limit(200);
        assertThat(plan(page)).contains("USING INDEX work_orders_by_status_and_start (status=?)").doesNotContain("TEMP B-TREE");
        // The next page starts its scan at the cursor.
        PageCursor cursor = new PageCursor(List.of("2026-11-21T10:00:00.000000Z", UUID.randomUUID().toString()));
        assertThat(plan(page.after(cursor))).contains("work_orders_by_status_and_start (status=? AND scheduled_start>?)")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void aCountPerStatusReadsAnIndexAlone() {
        Sql sql = QueryCompiler.countBy(Query.from(WORK_ORDERS), WORK_ORDERS.status);
        assertThat(explain(sql)).contains("USING COVERING INDEX work_orders_by_status_and_start")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void aCustomersJobsAndAddressesUseTheirCustomerIndexes() {
        UUID customer = UUID.randomUUID();
        assertThat(plan(Query.from(WORK_ORDERS).where(WORK_ORDERS.customerId.eq(customer))
                .orderBy(WORK_ORDERS.scheduledStart.desc(), WORK_ORDERS.id.desc())))
                .contains("USING INDEX work_orders_by_customer (customer_id=?)").doesNotContain("TEMP B-TREE");
        assertThat(plan(Query.from(CUSTOMER_ADDRESSES).where(CUSTOMER_ADDRESSES.customerId.eq(customer))))
                .contains("USING INDEX customer_addresses_by_customer (customer_id=?)");
    }

    @Test
    void customersByNameJobsByNumberAndByDayUseIndexes() {
        assertThat(plan(Query.from(CUSTOMERS).orderBy(CUSTOMERS.fullName.asc(), CUSTOMERS.id.asc()).limit(200)))
                .contains("USING INDEX customers_by_name").doesNotContain("TEMP B-TREE");
        assertThat(plan(Query.from(WORK_ORDERS).where(WORK_ORDERS.number.eq(1042L))))
                .contains("USING INDEX work_orders_by_number (number=?)");
        assertThat(plan(Query.from(WORK_ORDERS).where(WORK_ORDERS.scheduledStart.between(
                Instant.parse("2026-11-21T00:00:00Z"), Instant.parse("2026-11-22T00:00:00Z")))
                .orderBy(WORK_ORDERS.scheduledStart.asc(), WORK_ORDERS.id.asc())))
                .contains("USING INDEX work_orders_by_start (scheduled_start>? AND scheduled_start<?)")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void myLeadsJoinTheirJobsByPrimaryKeyAndPendingIsAnIndexLookup() {
        Query myLeads = Query.from(SERVICE_REQUESTS).leftJoin(WORK_ORDERS, WORK_ORDERS.id, SERVICE_REQUESTS.workOrderId)
                .select(Pending.of(SERVICE_REQUESTS))
                .where(SERVICE_REQUESTS.companyId.isNotNull())
                .orderBy(SERVICE_REQUESTS.claimedAt.desc(), SERVICE_REQUESTS.id.desc());
        assertThat(plan(myLeads))
                .contains("SCAN service_requests USING INDEX service_requests_by_claimed_at")
                .contains("SEARCH work_orders USING INDEX sqlite_autoindex_work_orders_1 (id=?)")
                .contains("SEARCH pending USING COVERING INDEX outbox_row (table_name=? AND row_id=?)")
                .doesNotContain("TEMP B-TREE");
    }

    /**
     * The Jobs list over a range of days with no status (its slowest filter): the page's ids by
     * number, the count and the count per status are each read from one covering index — no row
     * of the table is looked up for the ~3,300 work orders of two days in 100k.
     */
    @Test
    void aRangeOfDaysIsCountedAndSortedFromACoveringIndex() {
        Condition twoDays = WORK_ORDERS.stage.eq("job").and(WORK_ORDERS.scheduledStart.ge(Instant.parse("2026-11-21T05:00:00Z")))
                .and(WORK_ORDERS.scheduledStart.lt(Instant.parse("2026-11-23T05:00:00Z")));
        String ids = explain(QueryCompiler.ids(Query.from(WORK_ORDERS).where(twoDays)
                .orderBy(WORK_ORDERS.number.desc().nullsFirst(), WORK_ORDERS.id.desc()).limit(200)));
        assertThat(ids).contains("USING COVERING INDEX work_orders_by_start_covering (scheduled_start>? AND scheduled_start<?)");
        assertThat(explain(QueryCompiler.count(Query.from(WORK_ORDERS).where(twoDays))))
                .contains("USING COVERING INDEX work_orders_by_start_covering");
        assertThat(explain(QueryCompiler.countBy(Query.from(WORK_ORDERS).where(twoDays), WORK_ORDERS.status)))
                .contains("USING COVERING INDEX work_orders_by_start_covering");
    }

    /**
     * The Jobs list with nothing but its stage ("Clear filters"): its first ids by number, newest
     * first, are read from the end of one covering index — not 100k ids sorted — while the count per
     * status keeps its status index, and a range of days keeps the start index (a stage-first index
     * would have been taken for both).
     */
    @Test
    void theWholeListsFirstIdsByNumberAreReadFromTheEndOfACoveringIndex() {
        Condition jobs = WORK_ORDERS.stage.eq("job");
        String ids = explain(QueryCompiler.ids(Query.from(WORK_ORDERS).where(jobs)
                .orderBy(WORK_ORDERS.number.desc().nullsFirst(), WORK_ORDERS.id.desc()).limit(200)));
        assertThat(ids).contains("SCAN work_orders USING COVERING INDEX work_orders_by_number_covering")
                .doesNotContain("TEMP B-TREE");
        assertThat(explain(QueryCompiler.countBy(Query.from(WORK_ORDERS).where(jobs), WORK_ORDERS.status)))
                .contains("USING COVERING INDEX work_orders_by_status_stage").doesNotContain("TEMP B-TREE");
        assertThat(explain(QueryCompiler.ids(Query.from(WORK_ORDERS).where(WORK_ORDERS.stage.eq("quote")
                        .and(WORK_ORDERS.quoteStatus.in(List.of("sent"))))
                .orderBy(WORK_ORDERS.number.desc().nullsFirst(), WORK_ORDERS.id.desc()).limit(200))))
                .as("a quote status is checked on the row; the order still comes from the index")
                .doesNotContain("TEMP B-TREE");
    }
}
