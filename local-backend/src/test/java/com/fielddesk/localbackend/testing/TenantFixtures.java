package com.fielddesk.localbackend.testing;

import com.fielddesk.localbackend.db.RequestIdentity;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates tenants and people directly as the superuser (like an admin console or the demo
 * loader would), so tests can then act as those people through {@link AsUser}.
 * Every row goes through the real triggers (numbering, audit, pool mirroring).
 */
public final class TenantFixtures {

    /** A company and its lead preferences. */
    public record Company(UUID id, String name) {
    }

    /** Somebody who can sign in: staff (with a profile) or a portal customer. */
    public record AppUser(UUID id, String email, UUID companyId, String role) {
        public RequestIdentity identity() {
            return AsUser.authenticated(id, email);
        }
    }

    /** What a company serves in the lead pool. */
    public record LeadPreferences(boolean optIn, List<String> trades, List<String> postalCodes) {
        public static LeadPreferences serving(String trade, String... postalCodes) {
            return new LeadPreferences(true, List.of(trade), List.of(postalCodes));
        }

        public static LeadPreferences none() {
            return new LeadPreferences(false, List.of(), List.of());
        }
    }

    /** A company of a test's own: one staff member per role asked for, and one customer. */
    public record Crew(Company company, Map<String, AppUser> staff, UUID customer) {
        public AppUser member(String role) {
            AppUser member = staff.get(role);
            if (member == null) {
                throw new IllegalArgumentException("No " + role + " in this crew; it has " + staff.keySet());
            }
            return member;
        }
    }

    private final DataSource superuser;
    private final DataSource superuserUnpooled;

    public TenantFixtures(DataSource superuser) {
        this(superuser, superuser);
    }

    private TenantFixtures(DataSource superuser, DataSource superuserUnpooled) {
        this.superuser = superuser;
        this.superuserUnpooled = superuserUnpooled;
    }

    /**
     * Fixtures on a fresh database copied from the migrated template. Its superuser DataSource is
     * pooled: tests open thousands of short transactions, and a new backend per transaction is what
     * made them slow. Pooling is safe for {@link AsUser}: role and claims are transaction-local.
     */
    public static TenantFixtures onNewDatabase() {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.newDatabase();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.jdbcUrl(database));
        pool.setMaximumPoolSize(64);   // the claim race holds 50 connections at once
        pool.setMinimumIdle(0);        // many test databases share the server's max_connections
        pool.setIdleTimeout(10_000);
        return new TenantFixtures(new HikariDataSource(pool), postgres.superuser(database));
    }

    public DataSource superuser() {
        return superuser;
    }

    /**
     * The same database without the pool: every connection is a new backend, opened by the caller's
     * own thread. For many connections wanted at the same moment (the claim race's 50): the pool
     * opens its connections one after another, which on a loaded machine outlasted its 30 s wait.
     */
    public DataSource superuserUnpooled() {
        return superuserUnpooled;
    }

    /** A new company with one staff member per role and one customer (the usual start of a schema test). */
    public Crew crew(String companyName, String customerName, String... roles) {
        Company company = company(companyName);
        Map<String, AppUser> staff = new LinkedHashMap<>();
        for (String role : roles) {
            staff.put(role, staff(company, role));
        }
        return new Crew(company, Map.copyOf(staff), customer(company, customerName));
    }

    public Company company(String name) {
        return company(name, LeadPreferences.none());
    }

    public Company company(String name, LeadPreferences leads) {
        UUID id = insertReturningId("""
                insert into public.companies (name, lead_opt_in, trades, service_postal_codes)
                values (?, ?, ?::text[], ?::text[]) returning id
                """, name, leads.optIn(), textArray(leads.trades()), textArray(leads.postalCodes()));
        return new Company(id, name);
    }

    /** An auth user with an active profile of the given role in the company. */
    public AppUser staff(Company company, String role) {
        UUID userId = UUID.randomUUID();
        String email = role + "-" + userId + "@staff.test";
        authUser(userId, email);
        insertReturningId("""
                insert into public.profiles (id, company_id, role, full_name, email)
                values (?, ?, ?, ?, ?) returning id
                """, userId, company.id(), role, "Test " + role, email);
        return new AppUser(userId, email, company.id(), role);
    }

    /** An auth user who is a portal customer of the given customer, with no staff profile. */
    public AppUser portalCustomer(Company company, UUID customerId) {
        UUID userId = UUID.randomUUID();
        String email = "customer-" + userId + "@portal.test";
        authUser(userId, email);
        insertReturningId("""
                insert into public.customer_portal_accounts (user_id, company_id, customer_id)
                values (?, ?, ?) returning id
                """, userId, company.id(), customerId);
        return new AppUser(userId, email, company.id(), "customer");
    }

    public UUID customer(Company company, String fullName) {
        return insertReturningId("insert into public.customers (company_id, full_name) values (?, ?) returning id",
                company.id(), fullName);
    }

    public UUID address(Company company, UUID customerId, String street, String postalCode) {
        return insertReturningId("""
                insert into public.customer_addresses (company_id, customer_id, street, postal_code)
                values (?, ?, ?, ?) returning id
                """, company.id(), customerId, street, postalCode);
    }

    /** An unscheduled job for a new customer of the company. */
    public UUID job(Company company) {
        UUID customerId = customer(company, "Job Customer");
        return insertReturningId("""
                insert into public.work_orders (company_id, stage, title, customer_id)
                values (?, 'job', 'Fix the furnace', ?) returning id
                """, company.id(), customerId);
    }

    /** An open service request (lead) from a customer, unclaimed. */
    public UUID openLead(String trade, String postalCode) {
        return insertReturningId("""
                insert into public.service_requests (trade, description, postal_code, city, customer_name,
                                                     customer_phone, customer_email, street_address)
                values (?, 'No heat since last night', ?, 'Springfield', 'Pat Secret', '+1 555 0100',
                        'pat.secret@example.com', '742 Evergreen Terrace') returning id
                """, trade, postalCode);
    }

    /** Runs one statement as the superuser and returns the id it produced. */
    public UUID insertReturningId(String sql, Object... parameters) {
        try (Connection connection = superuser.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void authUser(UUID id, String email) {
        insertReturningId("insert into auth.users (id, email) values (?, ?) returning id", id, email);
    }

    private static String textArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b)
                .map(joined -> "{" + joined + "}").orElse("{}");
    }
}
