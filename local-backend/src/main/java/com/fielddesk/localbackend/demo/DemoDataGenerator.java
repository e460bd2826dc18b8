package com.fielddesk.localbackend.demo;

import java.util.Locale;
import com.fielddesk.localbackend.demo.DemoRoster.Company;
import com.fielddesk.localbackend.demo.DemoRoster.Person;
import com.fielddesk.localbackend.demo.DemoRoster.PostalArea;
import com.fielddesk.localbackend.demo.DemoWords.Job;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generates the demo dataset: three companies with overlapping service areas, their staff (with
 * documented logins), customers, a contested lead pool, quotes and jobs in every status around an
 * anchor instant, both message systems, and invoices with items and payments.
 *
 * <p>Deterministic: the same seed, anchor and scale give the same rows (ids included) whether
 * they are written over JDBC ({@link #writeTo}) or as seed.sql ({@link #toSqlScript}). Every row
 * is inserted through the schema's normal triggers as {@code postgres} — not a superuser, as the
 * seed runs on Supabase — without a JWT (audit actor {@code system}),
 * so work order and invoice numbers, invoice totals, status history, the lead pool and the audit
 * hash chain are all produced by the database itself, exactly as for any other write.
 */
public final class DemoDataGenerator {

    /** The one password every demo person signs in with. */
    public static final String DEMO_PASSWORD = "fielddesk-demo";
    public static final long DEFAULT_SEED = 20_261_120L;
    /** The fixed "now" of supabase/seed.sql; LocalBackend anchors its data at its own first start. */
    public static final Instant DEFAULT_ANCHOR = Instant.parse("2026-11-20T15:00:00Z");

    static final String TIME_ZONE = "America/Los_Angeles";
    /** How many of each company's customers have a portal login in the demo. */
    static final int PORTAL_ACCOUNTS_PER_COMPANY = 3;
    static final String LOYALTY_DISCOUNT_NOTE = "Loyalty discount 5%.";
    private static final BigDecimal LOYALTY_DISCOUNT_RATE = new BigDecimal("0.05");

    /** Every table the demo touches (directly or through triggers), for the summary's row counts. */
    static final List<String> COUNTED_TABLES = List.of("auth.users", "public.companies", "public.profiles",
            "public.customers", "public.customer_addresses", "public.customer_portal_accounts", "public.service_requests",
            "public.service_request_declines", "public.lead_pool", "public.work_orders",
            "public.work_order_status_history", "public.customer_threads", "public.customer_messages",
            "public.internal_threads", "public.internal_messages", "public.invoices", "public.invoice_items",
            "public.payments", "public.audit_log");

    private final long seed;
    private final Instant anchor;
    private final DemoScale scale;

    public DemoDataGenerator(long seed, Instant anchor, DemoScale scale) {
        if (anchor == null || scale == null) {
            throw new IllegalArgumentException("A demo generator needs an anchor instant and a scale.");
        }
        this.seed = seed;
        // Whole seconds keep every derived timestamp exact in both JDBC and SQL text.
        this.anchor = anchor.truncatedTo(ChronoUnit.SECONDS);
        this.scale = scale;
    }

    /** The standard dataset at the default seed and anchor: what supabase/seed.sql holds. */
    public static DemoDataGenerator standardSeedFile() {
        return new DemoDataGenerator(DEFAULT_SEED, DEFAULT_ANCHOR, DemoScale.standard());
    }

    /** The documented demo logins (one per person, all with {@link #DEMO_PASSWORD}), without a database. */
    public static List<DemoLogin> demoLogins() {
        List<DemoLogin> logins = new ArrayList<>();
        for (int i = 0; i < DemoRoster.COMPANIES.size(); i++) {
            Company company = DemoRoster.COMPANIES.get(i);
            for (Person person : DemoRoster.staffOf(i)) {
                logins.add(new DemoLogin(DemoRoster.email(company, person), DEMO_PASSWORD, person.role(), company.name()));
            }
        }
        return List.copyOf(logins);
    }

    /**
     * Loads the dataset into a migrated database that has no companies yet. Commits every
     * {@value DemoSink#ROWS_PER_CHECKPOINT} rows (see {@link DemoSink#ROWS_PER_CHECKPOINT} for why);
     * if loading fails, the exception says the database holds part of the demo and should be
     * recreated — a second load into it is refused.
     */
    public DemoSummary writeTo(DataSource postgresRole) {
        return writeTo(postgresRole, (done, total) -> { });
    }

    /** Told, as a load goes, the rows written so far and the rows it writes in all (for a progress bar). */
    @FunctionalInterface
    public interface RowProgress {
        void rowsWritten(long done, long total);
    }

    /** As {@link #writeTo(DataSource)}, telling {@code progress} after every multi-row INSERT. */
    public DemoSummary writeTo(DataSource postgresRole, RowProgress progress) {
        try (Connection connection = postgresRole.getConnection()) {
            connection.setAutoCommit(false);
            refuseIfAlreadyLoaded(connection);
            try {
                Plan plan = new Plan(seed, anchor, scale);
                long total = plan.rowCount();
                JdbcDemoSink sink = new JdbcDemoSink(connection);
                sink.onRowsWritten(rows -> progress.rowsWritten(rows, total));
                plan.emit(sink);
            } catch (RuntimeException e) {
                connection.rollback();
                throw new DemoLoadException("Loading the demo data failed; the database now holds part of it and "
                        + "should be recreated", e);
            }
            Map<String, Long> counts = countRows(connection);
            connection.commit();
            return new DemoSummary(demoLogins(), counts);
        } catch (SQLException e) {
            throw new DemoLoadException("Could not load the demo data", e);
        }
    }

    /** The dataset as a SQL script for the Supabase CLI (supabase/seed.sql). */
    public String toSqlScript() {
        StringBuilder script = new StringBuilder();
        script.append("-- FieldDesk demo data. GENERATED by com.fielddesk.localbackend.demo.DemoSeedFile — do not edit;\n")
                .append("-- regenerate with (from the repository root): ./mvnw -B -q -o -pl local-backend compile "
                        + "dependency:build-classpath -Dmdep.outputFile=target/cp.txt && java -cp "
                        + "local-backend/target/classes:$(cat local-backend/target/cp.txt) "
                        + "com.fielddesk.localbackend.demo.DemoSeedFile\n")
                .append("-- seed ").append(seed).append(", anchor ").append(anchor).append(", scale ").append(scale)
                .append('\n')
                .append("-- Every demo person signs in with the password '").append(DEMO_PASSWORD).append("':\n");
        for (DemoLogin login : demoLogins()) {
            script.append("--   ").append(login.email()).append(" (").append(login.role()).append(", ")
                    .append(login.companyName()).append(")\n");
        }
        script.append('\n');
        new Plan(seed, anchor, scale).emit(new SqlScriptDemoSink(script));
        return script.toString();
    }

    private static void refuseIfAlreadyLoaded(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select exists (select 1 from public.companies)")) {
            result.next();
            if (result.getBoolean(1)) {
                throw new DemoLoadException("This database already has companies; demo data is only loaded into "
                        + "a freshly migrated database.");
            }
        }
    }

    private static Map<String, Long> countRows(Connection connection) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : COUNTED_TABLES) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        }
        return counts;
    }

    // ------------------------------------------------------------------------------------------
    // The plan: every row decided in memory first, then emitted in dependency order.
    // ------------------------------------------------------------------------------------------

    private record Staff(UUID id, int company, Person person, String email) {
        boolean isOffice() {
            return !person.role().equals("technician");
        }
    }

    private record Address(UUID id, String street, String city, String postalCode, String label, String accessNotes,
                           Instant createdAt) {
    }

    private record Customer(UUID id, int company, String fullName, String email, String phone, String notes,
                            List<Address> addresses, Instant createdAt) {
    }

    private record Lead(UUID id, Integer company, String status, String source, String trade, String description,
                        boolean emergency, PostalArea area, Instant preferredStart, Instant preferredEnd,
                        Instant postedAt, String customerName, String customerPhone, String customerEmail,
                        String street, Instant claimedAt, UUID claimedBy, Customer customer) {
    }

    private record Decline(UUID id, int company, UUID leadId, UUID declinedBy, String reason, String note,
                           Instant createdAt) {
    }

    private record WorkOrder(UUID id, int company, String stage, String trade, Job job, String description,
                             BigDecimal total, String quoteStatus, String status, Customer customer, Address address,
                             UUID serviceRequestId, Instant start, Instant end, UUID technicianId, String priority,
                             Instant createdAt) {
    }

    private record Message(UUID id, String senderKind, UUID senderId, String body, Instant readAt, Instant createdAt) {
    }

    /** A customer who signs in to the customer portal (an auth user with no profile). */
    private record PortalAccount(UUID id, UUID userId, int company, Customer customer, String email) {
    }

    private record Conversation(UUID id, int company, WorkOrder workOrder, UUID customerId, UUID createdBy, String subject,
                          List<Message> messages) {
        Instant createdAt() {
            return messages.get(0).createdAt();
        }

        Instant lastMessageAt() {
            return messages.get(messages.size() - 1).createdAt();
        }
    }

    private record Item(UUID id, String description, BigDecimal quantity, BigDecimal unitPrice) {
        BigDecimal lineTotal() {
            return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        }
    }

    private record Payment(UUID id, BigDecimal amount, String method, Instant paidAt, String reference,
                           UUID recordedBy) {
    }

    private record Invoice(UUID id, int company, WorkOrder workOrder, String status, LocalDate issueDate,
                           LocalDate dueDate, String taxRate, String notes, List<Item> items, List<Payment> payments,
                           Instant createdAt) {
    }

    private static final class Plan {

        private final long seed;
        private final Instant anchor;
        private final DemoScale scale;
        private final ZoneId zone = ZoneId.of(TIME_ZONE);
        private final LocalDate today;

        private final List<UUID> companyIds = new ArrayList<>();
        private final List<List<Staff>> staff = new ArrayList<>();
        private final List<Customer> customers = new ArrayList<>();
        private final List<List<Customer>> customersByCompany = new ArrayList<>();
        private final List<Lead> leads = new ArrayList<>();
        private final List<Decline> declines = new ArrayList<>();
        private final List<WorkOrder> workOrders = new ArrayList<>();
        private final List<Conversation> customerThreads = new ArrayList<>();
        private final List<Conversation> internalThreads = new ArrayList<>();
        private final List<Invoice> invoices = new ArrayList<>();
        private final List<PortalAccount> portalAccounts = new ArrayList<>();

        Plan(long seed, Instant anchor, DemoScale scale) {
            this.seed = seed;
            this.anchor = anchor;
            this.scale = scale;
            this.today = anchor.atZone(zone).toLocalDate();
            planPeople();
            planCustomers();
            planLeads();
            planWorkOrders();
            planCustomerThreads();
            planPortalAccounts();
            planInternalThreads();
            planInvoices();
        }

        private DemoRandom random(String part) {
            return new DemoRandom(seed, part);
        }

        // ---- companies and staff -----------------------------------------------------------

        private void planPeople() {
            DemoRandom random = random("people");
            for (int c = 0; c < DemoRoster.COMPANIES.size(); c++) {
                companyIds.add(random.uuid());
                List<Staff> people = new ArrayList<>();
                for (Person person : DemoRoster.staffOf(c)) {
                    people.add(new Staff(random.uuid(), c, person, DemoRoster.email(DemoRoster.COMPANIES.get(c), person)));
                }
                staff.add(people);
                customersByCompany.add(new ArrayList<>());
            }
        }

        private int pickCompany(DemoRandom random) {
            List<Integer> indexes = new ArrayList<>();
            int[] weights = new int[DemoRoster.COMPANIES.size()];
            for (int c = 0; c < weights.length; c++) {
                indexes.add(c);
                weights[c] = DemoRoster.COMPANIES.get(c).share();
            }
            return random.weighted(indexes, weights);
        }

        private List<Staff> staffOf(int company, boolean office) {
            return staff.get(company).stream().filter(s -> s.isOffice() == office).toList();
        }

        private Staff deskPerson(DemoRandom random, int company) {
            // Dispatchers and CSRs do most desk work; managers sometimes.
            List<Staff> office = staffOf(company, true);
            List<Staff> frontLine = office.stream()
                    .filter(s -> s.person().role().equals("dispatcher") || s.person().role().equals("csr")).toList();
            return random.chance(0.85) ? random.pick(frontLine) : random.pick(office);
        }

        // ---- customers ----------------------------------------------------------------------

        private String personName(DemoRandom random) {
            return random.pick(DemoWords.FIRST_NAMES) + " " + random.pick(DemoWords.LAST_NAMES);
        }

        private static String emailFor(String fullName, int number) {
            String local = fullName.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").replace(' ', '.');
            return local + number + "@example.com";
        }

        private static String phone(DemoRandom random) {
            // 555-01xx is reserved for fiction; the area codes are the Portland area's.
            return random.pick(List.of("503", "971")) + "-555-01" + String.format(Locale.ROOT, "%02d", random.between(0, 99));
        }

        private String street(DemoRandom random) {
            String direction = random.pick(DemoWords.DIRECTIONS);
            return random.between(100, 19_999) + " " + (direction.isEmpty() ? "" : direction + " ")
                    + random.pick(DemoWords.STREET_NAMES) + " " + random.pick(DemoWords.STREET_SUFFIXES);
        }

        private Instant daysBefore(DemoRandom random, int minDays, int maxDays) {
            return anchor.minusSeconds(random.between(minDays * 86_400L, maxDays * 86_400L));
        }

        private Customer newCustomer(DemoRandom random, int company, String fullName, String email, String phone,
                                     PostalArea area, String street, Instant createdAt) {
            List<Address> addresses = new ArrayList<>();
            addresses.add(new Address(random.uuid(), street, area.city(), area.postalCode(),
                    random.chance(0.5) ? "Home" : null,
                    random.chance(0.2) ? random.pick(DemoWords.ACCESS_NOTES) : null, createdAt));
            Customer customer = new Customer(random.uuid(), company, fullName, email, phone,
                    random.chance(0.15) ? random.pick(DemoWords.CUSTOMER_NOTES) : null, addresses, createdAt);
            customers.add(customer);
            customersByCompany.get(company).add(customer);
            return customer;
        }

        private void planCustomers() {
            DemoRandom random = random("customers");
            for (int i = 0; i < scale.customers(); i++) {
                // The first few go round-robin so every company has customers even at tiny scales.
                int company = i < DemoRoster.COMPANIES.size() ? i : pickCompany(random);
                String name = personName(random);
                Company spec = DemoRoster.COMPANIES.get(company);
                Instant createdAt = daysBefore(random, 20, 900);
                Customer customer = newCustomer(random, company, name,
                        random.chance(0.75) ? emailFor(name, i) : null, random.chance(0.95) ? phone(random) : null,
                        random.pick(spec.area()), street(random), createdAt);
                if (random.chance(0.15)) {
                    PostalArea area = random.pick(spec.area());
                    customer.addresses().add(new Address(random.uuid(), street(random), area.city(), area.postalCode(),
                            random.pick(DemoWords.ADDRESS_LABELS),
                            random.chance(0.3) ? random.pick(DemoWords.ACCESS_NOTES) : null,
                            createdAt.plusSeconds(random.between(3_600L, 90L * 86_400))));
                }
            }
        }

        // ---- leads --------------------------------------------------------------------------

        private void planLeads() {
            DemoRandom random = random("leads");
            for (int i = 0; i < scale.openLeads(); i++) {
                // Age from a couple of minutes to ten days, most of them young (log-uniform).
                long minutes = Math.round(Math.exp(Math.log(2) + random.unit() * (Math.log(14_400) - Math.log(2))));
                leads.add(newLead(random, "open", anchor.minusSeconds(minutes * 60 + random.between(0, 59)), i));
            }
            for (int i = 0; i < scale.closedLeads(); i++) {
                String status = random.weighted(List.of("claimed", "converted", "expired", "withdrawn"), 30, 40, 20, 10);
                Instant postedAt = daysBefore(random, 1, 60);
                leads.add(newLead(random, status, postedAt, scale.openLeads() + i));
            }
            // A few companies pass on open leads (the rest of their pool is untouched).
            for (Lead lead : leads) {
                if (!lead.status().equals("open") || !random.chance(0.06)) {
                    continue;
                }
                List<Integer> eligible = eligibleCompanies(lead.trade(), lead.area().postalCode());
                int company = random.pick(eligible);
                Instant declinedAt = min(lead.postedAt().plusSeconds(random.between(60, 3_600)), anchor);
                declines.add(new Decline(random.uuid(), company, lead.id(), deskPerson(random, company).id(),
                        random.pick(List.of("too_far", "fully_booked", "outside_expertise", "not_worth_it", "other")),
                        random.chance(0.4) ? "Crew is booked solid through next week." : null, declinedAt));
            }
        }

        private static List<Integer> eligibleCompanies(String trade, String postalCode) {
            List<Integer> eligible = new ArrayList<>();
            for (int c = 0; c < DemoRoster.COMPANIES.size(); c++) {
                if (DemoRoster.COMPANIES.get(c).serves(trade, postalCode)) {
                    eligible.add(c);
                }
            }
            return eligible;
        }

        private Lead newLead(DemoRandom random, String status, Instant postedAt, int number) {
            // Every lead is servable by at least the company it was drawn for; overlaps make it contested.
            int drawnFor = pickCompany(random);
            Company spec = DemoRoster.COMPANIES.get(drawnFor);
            String trade = random.chance(0.7) ? spec.trades().get(0) : random.pick(spec.trades());
            PostalArea area = random.pick(spec.area());
            boolean emergency = random.chance(trade.equals("electrical") ? 0.05 : 0.1);
            Instant preferredStart = null;
            Instant preferredEnd = null;
            if (random.chance(0.6)) {
                preferredStart = today.plusDays(random.between(1, 7)).atTime(random.between(8, 14), 0)
                        .atZone(zone).toInstant();
                preferredEnd = preferredStart.plus(Duration.ofHours(4));
            }
            String name = personName(random);
            String description = random.pick(DemoWords.LEAD_TEXTS.get(trade))
                    + (random.chance(0.3) ? " " + random.pick(List.of("Available most afternoons.",
                    "Please call before coming.", "We have a toddler at home, mornings are best.",
                    "Renting, landlord has approved the repair.", "Happy to send photos.")) : "");
            String phone = phone(random);
            String email = random.chance(0.8) ? emailFor(name, 10_000 + number) : null;
            String street = street(random);
            Integer company = null;
            Instant claimedAt = null;
            UUID claimedBy = null;
            Customer customer = null;
            UUID id = random.uuid();
            if (status.equals("claimed") || status.equals("converted")) {
                List<Integer> eligible = eligibleCompanies(trade, area.postalCode());
                company = random.pick(eligible);
                claimedAt = min(postedAt.plusSeconds(random.between(120, 4 * 3_600)), anchor);
                claimedBy = deskPerson(random, company).id();
                // What claim_service_request creates: the customer and address from the contact fields.
                customer = newCustomer(random, company, name, email, phone, area, street, claimedAt);
            }
            return new Lead(id, company, status, random.weighted(List.of("portal", "phone", "partner", "web"), 50, 20, 10, 20),
                    trade, description, emergency, area, preferredStart, preferredEnd, postedAt, name, phone, email,
                    street, claimedAt, claimedBy, customer);
        }

        // ---- work orders --------------------------------------------------------------------

        private Instant windowStart(DemoRandom random, int dayOffset) {
            return today.plusDays(dayOffset).atTime(random.between(7, 15), random.chance(0.5) ? 0 : 30)
                    .atZone(zone).toInstant();
        }

        /** A window start from 7:00 to 17:30 on a day relative to the demo's first start. */
        private Instant busyDayStart(DemoRandom random, int dayOffset) {
            return today.plusDays(dayOffset).atTime(random.between(7, 17), random.chance(0.5) ? 0 : 30)
                    .atZone(zone).toInstant();
        }

        private void planWorkOrders() {
            DemoRandom random = random("work-orders");
            for (Lead lead : leads) {
                if (lead.customer() != null) {
                    String status = lead.status().equals("claimed") ? "unscheduled"
                            : random.weighted(List.of("scheduled", "dispatched", "completed", "canceled"), 40, 10, 45, 5);
                    Job job = random.pick(DemoWords.JOBS.get(lead.trade()));
                    workOrders.add(job(random, lead.company(), lead.trade(), job, lead.customer(),
                            lead.customer().addresses().get(0), lead.id(), status, null,
                            lead.emergency() ? "emergency" : "normal", lead.claimedAt(),
                            lead.trade().substring(0, 1).toUpperCase(Locale.ROOT) + lead.trade().substring(1) + " service: "
                                    + lead.description()));
                }
            }
            while (workOrders.size() < scale.workOrders()) {
                int company = pickCompany(random);
                Company spec = DemoRoster.COMPANIES.get(company);
                String trade = random.chance(0.7) ? spec.trades().get(0) : random.pick(spec.trades());
                Job job = random.pick(DemoWords.JOBS.get(trade));
                Customer customer = random.pick(customersByCompany.get(company));
                Address address = random.pick(customer.addresses());
                String priority = random.weighted(List.of("low", "normal", "high", "emergency"), 15, 66, 15, 4);
                if (random.chance(0.28)) {
                    String quoteStatus = random.weighted(List.of("draft", "sent", "accepted", "declined", "expired"),
                            25, 35, 15, 15, 10);
                    Instant createdAt = max(daysBefore(random, 0, 60), customer.createdAt());
                    workOrders.add(new WorkOrder(random.uuid(), company, "quote", trade, job, job.description(),
                            random.dollars(job.minPrice(), job.maxPrice()), quoteStatus, null, customer, address, null,
                            null, null, null, priority, createdAt));
                } else {
                    String status = random.weighted(List.of("unscheduled", "scheduled", "dispatched", "en_route",
                            "on_site", "completed", "canceled"), 12, 22, 8, 3, 4, 45, 6);
                    // About a third of jobs started life as an accepted quote.
                    String quoteStatus = random.chance(0.3) ? "accepted" : null;
                    workOrders.add(job(random, company, trade, job, customer, address, null, status, quoteStatus,
                            priority, null, job.description()));
                }
            }
            // The database numbers work orders in insertion order: insert oldest first.
            workOrders.sort(Comparator.comparing(WorkOrder::createdAt).thenComparing(WorkOrder::id));
        }

        private WorkOrder job(DemoRandom random, int company, String trade, Job job, Customer customer, Address address,
                              UUID serviceRequestId, String status, String quoteStatus, String priority,
                              Instant createdAtOrNull, String description) {
            List<Staff> technicians = staffOf(company, false);
            Instant start = null;
            UUID technician = null;
            switch (status) {
                case "scheduled" -> {
                    // A busy board on the day the demo starts: many windows today and tomorrow, the rest
                    // over three weeks, and a few late ones (their window over, still not dispatched).
                    int roll = random.between(0, 99);
                    start = roll < 6 ? anchor.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(random.between(5, 40)))
                            : roll < 40 ? busyDayStart(random, random.between(0, 1))
                            : windowStart(random, random.between(2, 21));
                    technician = random.chance(0.75) ? random.pick(technicians).id() : null;
                }
                case "dispatched" -> {
                    start = busyDayStart(random, random.between(0, 1));
                    technician = random.pick(technicians).id();
                }
                case "en_route", "on_site" -> {
                    // Out in the field right now: the window contains the anchor.
                    start = anchor.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofMinutes(30L * random.between(0, 4)));
                    technician = random.pick(technicians).id();
                }
                case "completed" -> {
                    start = windowStart(random, -random.between(1, 120));
                    technician = random.pick(technicians).id();
                }
                case "canceled" -> {
                    start = random.chance(0.5) ? windowStart(random, random.between(-60, 14)) : null;
                    technician = start != null && random.chance(0.3) ? random.pick(technicians).id() : null;
                }
                default -> {
                    // unscheduled: no window, nobody assigned yet
                }
            }
            Instant end = start == null ? null : start.plus(Duration.ofMinutes(60L * random.between(1, 4)));
            if (status.equals("en_route") || status.equals("on_site")) {
                end = max(end, anchor.plus(Duration.ofHours(1)));
            }
            Instant createdAt = createdAtOrNull;
            if (createdAt == null) {
                Instant reference = start == null ? anchor : min(start, anchor);
                createdAt = max(reference.minusSeconds(random.between(3_600L, 20L * 86_400)), customer.createdAt());
                createdAt = min(createdAt, anchor);
            }
            return new WorkOrder(random.uuid(), company, "job", trade, job, description,
                    random.dollars(job.minPrice(), job.maxPrice()), quoteStatus, status, customer, address,
                    serviceRequestId, start, end, technician, priority, createdAt);
        }

        // ---- messages -----------------------------------------------------------------------

        private void planCustomerThreads() {
            DemoRandom random = random("customer-threads");
            List<WorkOrder> picked = new ArrayList<>(workOrders);
            random.shuffle(picked);
            for (WorkOrder workOrder : picked.subList(0, scale.customerThreads())) {
                List<Message> messages = new ArrayList<>();
                int count = random.between(1, 5);
                boolean fromCustomer = random.chance(0.6);
                Instant at = min(workOrder.createdAt().plusSeconds(random.between(600, 2 * 86_400)),
                        anchor.minusSeconds(60L * count));
                for (int m = 0; m < count; m++) {
                    boolean last = m == count - 1;
                    Instant readAt = last && random.chance(0.3) ? null
                            : min(at.plusSeconds(random.between(60, 7_200)), anchor);
                    messages.add(fromCustomer
                            ? new Message(random.uuid(), "customer", null, random.pick(DemoWords.CUSTOMER_MESSAGES),
                            readAt, at)
                            : new Message(random.uuid(), "staff", deskPerson(random, workOrder.company()).id(),
                            random.pick(DemoWords.STAFF_MESSAGES), readAt, at));
                    fromCustomer = !fromCustomer;
                    at = min(at.plusSeconds(random.between(300, 86_400)), anchor.minusSeconds(60L * (count - m - 1)));
                }
                customerThreads.add(new Conversation(random.uuid(), workOrder.company(), workOrder,
                        workOrder.customer().id(), null, workOrder.job().title(), messages));
            }
        }

        /**
         * Portal logins for a few customers of each company who have threads, so the demo has
         * customers who write in (their earlier messages are theirs, and demo activity replies as them).
         */
        private void planPortalAccounts() {
            DemoRandom random = random("portal-accounts");
            Map<UUID, PortalAccount> byCustomer = new LinkedHashMap<>();
            int[] perCompany = new int[DemoRoster.COMPANIES.size()];
            for (Conversation thread : customerThreads) {
                Customer customer = thread.workOrder().customer();
                if (customer.email() == null || byCustomer.containsKey(customer.id())
                        || perCompany[customer.company()] >= PORTAL_ACCOUNTS_PER_COMPANY) {
                    continue;
                }
                perCompany[customer.company()]++;
                String email = customer.email().substring(0, customer.email().indexOf('@')) + "@customer.demo";
                byCustomer.put(customer.id(), new PortalAccount(random.uuid(), random.uuid(), customer.company(),
                        customer, email));
            }
            portalAccounts.addAll(byCustomer.values());
            customerThreads.replaceAll(thread -> {
                PortalAccount account = byCustomer.get(thread.customerId());
                if (account == null) {
                    return thread;
                }
                List<Message> messages = thread.messages().stream()
                        .map(m -> m.senderKind().equals("customer")
                                ? new Message(m.id(), m.senderKind(), account.userId(), m.body(), m.readAt(), m.createdAt())
                                : m)
                        .toList();
                return new Conversation(thread.id(), thread.company(), thread.workOrder(), thread.customerId(),
                        thread.createdBy(), thread.subject(), messages);
            });
        }

        private void planInternalThreads() {
            DemoRandom random = random("internal-threads");
            for (int i = 0; i < scale.internalThreads(); i++) {
                WorkOrder about = random.chance(0.6) ? random.pick(workOrders) : null;
                int company = about != null ? about.company() : pickCompany(random);
                List<Staff> people = staff.get(company);
                Staff creator = deskPerson(random, company);
                int count = random.between(1, 6);
                Instant at = daysBefore(random, 0, 30);
                if (about != null) {
                    at = max(at, about.createdAt());
                }
                at = min(at, anchor.minusSeconds(60L * count));
                List<Message> messages = new ArrayList<>();
                for (int m = 0; m < count; m++) {
                    UUID author = m == 0 ? creator.id() : random.pick(people).id();
                    messages.add(new Message(random.uuid(), null, author, random.pick(DemoWords.INTERNAL_MESSAGES),
                            null, at));
                    at = min(at.plusSeconds(random.between(120, 36_000)), anchor.minusSeconds(60L * (count - m - 1)));
                }
                String subject = about != null && random.chance(0.5)
                        ? about.job().title() + " at " + about.address().street()
                        : random.pick(DemoWords.INTERNAL_SUBJECTS);
                internalThreads.add(new Conversation(random.uuid(), company, about, null, creator.id(), subject, messages));
            }
        }

        // ---- invoices -----------------------------------------------------------------------

        private void planInvoices() {
            DemoRandom random = random("invoices");
            List<WorkOrder> completed = new ArrayList<>();
            List<WorkOrder> otherJobs = new ArrayList<>();
            for (WorkOrder workOrder : workOrders) {
                if ("completed".equals(workOrder.status())) {
                    completed.add(workOrder);
                } else if (workOrder.stage().equals("job") && !"canceled".equals(workOrder.status())) {
                    otherJobs.add(workOrder);
                }
            }
            random.shuffle(completed);
            random.shuffle(otherJobs);
            List<WorkOrder> billed = new ArrayList<>(completed);
            billed.addAll(otherJobs);
            for (WorkOrder workOrder : billed.subList(0, Math.min(scale.invoices(), billed.size()))) {
                invoices.add(invoice(random, workOrder));
            }
            invoices.sort(Comparator.comparing(Invoice::createdAt).thenComparing(Invoice::id));
        }

        private Invoice invoice(DemoRandom random, WorkOrder workOrder) {
            Company spec = DemoRoster.COMPANIES.get(workOrder.company());
            boolean done = "completed".equals(workOrder.status());
            String status = done ? random.weighted(List.of("draft", "void", "issued"), 8, 4, 88)
                    : random.weighted(List.of("draft", "issued"), 50, 50);
            Instant createdAt = done ? min(workOrder.end().plusSeconds(random.between(600, 3 * 86_400)), anchor)
                    : max(anchor.minusSeconds(random.between(600, 5 * 86_400)), workOrder.createdAt());
            LocalDate issueDate = status.equals("draft") ? null : createdAt.atZone(zone).toLocalDate();
            LocalDate dueDate = issueDate == null ? null : issueDate.plusDays(spec.paymentTermsDays());
            boolean discounted = status.equals("issued") && random.chance(0.1);

            List<Item> items = new ArrayList<>();
            List<String> catalogue = DemoWords.INVOICE_ITEMS.get(workOrder.trade());
            items.add(new Item(random.uuid(), "Labor (per hour)",
                    BigDecimal.valueOf(random.between(2, 12)).divide(BigDecimal.valueOf(2), 3, RoundingMode.UNNECESSARY),
                    random.dollars(95, 135)));
            int extra = random.between(0, 4);
            for (int i = 0; i < extra; i++) {
                String description = random.pick(catalogue);
                items.add(new Item(random.uuid(), description, BigDecimal.valueOf(random.between(1, 3)).setScale(3),
                        random.dollars(15, 450)));
            }

            // The database computes the same total; payments must fit within it.
            BigDecimal subtotal = items.stream().map(Item::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal discount = discounted
                    ? subtotal.multiply(LOYALTY_DISCOUNT_RATE).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
            BigDecimal tax = subtotal.subtract(discount).multiply(new BigDecimal(spec.taxRate()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            BigDecimal total = subtotal.subtract(discount).add(tax);

            List<Payment> payments = new ArrayList<>();
            if (status.equals("issued")) {
                String outcome = random.weighted(List.of("paid", "paid_in_two", "partial", "unpaid"), 48, 12, 15, 25);
                switch (outcome) {
                    case "paid" -> payments.add(payment(random, workOrder.company(), total, createdAt, spec));
                    case "paid_in_two", "partial" -> {
                        BigDecimal first = total.multiply(BigDecimal.valueOf(random.between(20, 80)))
                                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                        if (first.signum() > 0 && first.compareTo(total) < 0) {
                            Payment deposit = payment(random, workOrder.company(), first, createdAt, spec);
                            payments.add(deposit);
                            if (outcome.equals("paid_in_two")) {
                                payments.add(payment(random, workOrder.company(), total.subtract(first),
                                        deposit.paidAt(), spec));
                            }
                        }
                    }
                    default -> {
                        // unpaid: recent or overdue, by its due date
                    }
                }
            }
            return new Invoice(random.uuid(), workOrder.company(), workOrder, status, issueDate, dueDate, spec.taxRate(),
                    discounted ? LOYALTY_DISCOUNT_NOTE : null, items, payments, createdAt);
        }

        private Payment payment(DemoRandom random, int company, BigDecimal amount, Instant after, Company spec) {
            String method = random.weighted(List.of("card", "check", "bank_transfer", "cash"), 45, 30, 15, 10);
            String reference = switch (method) {
                case "check" -> "Check #" + random.between(1001, 9999);
                case "card" -> "Card ending " + random.between(1000, 9999);
                case "bank_transfer" -> "ACH " + random.between(100_000, 999_999);
                default -> null;
            };
            Instant paidAt = min(after.plusSeconds(random.between(60, spec.paymentTermsDays() * 86_400L)), anchor);
            return new Payment(random.uuid(), amount, method, paidAt, reference, deskPerson(random, company).id());
        }

        // ---- output -------------------------------------------------------------------------

        /** How many rows {@link #emit} writes: a dry run that only counts (cheap beside writing them). */
        long rowCount() {
            DemoSink.Counting counter = new DemoSink.Counting();
            emit(counter);
            return counter.rowsWritten();
        }

        void emit(DemoSink sink) {
            emitCompaniesAndPeople(sink);
            for (Customer customer : customers) {
                sink.insert(DemoTable.CUSTOMERS, s(customer.id()), s(companyIds.get(customer.company())),
                        customer.fullName(), customer.email(), customer.phone(), customer.notes(), s(customer.createdAt()));
            }
            for (Customer customer : customers) {
                for (Address address : customer.addresses()) {
                    sink.insert(DemoTable.CUSTOMER_ADDRESSES, s(address.id()), s(companyIds.get(customer.company())),
                            s(customer.id()), address.label(), address.street(), address.city(), "OR",
                            address.postalCode(), address.accessNotes(), s(address.createdAt()));
                }
            }
            for (PortalAccount account : portalAccounts) {
                sink.insert(DemoTable.AUTH_USERS, "00000000-0000-0000-0000-000000000000", s(account.userId()),
                        "authenticated", "authenticated", account.email(), DEMO_PASSWORD, s(account.customer().createdAt()),
                        "{\"provider\":\"email\",\"providers\":[\"email\"]}",
                        "{\"full_name\":\"" + account.customer().fullName() + "\"}", s(account.customer().createdAt()),
                        s(account.customer().createdAt()));
                sink.insert(DemoTable.CUSTOMER_PORTAL_ACCOUNTS, s(account.id()), s(account.userId()),
                        s(companyIds.get(account.company())), s(account.customer().id()),
                        s(account.customer().createdAt()));
            }
            for (Lead lead : leads) {
                sink.insert(DemoTable.SERVICE_REQUESTS, s(lead.id()),
                        lead.company() == null ? null : s(companyIds.get(lead.company())), lead.status(), lead.source(),
                        lead.trade(), lead.description(), String.valueOf(lead.emergency()), lead.area().postalCode(),
                        lead.area().city(), s(lead.preferredStart()), s(lead.preferredEnd()), s(lead.postedAt()),
                        lead.customerName(), lead.customerPhone(), lead.customerEmail(), lead.street(),
                        s(lead.claimedAt()), s(lead.claimedBy()), lead.customer() == null ? null : s(lead.customer().id()),
                        s(lead.postedAt()));
            }
            for (Decline decline : declines) {
                sink.insert(DemoTable.SERVICE_REQUEST_DECLINES, s(decline.id()), s(companyIds.get(decline.company())),
                        s(decline.leadId()), s(decline.declinedBy()), decline.reason(), decline.note(),
                        s(decline.createdAt()));
            }
            for (WorkOrder w : workOrders) {
                sink.insert(DemoTable.WORK_ORDERS, s(w.id()), s(companyIds.get(w.company())), w.stage(),
                        w.job().title(), w.description(), w.total().toPlainString(), w.quoteStatus(), w.status(),
                        s(w.customer().id()), s(w.address().id()), s(w.serviceRequestId()), s(w.start()), s(w.end()),
                        s(w.technicianId()), w.priority(), s(w.createdAt()));
            }
            // A claim links the request to its job after creating the job (the two refer to each other).
            sink.execute("""
                    update public.service_requests sr set work_order_id = w.id
                      from public.work_orders w
                     where w.service_request_id = sr.id and sr.work_order_id is null""");
            emitThreads(sink);
            emitInvoices(sink);
            sink.execute(HOSTED_AUTH_COMPLETION);
            sink.finish();
        }

        private void emitCompaniesAndPeople(DemoSink sink) {
            Instant founded = anchor.minus(Duration.ofDays(1_000));
            for (int c = 0; c < DemoRoster.COMPANIES.size(); c++) {
                Company company = DemoRoster.COMPANIES.get(c);
                sink.insert(DemoTable.COMPANIES, s(companyIds.get(c)), company.name(), "office@" + company.domain(),
                        company.phone(), TIME_ZONE, textArray(company.trades()), textArray(company.postalCodes()), "true",
                        company.name() + " LLC", random("address-" + c).between(100, 9_999) + " SE Industrial Way, Portland, OR",
                        company.accentColor(), "Thank you for choosing " + company.name() + ". Licensed, bonded and insured.",
                        String.valueOf(company.paymentTermsDays()), company.invoicePrefix(), s(founded));
            }
            for (List<Staff> people : staff) {
                for (Staff person : people) {
                    sink.insert(DemoTable.AUTH_USERS, "00000000-0000-0000-0000-000000000000", s(person.id()),
                            "authenticated", "authenticated", person.email(), DEMO_PASSWORD, s(founded),
                            "{\"provider\":\"email\",\"providers\":[\"email\"]}",
                            "{\"full_name\":\"" + person.person().fullName() + "\"}", s(founded), s(founded));
                }
            }
            DemoRandom phones = random("staff-phones");
            for (List<Staff> people : staff) {
                for (Staff person : people) {
                    sink.insert(DemoTable.PROFILES, s(person.id()), s(companyIds.get(person.company())),
                            person.person().role(), person.person().fullName(), person.email(), phone(phones),
                            person.person().color(), s(founded));
                }
            }
        }

        private void emitThreads(DemoSink sink) {
            for (Conversation thread : customerThreads) {
                sink.insert(DemoTable.CUSTOMER_THREADS, s(thread.id()), s(companyIds.get(thread.company())),
                        s(thread.workOrder().id()), s(thread.customerId()), thread.subject(), s(thread.lastMessageAt()),
                        s(thread.createdAt()));
            }
            for (Conversation thread : customerThreads) {
                for (Message message : thread.messages()) {
                    sink.insert(DemoTable.CUSTOMER_MESSAGES, s(message.id()), s(companyIds.get(thread.company())),
                            s(thread.id()), message.senderKind(), s(message.senderId()), message.body(),
                            s(message.readAt()), s(message.createdAt()));
                }
            }
            for (Conversation thread : internalThreads) {
                sink.insert(DemoTable.INTERNAL_THREADS, s(thread.id()), s(companyIds.get(thread.company())),
                        thread.workOrder() == null ? null : s(thread.workOrder().id()), thread.subject(),
                        s(thread.createdBy()), s(thread.lastMessageAt()), s(thread.createdAt()));
            }
            for (Conversation thread : internalThreads) {
                for (Message message : thread.messages()) {
                    sink.insert(DemoTable.INTERNAL_MESSAGES, s(message.id()), s(companyIds.get(thread.company())),
                            s(thread.id()), s(message.senderId()), message.body(), s(message.createdAt()));
                }
            }
        }

        private void emitInvoices(DemoSink sink) {
            for (Invoice invoice : invoices) {
                sink.insert(DemoTable.INVOICES, s(invoice.id()), s(companyIds.get(invoice.company())),
                        s(invoice.workOrder().id()), s(invoice.workOrder().customer().id()), invoice.status(),
                        invoice.issueDate() == null ? null : invoice.issueDate().toString(),
                        invoice.dueDate() == null ? null : invoice.dueDate().toString(), "USD", invoice.taxRate(),
                        invoice.notes(), s(invoice.createdAt()));
            }
            for (Invoice invoice : invoices) {
                int position = 1;
                for (Item item : invoice.items()) {
                    sink.insert(DemoTable.INVOICE_ITEMS, s(item.id()), s(companyIds.get(invoice.company())),
                            s(invoice.id()), String.valueOf(position++), item.description(),
                            item.quantity().toPlainString(), item.unitPrice().toPlainString(), s(invoice.createdAt()));
                }
            }
            // The discount cannot exceed the subtotal, which only exists once the items are in.
            sink.execute("update public.invoices set discount = round(subtotal * " + LOYALTY_DISCOUNT_RATE.toPlainString()
                    + ", 2) where notes = '" + LOYALTY_DISCOUNT_NOTE + "'");
            for (Invoice invoice : invoices) {
                for (Payment payment : invoice.payments()) {
                    sink.insert(DemoTable.PAYMENTS, s(payment.id()), s(companyIds.get(invoice.company())),
                            s(invoice.id()), payment.amount().toPlainString(), payment.method(), s(payment.paidAt()),
                            payment.reference(), s(payment.recordedBy()), s(payment.paidAt()));
                }
            }
        }

        private static String s(Object value) {
            return value == null ? null : value.toString();
        }

        private static String textArray(List<String> values) {
            return "{" + String.join(",", values) + "}";
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * Hosted Supabase's Auth (GoTrue) needs more than the columns both platforms share: token
     * columns that are empty strings rather than null, and an email identity per user. The local
     * platform has neither column nor table, so this only acts where they exist.
     */
    static final String HOSTED_AUTH_COMPLETION = """
            do $$
            begin
              if exists (select 1 from information_schema.columns
                          where table_schema = 'auth' and table_name = 'users' and column_name = 'confirmation_token') then
                execute $u$update auth.users set confirmation_token = coalesce(confirmation_token, ''),
                  recovery_token = coalesce(recovery_token, ''), email_change_token_new = coalesce(email_change_token_new, ''),
                  email_change = coalesce(email_change, '') where email like '%.demo'$u$;
              end if;
              if to_regclass('auth.identities') is not null then
                execute $i$insert into auth.identities (id, user_id, provider_id, identity_data, provider, created_at, updated_at)
                  select u.id, u.id, u.id::text, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
                         'email', u.created_at, u.created_at
                    from auth.users u where u.email like '%.demo'
                  on conflict do nothing$i$;
              end if;
            end
            $$""";
}
