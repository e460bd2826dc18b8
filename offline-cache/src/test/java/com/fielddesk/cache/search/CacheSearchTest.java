package com.fielddesk.cache.search;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.RowValues;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.testing.ServerRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_ADDRESSES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl+K over the cache's FTS5 indexes, kept in step by triggers on pulls and local writes. */
class CacheSearchTest {

    @TempDir
    Path folder;

    private CacheDatabase database;
    private LocalCache cache;
    private final UUID northwind = UUID.randomUUID();
    private final UUID north = UUID.randomUUID();
    private final UUID heating = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        ServerRows.pulled(database, "customers", List.of(
                ServerRows.row(Map.of("id", northwind, "full_name", "Northwind Heating", "phone", "555-0134",
                        "email", "office@northwind.test")),
                ServerRows.row(Map.of("id", north, "full_name", "Nora North", "email", "nora@example.test")),
                ServerRows.row(Map.of("id", heating, "full_name", "Pat Smith", "notes", "heating")),
                ServerRows.row(Map.of("id", UUID.randomUUID(), "full_name", "Northern Gone",
                        "deleted_at", "2026-11-21T10:00:00+00:00"))));
        ServerRows.pulled(database, "work_orders", List.of(
                ServerRows.row(Map.of("id", UUID.randomUUID(), "number", 1042, "title", "Heat pump install",
                        "description", "Northwind asked for a quote")),
                ServerRows.row(Map.of("id", UUID.randomUUID(), "number", 77, "title", "Leak", "description", "under sink"))));
        ServerRows.pulled(database, "lead_pool", ServerRows.row(Map.of("id", UUID.randomUUID(), "trade", "hvac",
                "description", "Heater noisy", "city", "Łódź", "postal_code", "90-001")));
        ServerRows.pulled(database, "service_requests", List.of(
                ServerRows.row(Map.of("id", UUID.randomUUID(), "company_id", UUID.randomUUID(), "customer_name", "Zoe Quill",
                        "customer_phone", "555-9999", "description", "Boiler", "street_address", "1 Elm St", "city", "Springfield")),
                ServerRows.row(Map.of("id", UUID.randomUUID(), "customer_name", "Unclaimed Zoe"))));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<String> titles(String text) {
        return cache.search(text, 10).stream().map(hit -> hit.kind() + ":" + hit.title()).toList();
    }

    @Test
    void everyWordMatchesTheStartOfAWord() {
        assertThat(titles("nor hea")).containsExactly("CUSTOMER:Northwind Heating", "WORK_ORDER:#1042 Heat pump install");
        assertThat(titles("NORTH")).containsExactlyInAnyOrder("CUSTOMER:Nora North", "CUSTOMER:Northwind Heating",
                "WORK_ORDER:#1042 Heat pump install");
        assertThat(titles("orth")).isEmpty();
        assertThat(titles("104")).containsExactly("WORK_ORDER:#1042 Heat pump install");
        assertThat(titles("0134")).containsExactly("CUSTOMER:Northwind Heating");
        // Accents are ignored (ó = o, ź = z); Ł is a letter of its own in Unicode, not an L with an accent.
        assertThat(titles("łodz")).containsExactly("POOL_LEAD:hvac · Łódź");
        assertThat(titles("ŁÓDŹ")).containsExactly("POOL_LEAD:hvac · Łódź");
        assertThat(titles("elm spring")).containsExactly("CLAIMED_LEAD:Zoe Quill");
        assertThat(titles("   ")).isEmpty();
    }

    @Test
    void resultsAreRankedWithTheNameFirstAndLimitedPerKind() {
        ServerRows.pulled(database, "customer_addresses", ServerRows.row(Map.of("id", UUID.randomUUID(),
                "customer_id", heating, "street", "4 North Street", "city", "Leeds")));
        // Ranking weighs rare words: most customers are not "north" ones.
        for (int i = 0; i < 20; i++) {
            ServerRows.pulled(database, "customers", ServerRows.row(Map.of("id", UUID.randomUUID(), "full_name", "Other " + i)));
        }
        // A match in the name (weighted 10) ranks above one in an address (weighted 1).
        List<SearchHit> hits = cache.searchIndex().search("north", EnumSet.of(SearchKind.CUSTOMER), 10);
        assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder(north, northwind, heating);
        assertThat(hits.get(2).id()).isEqualTo(heating);
        assertThat(hits.get(0).score()).isLessThanOrEqualTo(hits.get(1).score());
        assertThat(hits.get(1).score()).isLessThan(hits.get(2).score());
        assertThat(cache.searchIndex().search("north", EnumSet.of(SearchKind.CUSTOMER), 2)).extracting(SearchHit::id)
                .containsExactlyInAnyOrder(north, northwind);
        assertThat(cache.search("north", 1)).extracting(SearchHit::kind)
                .containsExactly(SearchKind.CUSTOMER, SearchKind.WORK_ORDER);
    }

    @Test
    void tombstonesAndUnclaimedRequestsAreNeverFound() {
        assertThat(titles("northern")).isEmpty();
        assertThat(titles("unclaimed")).isEmpty();
        ServerRows.pulled(database, "customers", ServerRows.row(Map.of("id", north, "full_name", "Nora North",
                "deleted_at", "2026-11-21T10:00:00+00:00")));
        assertThat(titles("nora")).isEmpty();
    }

    @Test
    void localWritesAndAddressesAreSearchableAtOnce() {
        UUID added = cache.transactionReturning(tx -> {
            UUID customer = tx.insert(RowValues.of(CUSTOMERS).set(CUSTOMERS.fullName, "Quentin Blake"));
            tx.insert(RowValues.of(CUSTOMER_ADDRESSES).set(CUSTOMER_ADDRESSES.customerId, customer)
                    .set(CUSTOMER_ADDRESSES.street, "12 Harbour Road").set(CUSTOMER_ADDRESSES.city, "Portsmouth")
                    .set(CUSTOMER_ADDRESSES.postalCode, "PO1 3AX"));
            return customer;
        });
        assertThat(cache.search("harb ports", 5)).extracting(SearchHit::id).containsExactly(added);
        assertThat(cache.search("po1", 5)).extracting(SearchHit::id).containsExactly(added);
        cache.transaction(tx -> tx.update(CUSTOMERS, added, RowValues.of(CUSTOMERS).set(CUSTOMERS.fullName, "Quinn Blake")));
        assertThat(titles("quentin")).isEmpty();
        assertThat(titles("quinn harbour")).containsExactly("CUSTOMER:Quinn Blake");
        UUID job = cache.transactionReturning(tx -> tx.insert(RowValues.of(WORK_ORDERS).set(WORK_ORDERS.title, "Gutter clean")));
        assertThat(titles("gutter")).containsExactly("WORK_ORDER:# Gutter clean");
        cache.transaction(tx -> tx.delete(WORK_ORDERS, job));
        assertThat(titles("gutter")).isEmpty();
    }

    @Test
    void searchSyntaxInTheTextIsJustWords() {
        assertThat(titles("\"north\" OR *")).isEmpty();
        assertThat(titles("north AND")).isEmpty();
        assertThat(titles("nor* \"hea")).containsExactly("CUSTOMER:Northwind Heating", "WORK_ORDER:#1042 Heat pump install");
        assertThat(CacheSearch.matchExpression("a\"b NEAR(c")).isEqualTo("\"a\"* \"b\"* \"NEAR\"* \"c\"*");
    }
}
