package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.CustomerId;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.query.Page;
import com.fielddesk.cache.query.PageCursor;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.jobs.Priority;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.testing.PulledRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_ADDRESSES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The customers repository against a real SQLite cache: what the list, the detail and every write do. */
class CustomerRepositoryTest {

    private static final UUID COMPANY = UUID.randomUUID();

    @TempDir
    Path folder;
    private CacheDatabase database;
    private LocalCache cache;
    private final UUID csr = UUID.randomUUID();
    private final UUID supervisor = UUID.randomUUID();

    @BeforeEach
    void open() {
        database = CacheDatabase.open(folder.resolve("cache.db"));
        cache = new LocalCache(database, new Outbox(), Clock.systemUTC());
        pulled("profiles", Map.of("id", csr, "company_id", COMPANY, "role", "csr", "full_name", "Casey CSR", "version", 1));
        pulled("profiles", Map.of("id", supervisor, "company_id", COMPANY, "role", "supervisor", "full_name", "Sam Super",
                "version", 1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private CustomerRepository as(UUID user) {
        return new CustomerRepository(cache, new UserId(user));
    }

    @Test
    void aNewCustomerWithAnAddressIsOneLocalTransactionPendingUntilTheServerConfirms() {
        CustomerRepository customers = as(csr);
        CustomerId id = customers.create(new CustomerDetails("  Zoë Łódź Ñúñez ", "zoe@example.test", "+1 555 0101", null),
                Optional.of(new AddressDetails("Home", "12 Elm St", "Portland", null, "97201", null)));

        Customer customer = customers.customer(id).orElseThrow();
        assertThat(customer.details().fullName()).isEqualTo("Zoë Łódź Ñúñez");
        assertThat(customer.pending()).isTrue();
        assertThat(customer.addresses()).singleElement().satisfies(address -> {
            assertThat(address.details().oneLine()).isEqualTo("12 Elm St, Portland 97201");
            assertThat(address.pending()).isTrue();
        });
        assertThat(cache.pendingIds(CUSTOMERS)).containsExactly(id.value());
        assertThat(cache.pendingIds(CUSTOMER_ADDRESSES)).hasSize(1);
        assertThat(customers.list("łódź", CustomerSort.NAME, 10)).extracting(CustomerSummary::id).containsExactly(id);
        assertThat(customers.list("ZOË", CustomerSort.NAME, 10)).extracting(CustomerSummary::id).containsExactly(id);
    }

    @Test
    void anInvalidCustomerQueuesNothingAndSaysWhichFieldIsWrong() {
        CustomerRepository customers = as(csr);
        assertThatThrownBy(() -> customers.create(new CustomerDetails(" ", "not an email", "1".repeat(41), null),
                Optional.of(new AddressDetails(null, "1 Main St", null, null, "", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactlyInAnyOrder("fullName", "email", "phone", "postalCode"));
        assertThat(customers.count("")).isZero();
        assertThat(cache.pendingIds(CUSTOMERS)).isEmpty();
        assertThat(cache.pendingIds(CUSTOMER_ADDRESSES)).isEmpty();
    }

    @Test
    void theListSearchesNamePhoneAndEmailSortsAndPagesWithoutGapsOrRepeats() {
        CustomerRepository customers = as(csr);
        List<String> names = List.of("Bea Quinn", "alex Moss", "Carl Nunez", "Dana Oak", "Eli Park", "Fay Reed", "Gus Stone");
        List<CustomerId> created = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            created.add(customers.create(new CustomerDetails(names.get(i), "c" + i + "@mail.test", "+1 555 010" + i, null),
                    Optional.empty()));
        }
        pulled("customers", Map.of("id", UUID.randomUUID(), "company_id", COMPANY, "full_name", "Server Side; drop table customers",
                "created_at", "2026-11-01T09:00:00+00:00", "version", 1));

        assertThat(customers.count("")).isEqualTo(8);
        assertThat(customers.list("0103", CustomerSort.NAME, 10)).extracting(CustomerSummary::fullName).containsExactly("Dana Oak");
        assertThat(customers.list("c5@mail", CustomerSort.NAME, 10)).extracting(CustomerSummary::fullName).containsExactly("Fay Reed");
        assertThat(customers.list("side; drop table", CustomerSort.NAME, 10)).extracting(CustomerSummary::pending).containsExactly(false);
        assertThat(customers.count("e")).isEqualTo(customers.list("e", CustomerSort.NAME, 100).size());

        List<CustomerSummary> paged = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        do {
            Page<CustomerSummary> page = customers.page("", CustomerSort.NAME, 3, after);
            paged.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        assertThat(paged).extracting(CustomerSummary::fullName)
                .containsExactlyElementsOf(customers.list("", CustomerSort.NAME, 100).stream().map(CustomerSummary::fullName).toList())
                .hasSize(8).doesNotHaveDuplicates();
        // Created here and not yet on the server (no created_at until the server sets it): the newest of all.
        List<CustomerSummary> newest = customers.list("", CustomerSort.NEWEST, 100);
        assertThat(newest.subList(0, created.size())).extracting(CustomerSummary::id).containsExactlyInAnyOrderElementsOf(created);
        assertThat(newest.get(created.size()).fullName()).startsWith("Server Side");
    }

    @Test
    void phoneIntakeWritesCustomerAddressAndJobTogetherLinked() {
        CustomerRepository customers = as(csr);
        PhoneIntake.Written written = customers.phoneIntake(new PhoneIntake(Optional.empty(),
                new CustomerDetails("Pat Caller", null, "+1 555 0199", null), Optional.empty(),
                new AddressDetails(null, "9 Oak Ave", "Salem", "OR", "97301", "Dog in the yard"),
                new JobRequest("No heat", "Furnace stopped overnight", Priority.HIGH, "HVAC, north side")));

        assertThat(customers.customer(written.customer())).hasValueSatisfying(customer ->
                assertThat(customer.addresses()).extracting(CustomerAddress::id).containsExactly(written.address()));
        assertThat(customers.jobs(written.customer())).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(written.job());
            assertThat(job.title()).isEqualTo("No heat");
            assertThat(job.status()).isEqualTo(WorkOrderStatus.UNSCHEDULED);
            assertThat(job.number()).isEmpty();
            assertThat(job.pending()).isTrue();
        });
        String addressOfJob = cache.first(com.fielddesk.cache.query.Query.from(WORK_ORDERS)
                .where(WORK_ORDERS.id.eq(written.job().value())), row -> row.get(WORK_ORDERS.customerAddressId).toString())
                .orElseThrow();
        assertThat(addressOfJob).isEqualTo(written.address().value().toString());

        // An existing customer and address: only the job is new.
        PhoneIntake.Written again = customers.phoneIntake(new PhoneIntake(Optional.of(written.customer()),
                new CustomerDetails(null, null, null, null), Optional.of(written.address()),
                new AddressDetails(null, null, null, null, null, null),
                new JobRequest("Annual service", null, null, null)));
        assertThat(again.customer()).isEqualTo(written.customer());
        assertThat(customers.jobs(written.customer())).hasSize(2);
        assertThat(customers.count("")).isEqualTo(1);
    }

    @Test
    void anInvalidPhoneIntakeWritesNoneOfItsRows() {
        CustomerRepository customers = as(csr);
        assertThatThrownBy(() -> customers.phoneIntake(new PhoneIntake(Optional.empty(),
                new CustomerDetails("Pat Caller", null, null, null), Optional.empty(),
                new AddressDetails(null, "9 Oak Ave", null, null, "97301", null),
                new JobRequest("", null, Priority.NORMAL, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.errors()).extracting(error -> error.field()).containsExactly("title"));
        assertThat(cache.pendingIds(CUSTOMERS)).isEmpty();
        assertThat(cache.pendingIds(CUSTOMER_ADDRESSES)).isEmpty();
        assertThat(cache.pendingIds(WORK_ORDERS)).isEmpty();
    }

    @Test
    void onlyManagersDeleteAndADeleteIsATombstone() {
        CustomerId id = as(csr).create(new CustomerDetails("Old Client", null, null, null), Optional.empty());
        assertThat(as(csr).mayDelete()).isFalse();
        assertThatThrownBy(() -> as(csr).delete(id)).isInstanceOf(NotAllowedException.class)
                .hasMessage("Only a supervisor or an admin can delete a customer.");
        assertThat(as(csr).customer(id)).isPresent();

        assertThat(as(supervisor).mayDelete()).isTrue();
        as(supervisor).delete(id);
        assertThat(as(csr).customer(id)).isEmpty();
        assertThat(as(csr).count("")).isZero();
    }

    @Test
    void editsChangeTheFieldsAndAnAddressCanBeAddedAndChanged() {
        CustomerRepository customers = as(csr);
        CustomerId id = customers.create(new CustomerDetails("Ann Lee", null, null, null), Optional.empty());
        customers.update(id, new CustomerDetails("Ann Lee-Park", "ann@example.test", "555 0100", "Gate code 1234"));
        CustomerAddressId address = customers.addAddress(id, new AddressDetails("Shop", "1 Dock Rd", "Astoria", null, "97103", null));
        customers.updateAddress(address, new AddressDetails("Shop", "3 Dock Rd", "Astoria", null, "97103", null));
        assertThatThrownBy(() -> customers.update(id, new CustomerDetails("", null, null, null)))
                .isInstanceOf(InvalidInputException.class);

        Customer customer = customers.customer(id).orElseThrow();
        assertThat(customer.details()).isEqualTo(new CustomerDetails("Ann Lee-Park", "ann@example.test", "555 0100", "Gate code 1234"));
        assertThat(customer.addresses()).extracting(a -> a.details().street()).containsExactly("3 Dock Rd");
    }

    @Test
    void theCustomersInvoicesShowTotalAndBalanceAsMoneyAndThreadsTheirSubject() {
        CustomerRepository customers = as(csr);
        UUID customer = UUID.randomUUID();
        pulled("customers", Map.of("id", customer, "company_id", COMPANY, "full_name", "Billed Person", "version", 1));
        UUID invoice = UUID.randomUUID();
        Map<String, Object> row = new LinkedHashMap<>(Map.of("id", invoice, "company_id", COMPANY, "customer_id", customer,
                "number", 1042, "status", "issued", "currency", "USD", "total", "240.50", "amount_paid", "100.00",
                "version", 1));
        pulled("invoices", row);
        pulled("customer_threads", Map.of("id", UUID.randomUUID(), "company_id", COMPANY, "customer_id", customer,
                "work_order_id", UUID.randomUUID(), "subject", "About Tuesday", "last_message_at", "2026-12-01T10:00:00+00:00",
                "version", 1));

        assertThat(customers.invoices(new CustomerId(customer))).singleElement().satisfies(bill -> {
            assertThat(bill.number()).contains(1042L);
            assertThat(bill.status()).isEqualTo(InvoiceStatus.ISSUED);
            assertThat(bill.total()).isEqualTo(Money.of("240.50", "USD"));
            assertThat(bill.balance()).isEqualTo(Money.of("140.50", "USD"));
            assertThat(bill.pending()).isFalse();
        });
        assertThat(customers.threads(new CustomerId(customer))).extracting(CustomerThread::subject).containsExactly("About Tuesday");
    }

    /** As a sync pull writes a server row: no outbox entry. */
    private void pulled(String table, Map<String, ?> values) {
        List<Object> pairs = new ArrayList<>();
        values.forEach((column, value) -> {
            pairs.add(column);
            pairs.add(value instanceof UUID uuid ? uuid.toString() : value);
        });
        PulledRows.pulled(database, table, PulledRows.row(pairs.toArray()));
    }
}
