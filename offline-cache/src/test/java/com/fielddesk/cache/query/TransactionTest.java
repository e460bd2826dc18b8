package com.fielddesk.cache.query;

import com.fielddesk.cache.outbox.Operation;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.outbox.OutboxEntry;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.ChangeNotice;
import com.fielddesk.cache.testing.Await;
import com.fielddesk.cache.testing.ServerRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.INVOICE_ITEMS;
import static com.fielddesk.cache.query.CacheTables.LEAD_POOL;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One local transaction across tables: rows and their outbox entries, all or nothing; pending ids. */
class TransactionTest {

    @TempDir
    Path folder;

    private CacheDatabase database;
    private final Outbox outbox = new Outbox();
    private LocalCache cache;

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, outbox, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private List<OutboxEntry> queue() {
        return database.read(outbox::all);
    }

    @Test
    void anInvoiceAndItsItemsAreWrittenAndQueuedInOneTransaction() {
        UUID customer = UUID.randomUUID();
        UUID invoice = cache.transactionReturning(tx -> {
            UUID id = tx.insert(RowValues.of(INVOICES).set(INVOICES.customerId, customer)
                    .set(INVOICES.total, new BigDecimal("150.00")).set(INVOICES.currency, "EUR"));
            tx.insert(RowValues.of(INVOICE_ITEMS).set(INVOICE_ITEMS.invoiceId, id).set(INVOICE_ITEMS.position, 1L)
                    .set(INVOICE_ITEMS.description, "Labour").set(INVOICE_ITEMS.lineTotal, new BigDecimal("100.00")));
            tx.insert(RowValues.of(INVOICE_ITEMS).set(INVOICE_ITEMS.invoiceId, id).set(INVOICE_ITEMS.position, 2L)
                    .set(INVOICE_ITEMS.description, "Valve").set(INVOICE_ITEMS.lineTotal, new BigDecimal("50.00")));
            // Reads inside the transaction see its own writes.
            assertThat(tx.count(Query.from(INVOICE_ITEMS).where(INVOICE_ITEMS.invoiceId.eq(id)))).isEqualTo(2);
            return id;
        });
        assertThat(cache.list(Query.from(INVOICE_ITEMS).where(INVOICE_ITEMS.invoiceId.eq(invoice))
                .orderBy(INVOICE_ITEMS.position.asc()), row -> row.get(INVOICE_ITEMS.lineTotal)))
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("50.00"));
        assertThat(queue()).extracting(OutboxEntry::table).containsExactly("invoices", "invoice_items", "invoice_items");
        assertThat(queue().get(0).changes().get("total").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(queue().get(0).changes().get("customer_id").asText()).isEqualTo(customer.toString());
    }

    @Test
    void aFailureAnywhereRollsTheWholeTransactionBack() {
        assertThatThrownBy(() -> cache.transaction(tx -> {
            UUID id = tx.insert(RowValues.of(INVOICES).set(INVOICES.total, BigDecimal.TEN));
            tx.insert(RowValues.of(INVOICE_ITEMS).set(INVOICE_ITEMS.invoiceId, id));
            throw new IllegalStateException("the third write failed");
        })).hasMessage("the third write failed");
        assertThat(cache.count(Query.from(INVOICES))).isZero();
        assertThat(cache.count(Query.from(INVOICE_ITEMS))).isZero();
        assertThat(queue()).isEmpty();

        // A refused write (a duplicate id) rolls back the rows written before it too.
        UUID taken = cache.transactionReturning(tx -> tx.insert(RowValues.of(CUSTOMERS).set(CUSTOMERS.fullName, "Kim")));
        assertThatThrownBy(() -> cache.transaction(tx -> {
            tx.insert(RowValues.of(INVOICES).set(INVOICES.customerId, taken));
            tx.insert(RowValues.of(CUSTOMERS).set(CUSTOMERS.id, taken).set(CUSTOMERS.fullName, "Again"));
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThat(cache.count(Query.from(INVOICES))).isZero();
        assertThat(queue()).hasSize(1);
    }

    @Test
    void writesAreValidatedAsBefore() {
        assertThatThrownBy(() -> cache.transaction(tx -> tx.insert(RowValues.of(CUSTOMERS)
                .set(CUSTOMERS.fullName, "Kim").set(CUSTOMERS.updatedAt, Instant.now()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the server");
        assertThatThrownBy(() -> cache.transaction(tx -> tx.insert(RowValues.of(LEAD_POOL).set(LEAD_POOL.trade, "hvac"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        UUID id = cache.transactionReturning(tx -> tx.insert(RowValues.of(CUSTOMERS).set(CUSTOMERS.fullName, "Kim")));
        assertThatThrownBy(() -> cache.transaction(tx -> tx.update(CUSTOMERS, id,
                RowValues.of(CUSTOMERS).set(CUSTOMERS.companyId, UUID.randomUUID()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> RowValues.of(CUSTOMERS).set(WORK_ORDERS.title, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(queue()).hasSize(1);
    }

    @Test
    void typedUpdateAndDeleteQueueTheirChangesAndThePendingIdsFollowTheQueue() throws Exception {
        UUID synced = UUID.randomUUID();
        ServerRows.pulled(database, "work_orders", ServerRows.row(Map.of("id", synced, "title", "Synced", "version", 3,
                "scheduled_start", "2026-11-21T10:00:00+00:00")));
        UUID local = cache.transactionReturning(tx -> tx.insert(RowValues.of(WORK_ORDERS).set(WORK_ORDERS.title, "Local")));
        assertThat(cache.pendingIds(WORK_ORDERS)).containsExactly(local);

        CopyOnWriteArrayList<ChangeNotice> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable listening = cache.onChange(List.of(WORK_ORDERS), heard::add)) {
            cache.transaction(tx -> tx.update(WORK_ORDERS, synced, RowValues.of(WORK_ORDERS)
                    .set(WORK_ORDERS.scheduledStart, Instant.parse("2026-11-22T08:00:00Z"))));
            Await.until("the update is heard with its row id", Duration.ofSeconds(5),
                    () -> heard.stream().anyMatch(n -> n.ids("work_orders").contains(synced.toString())));
        }
        OutboxEntry update = queue().get(1);
        assertThat(update.operation()).isEqualTo(Operation.UPDATE);
        assertThat(update.baseVersion()).isEqualTo(3L);
        assertThat(update.changes().get("scheduled_start").asText()).isEqualTo("2026-11-22T08:00:00.000000Z");
        assertThat(update.baseValues().get("scheduled_start").asText()).isEqualTo("2026-11-21T10:00:00.000000Z");
        assertThat(cache.pendingIds(WORK_ORDERS)).containsExactlyInAnyOrder(local, synced);

        Query withPending = Query.from(WORK_ORDERS).select(Pending.of(WORK_ORDERS)).orderBy(WORK_ORDERS.title.asc());
        assertThat(cache.list(withPending, row -> row.get(WORK_ORDERS.title) + "=" + row.get(Pending.of(WORK_ORDERS))))
                .containsExactly("Local=true", "Synced=true");

        cache.transaction(tx -> tx.delete(WORK_ORDERS, synced));
        assertThat(cache.count(Query.from(WORK_ORDERS))).isEqualTo(1);
        assertThat(queue()).extracting(OutboxEntry::operation)
                .containsExactly(Operation.INSERT, Operation.UPDATE, Operation.DELETE);

        // Once the server confirmed a row's changes, it is no longer pending.
        database.write(connection -> {
            outbox.removeAll(connection, queue().stream().filter(e -> e.rowId().equals(local.toString()))
                    .map(OutboxEntry::mutationId).toList());
            return null;
        });
        assertThat(cache.pendingIds(WORK_ORDERS)).containsExactly(synced);
        assertThat(cache.count(Query.from(WORK_ORDERS).where(Pending.of(WORK_ORDERS).eq(true)))).isZero();
        assertThat(cache.count(Query.from(WORK_ORDERS).where(Pending.of(WORK_ORDERS).eq(false)))).isEqualTo(1);
    }
}
