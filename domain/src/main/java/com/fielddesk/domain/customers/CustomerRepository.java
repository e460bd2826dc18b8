package com.fielddesk.domain.customers;

import com.fielddesk.domain.common.CustomerId;
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
import com.fielddesk.cache.query.Transaction;
import com.fielddesk.domain.common.FieldError;
import com.fielddesk.domain.common.InvalidInputException;
import com.fielddesk.domain.common.Money;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.common.UserId;
import com.fielddesk.domain.invoices.InvoiceId;
import com.fielddesk.domain.invoices.InvoiceStatus;
import com.fielddesk.domain.jobs.QuoteStatus;
import com.fielddesk.domain.jobs.WorkOrderId;
import com.fielddesk.domain.jobs.WorkOrderStage;
import com.fielddesk.domain.jobs.WorkOrderStatus;
import com.fielddesk.domain.messages.CustomerThreadId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.fielddesk.cache.query.CacheTables.CUSTOMERS;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_ADDRESSES;
import static com.fielddesk.cache.query.CacheTables.CUSTOMER_THREADS;
import static com.fielddesk.cache.query.CacheTables.INVOICES;
import static com.fielddesk.cache.query.CacheTables.PROFILES;
import static com.fielddesk.cache.query.CacheTables.WORK_ORDERS;

/**
 * Customers over the offline cache: the list (search and sort in SQL, keyset pages, a count),
 * one customer with addresses, their jobs, invoices and threads, and every write as one local
 * transaction (each row with its outbox entry) after the domain rules passed — an invalid write
 * throws {@link InvalidInputException} and queues nothing. Reads and writes touch only SQLite, so
 * everything works offline; the sync engine sends the queue when the server can be reached.
 */
public final class CustomerRepository {

    /** The tables the customer screens read: a change notice naming one of them may change what they show. */
    public static final List<Table> READS = List.of(CUSTOMERS, CUSTOMER_ADDRESSES, WORK_ORDERS, INVOICES, CUSTOMER_THREADS);

    private final LocalCache cache;
    private final UserId currentUser;

    public CustomerRepository(LocalCache cache, UserId currentUser) {
        this.cache = cache;
        this.currentUser = currentUser;
    }

    // ---- the list ----

    /**
     * One page of the customers whose name, phone or email contains {@code search} (case does not
     * matter; blank = everyone), in {@code sort} order; {@code after} continues a previous page.
     */
    public Page<CustomerSummary> page(String search, CustomerSort sort, int pageSize, Optional<PageCursor> after) {
        Query query = listQuery(search, sort).limit(pageSize);
        return cache.page(after.map(query::after).orElse(query), CustomerRepository::summary);
    }

    /** The first {@code limit} customers of the list (what a screen shows before "Show more"). */
    public List<CustomerSummary> list(String search, CustomerSort sort, int limit) {
        return cache.list(listQuery(search, sort).limit(limit), CustomerRepository::summary);
    }

    /** How many customers the search finds. */
    public long count(String search) {
        return cache.count(Query.from(CUSTOMERS).where(matching(search)));
    }

    /** Newest: a customer created here has no created_at until the server confirms it, and is the newest of all. */
    private static Query listQuery(String search, CustomerSort sort) {
        return Query.from(CUSTOMERS).where(matching(search)).select(Pending.of(CUSTOMERS))
                .orderBy(sort == CustomerSort.NEWEST
                        ? new Order[] {CUSTOMERS.createdAt.desc().nullsFirst(), CUSTOMERS.id.desc()}
                        : new Order[] {CUSTOMERS.fullName.asc(), CUSTOMERS.id.asc()});
    }

    private static Condition matching(String search) {
        String text = search == null ? "" : search.strip();
        if (text.isEmpty()) {
            return Condition.all();
        }
        return Condition.any(CUSTOMERS.fullName.containsText(text), CUSTOMERS.phone.containsText(text),
                CUSTOMERS.email.containsText(text));
    }

    private static CustomerSummary summary(Row row) {
        return new CustomerSummary(new CustomerId(row.get(CUSTOMERS.id)), row.get(CUSTOMERS.fullName),
                row.get(CUSTOMERS.phone), row.get(CUSTOMERS.email), row.get(CUSTOMERS.createdAt),
                Boolean.TRUE.equals(row.get(Pending.of(CUSTOMERS))));
    }

    // ---- one customer ----

    /** The customer with their addresses; empty when there is no such customer (or it was deleted). */
    public Optional<Customer> customer(CustomerId id) {
        record Fields(CustomerDetails details, java.time.Instant createdAt, boolean pending) {
        }
        return cache.first(Query.from(CUSTOMERS).where(CUSTOMERS.id.eq(id.value())).select(Pending.of(CUSTOMERS)),
                        row -> new Fields(new CustomerDetails(row.get(CUSTOMERS.fullName), row.get(CUSTOMERS.email),
                                row.get(CUSTOMERS.phone), row.get(CUSTOMERS.notes)), row.get(CUSTOMERS.createdAt),
                                Boolean.TRUE.equals(row.get(Pending.of(CUSTOMERS)))))
                .map(fields -> new Customer(id, fields.details(), fields.createdAt(), fields.pending(), addresses(id)));
    }

    public List<CustomerAddress> addresses(CustomerId customer) {
        return cache.list(Query.from(CUSTOMER_ADDRESSES).where(CUSTOMER_ADDRESSES.customerId.eq(customer.value()))
                        .select(Pending.of(CUSTOMER_ADDRESSES))
                        .orderBy(CUSTOMER_ADDRESSES.createdAt.asc(), CUSTOMER_ADDRESSES.id.asc()),
                row -> new CustomerAddress(new CustomerAddressId(row.get(CUSTOMER_ADDRESSES.id)),
                        new AddressDetails(row.get(CUSTOMER_ADDRESSES.label), row.get(CUSTOMER_ADDRESSES.street),
                                row.get(CUSTOMER_ADDRESSES.city), row.get(CUSTOMER_ADDRESSES.region),
                                row.get(CUSTOMER_ADDRESSES.postalCode), row.get(CUSTOMER_ADDRESSES.accessNotes)),
                        Boolean.TRUE.equals(row.get(Pending.of(CUSTOMER_ADDRESSES)))));
    }

    /** The customer's quotes and jobs, newest first. */
    public List<CustomerJob> jobs(CustomerId customer) {
        return cache.list(Query.from(WORK_ORDERS).where(WORK_ORDERS.customerId.eq(customer.value()))
                        .select(Pending.of(WORK_ORDERS))
                        .orderBy(WORK_ORDERS.createdAt.desc(), WORK_ORDERS.id.desc()),
                row -> new CustomerJob(new WorkOrderId(row.get(WORK_ORDERS.id)), Optional.ofNullable(row.get(WORK_ORDERS.number)),
                        row.get(WORK_ORDERS.title), WorkOrderStage.fromCode(row.get(WORK_ORDERS.stage)),
                        WorkOrderStatus.fromCode(row.get(WORK_ORDERS.status)),
                        row.get(WORK_ORDERS.quoteStatus) == null ? null : QuoteStatus.fromCode(row.get(WORK_ORDERS.quoteStatus)),
                        Optional.ofNullable(row.get(WORK_ORDERS.scheduledStart)),
                        Boolean.TRUE.equals(row.get(Pending.of(WORK_ORDERS)))));
    }

    /** The customer's invoices, newest first, with what is still due. */
    public List<CustomerInvoice> invoices(CustomerId customer) {
        return cache.list(Query.from(INVOICES).where(INVOICES.customerId.eq(customer.value()))
                        .select(Pending.of(INVOICES))
                        .orderBy(INVOICES.createdAt.desc(), INVOICES.id.desc()),
                row -> {
                    Currency currency = Currency.getInstance(row.get(INVOICES.currency) == null ? "USD" : row.get(INVOICES.currency));
                    Money total = Money.of(orZero(row.get(INVOICES.total)), currency);
                    Money paid = Money.of(orZero(row.get(INVOICES.amountPaid)), currency);
                    return new CustomerInvoice(new InvoiceId(row.get(INVOICES.id)), Optional.ofNullable(row.get(INVOICES.number)),
                            InvoiceStatus.fromCode(row.get(INVOICES.status)), total, total.minus(paid),
                            Boolean.TRUE.equals(row.get(Pending.of(INVOICES))));
                });
    }

    /** The customer's message threads, the most recent conversation first. */
    public List<CustomerThread> threads(CustomerId customer) {
        return cache.list(Query.from(CUSTOMER_THREADS).where(CUSTOMER_THREADS.customerId.eq(customer.value()))
                        .orderBy(CUSTOMER_THREADS.lastMessageAt.desc(), CUSTOMER_THREADS.createdAt.desc(),
                                CUSTOMER_THREADS.id.desc()),
                row -> new CustomerThread(new CustomerThreadId(row.get(CUSTOMER_THREADS.id)), row.get(CUSTOMER_THREADS.subject),
                        Optional.ofNullable(row.get(CUSTOMER_THREADS.lastMessageAt))));
    }

    // ---- who may do what ----

    /** The signed-in person's role from their profile in the cache; empty before the first sync brought it. */
    public Optional<Role> currentRole() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.role))
                .map(Role::fromCode);
    }

    /** Only managers (admins and supervisors) delete customers; the server refuses anyone else too. */
    public boolean mayDelete() {
        return currentRole().map(Role::isManager).orElse(false);
    }

    // ---- writes ----

    /** A new customer, with a first address when one is given. */
    public CustomerId create(CustomerDetails details, Optional<AddressDetails> firstAddress) {
        List<FieldError> problems = new ArrayList<>(details.problems());
        firstAddress.ifPresent(address -> problems.addAll(address.problems()));
        InvalidInputException.throwIfAny(problems);
        return cache.transactionReturning(tx -> {
            CustomerId customer = insertCustomer(tx, details);
            firstAddress.ifPresent(address -> insertAddress(tx, customer, address));
            return customer;
        });
    }

    /** New contact fields for a customer (each changed field travels to the server; others' edits to other fields stay). */
    public void update(CustomerId id, CustomerDetails details) {
        InvalidInputException.throwIfAny(details.problems());
        cache.transaction(tx -> tx.update(CUSTOMERS, id.value(), RowValues.of(CUSTOMERS)
                .set(CUSTOMERS.fullName, details.fullName()).set(CUSTOMERS.email, details.email())
                .set(CUSTOMERS.phone, details.phone()).set(CUSTOMERS.notes, details.notes())));
    }

    public CustomerAddressId addAddress(CustomerId customer, AddressDetails address) {
        InvalidInputException.throwIfAny(address.problems());
        return cache.transactionReturning(tx -> insertAddress(tx, customer, address));
    }

    public void updateAddress(CustomerAddressId id, AddressDetails address) {
        InvalidInputException.throwIfAny(address.problems());
        cache.transaction(tx -> tx.update(CUSTOMER_ADDRESSES, id.value(), addressValues(address)));
    }

    /**
     * Deletes the customer (a tombstone: the server keeps the row for the history of their jobs
     * and invoices). Managers only; for anyone else this throws {@link NotAllowedException} and
     * queues nothing.
     */
    public void delete(CustomerId id) {
        if (!mayDelete()) {
            throw new NotAllowedException("Only a supervisor or an admin can delete a customer.");
        }
        cache.transaction(tx -> tx.delete(CUSTOMERS, id.value()));
    }

    /**
     * The caller's request as one local transaction: the customer (new, or the one picked), the
     * address (new, or one of theirs), and an unscheduled job for them at that address — all
     * queued together, or nothing when a field is invalid.
     */
    public PhoneIntake.Written phoneIntake(PhoneIntake intake) {
        InvalidInputException.throwIfAny(intake.problems());
        return cache.transactionReturning(tx -> {
            CustomerId customer = intake.existingCustomer().orElseGet(() -> insertCustomer(tx, intake.newCustomer()));
            CustomerAddressId address = intake.existingAddress()
                    .orElseGet(() -> insertAddress(tx, customer, intake.newAddress()));
            RowValues job = RowValues.of(WORK_ORDERS)
                    .set(WORK_ORDERS.stage, WorkOrderStage.JOB.code())
                    .set(WORK_ORDERS.status, WorkOrderStatus.UNSCHEDULED.code())
                    .set(WORK_ORDERS.title, intake.job().title())
                    .set(WORK_ORDERS.description, intake.job().storedDescription())
                    .set(WORK_ORDERS.priority, intake.job().priority().code())
                    .set(WORK_ORDERS.customerId, customer.value())
                    .set(WORK_ORDERS.customerAddressId, address.value());
            return new PhoneIntake.Written(customer, address,
                    new WorkOrderId(tx.insert(withCompany(job, WORK_ORDERS.companyId))));
        });
    }

    private CustomerId insertCustomer(Transaction tx, CustomerDetails details) {
        RowValues values = RowValues.of(CUSTOMERS).set(CUSTOMERS.fullName, details.fullName())
                .set(CUSTOMERS.email, details.email()).set(CUSTOMERS.phone, details.phone())
                .set(CUSTOMERS.notes, details.notes());
        return new CustomerId(tx.insert(withCompany(values, CUSTOMERS.companyId)));
    }

    private CustomerAddressId insertAddress(Transaction tx, CustomerId customer, AddressDetails address) {
        RowValues values = addressValues(address).set(CUSTOMER_ADDRESSES.customerId, customer.value());
        return new CustomerAddressId(tx.insert(withCompany(values, CUSTOMER_ADDRESSES.companyId)));
    }

    private static RowValues addressValues(AddressDetails address) {
        return RowValues.of(CUSTOMER_ADDRESSES).set(CUSTOMER_ADDRESSES.label, address.label())
                .set(CUSTOMER_ADDRESSES.street, address.street()).set(CUSTOMER_ADDRESSES.city, address.city())
                .set(CUSTOMER_ADDRESSES.region, address.region())
                .set(CUSTOMER_ADDRESSES.postalCode, address.postalCode())
                .set(CUSTOMER_ADDRESSES.accessNotes, address.accessNotes());
    }

    /** The values with the signed-in person's company, when the cache knows it yet. */
    private RowValues withCompany(RowValues values, Column<UUID> companyColumn) {
        return companyId().map(company -> values.set(companyColumn, company)).orElse(values);
    }

    /**
     * The signed-in person's company (the server would fill it in too — its default is the
     * caller's company — but the local row should carry it from the start).
     */
    private Optional<UUID> companyId() {
        return cache.first(Query.from(PROFILES).where(PROFILES.id.eq(currentUser.value())), row -> row.get(PROFILES.companyId));
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
