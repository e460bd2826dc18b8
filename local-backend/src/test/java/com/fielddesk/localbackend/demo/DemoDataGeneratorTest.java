package com.fielddesk.localbackend.demo;

import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTest {

    private static final DemoScale SMALL = new DemoScale(120, 30, 10, 40, 50, 30, 10);

    private static TestPostgres postgres;
    private static DataSource standard;
    private static DemoSummary summary;

    @BeforeAll
    static void loadStandardDataset() {
        postgres = TestPostgres.shared();
        standard = postgres.postgresRole(postgres.newDatabase());   // as Supabase loads a seed
        summary = DemoDataGenerator.standardSeedFile().writeTo(standard);
    }

    @Test
    void standardCountsAreInTheExpectedRanges() {
        Map<String, Long> counts = summary.rowCounts();
        assertThat(counts.get("public.companies")).isEqualTo(3);
        assertThat(counts.get("auth.users")).isEqualTo(25 + 3 * DemoDataGenerator.PORTAL_ACCOUNTS_PER_COMPANY);
        assertThat(counts.get("public.profiles")).isEqualTo(25);
        assertThat(counts.get("public.customers")).isBetween(600L, 700L);
        assertThat(counts.get("public.customer_addresses")).isBetween(650L, 850L);
        assertThat(counts.get("public.service_requests")).isBetween(400L, 450L);
        assertThat(counts.get("public.work_orders")).isEqualTo(3_000);
        assertThat(counts.get("public.customer_threads")).isEqualTo(1_200);
        assertThat(counts.get("public.customer_messages")).isBetween(2_400L, 4_800L);
        assertThat(counts.get("public.internal_messages")).isBetween(600L, 1_800L);
        assertThat(counts.get("public.invoices")).isEqualTo(1_500);
        assertThat(counts.get("public.invoice_items")).isBetween(3_000L, 6_000L);
        assertThat(counts.get("public.payments")).isBetween(700L, 1_300L);
        assertThat(counts.get("public.audit_log")).isGreaterThan(10_000L);
        assertThat(summary.logins()).isEqualTo(DemoDataGenerator.demoLogins());
    }

    @Test
    void openLeadsAreAboutThreeHundredAgedFromMinutesToDays() throws SQLException {
        Map<String, Object> leads = row(standard, """
                select count(*) filter (where status = 'open') as open,
                       count(*) filter (where status = 'claimed') as claimed,
                       count(*) filter (where status = 'converted') as converted,
                       count(*) filter (where status = 'open' and emergency) as emergencies,
                       min(?::timestamptz - posted_at) filter (where status = 'open') < interval '1 hour' as young,
                       max(?::timestamptz - posted_at) filter (where status = 'open') > interval '3 days' as old,
                       count(*) filter (where status = 'open' and (customer_phone is null or street_address is null)) as no_contact
                  from public.service_requests""",
                DemoDataGenerator.DEFAULT_ANCHOR.toString(), DemoDataGenerator.DEFAULT_ANCHOR.toString());
        assertThat((Long) leads.get("open")).isEqualTo(300);
        assertThat((Long) leads.get("claimed")).isPositive();
        assertThat((Long) leads.get("converted")).isPositive();
        assertThat((Long) leads.get("emergencies")).isPositive();
        assertThat(leads.get("young")).isEqualTo(true);
        assertThat(leads.get("old")).isEqualTo(true);
        assertThat((Long) leads.get("no_contact")).isZero();
        assertThat(count(standard, "select count(*) from public.service_requests where status in ('claimed', 'converted') "
                + "and (work_order_id is null or customer_id is null)")).isZero();
    }

    @Test
    void workOrdersAndInvoicesCoverEveryStatus() throws SQLException {
        assertThat(strings(standard, "select distinct status from public.work_orders where stage = 'job' order by 1"))
                .containsExactlyInAnyOrder("unscheduled", "scheduled", "dispatched", "en_route", "on_site", "completed",
                        "canceled");
        assertThat(strings(standard, "select distinct quote_status from public.work_orders where stage = 'quote'"))
                .containsExactlyInAnyOrder("draft", "sent", "accepted", "declined", "expired");
        assertThat(strings(standard, "select distinct status from public.invoices"))
                .containsExactlyInAnyOrder("draft", "issued", "paid", "void");
        assertThat(strings(standard, "select distinct payment_status from public.invoices"))
                .containsExactlyInAnyOrder("unpaid", "partial", "paid");
        assertThat(count(standard, "select count(*) from public.invoices where discount > 0")).isPositive();
        // Numbers come from the database: gap-free per company.
        assertThat(count(standard, """
                select count(*) from (select company_id, max(number) - count(*) as gap from public.work_orders
                                       group by company_id) g where gap <> 0""")).isZero();
        assertThat(count(standard, "select count(*) from public.work_order_status_history")).isGreaterThan(6_000);
    }

    @Test
    void everyCompanyHasEveryRole() throws SQLException {
        assertThat(count(standard, """
                select count(*) from public.companies c cross join unnest(array['admin','supervisor','dispatcher','csr','technician']) r
                 where not exists (select 1 from public.profiles p where p.company_id = c.id and p.role = r)""")).isZero();
    }

    @Test
    void everyDemoLoginMatchesItsBcryptHashAndProfile() throws SQLException {
        for (DemoLogin login : DemoDataGenerator.demoLogins()) {
            assertThat(count(standard, """
                    select count(*) from auth.users u
                      join public.profiles p on p.id = u.id
                      join public.companies c on c.id = p.company_id
                     where u.email = ? and u.encrypted_password like '$2%'
                       and u.encrypted_password = extensions.crypt(?, u.encrypted_password)
                       and u.email_confirmed_at is not null and u.raw_app_meta_data ->> 'provider' = 'email'
                       and p.role = ? and c.name = ?""",
                    login.email(), login.password(), login.role(), login.companyName()))
                    .as(login.email()).isEqualTo(1);
        }
        assertThat(count(standard, "select count(*) from auth.users where encrypted_password = extensions.crypt('wrong', encrypted_password)"))
                .isZero();
    }

    @Test
    void aDemoDispatcherSeesOnlyItsCompanysWorkOrders() throws SQLException {
        DemoLogin dispatcher = login("dispatcher@bluewater.demo");
        UUID userId = UUID.fromString(strings(standard, "select id::text from auth.users where email = ?", dispatcher.email()).get(0));
        long ownInDatabase = count(standard, """
                select count(*) from public.work_orders w join public.profiles p on p.company_id = w.company_id
                 where p.id = ?::uuid""", userId.toString());
        long[] seen = AsUser.run(standard, AsUser.authenticated(userId, dispatcher.email()), connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         select count(*), count(*) filter (where company_id <> public.current_company_id()),
                                count(distinct company_id) from public.work_orders""")) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2), result.getLong(3)};
            }
        });
        assertThat(ownInDatabase).isPositive().isLessThan(3_000);
        assertThat(seen).containsExactly(ownInDatabase, 0, 1);
    }

    @Test
    void openLeadsAreContestedBetweenCompanies() throws SQLException {
        Map<String, Integer> poolsPerLead = new HashMap<>();
        for (String email : List.of("dispatcher@northwind.demo", "dispatcher@bluewater.demo", "dispatcher@brightline.demo")) {
            UUID userId = UUID.fromString(strings(standard, "select id::text from auth.users where email = ?", email).get(0));
            List<String> pool = AsUser.run(standard, AsUser.authenticated(userId, email), connection ->
                    strings(connection, "select id::text from public.lead_pool where deleted_at is null"));
            assertThat(pool).as(email + "'s pool").isNotEmpty();
            pool.forEach(id -> poolsPerLead.merge(id, 1, Integer::sum));
        }
        long contested = poolsPerLead.values().stream().filter(n -> n >= 2).count();
        assertThat(contested).isGreaterThan(20);
        // Every open, undeclined lead is in someone's pool.
        assertThat(poolsPerLead.size()).isGreaterThanOrEqualTo(280);
    }

    @Test
    void theAuditChainOfEveryCompanyVerifies() throws SQLException {
        for (String company : strings(standard, "select id::text from public.companies")) {
            assertThat(strings(standard, "select (public.verify_audit_chain(?::uuid) ->> 'ok')", company))
                    .containsExactly("true");
        }
    }

    @Test
    void theCommittedSeedFileIsTheGeneratorsOutput() throws IOException {
        Path seedFile = DemoSeedFile.defaultTarget();
        assertThat(seedFile).exists();
        assertThat(Files.size(seedFile)).isLessThan(8_000_000);
        assertThat(Files.readString(seedFile, StandardCharsets.UTF_8))
                .as("supabase/seed.sql is stale: regenerate it with DemoSeedFile")
                .isEqualTo(DemoDataGenerator.standardSeedFile().toSqlScript());
    }

    @Test
    void theSqlScriptLoadsExactlyTheRowsTheJdbcLoadWrites() throws SQLException {
        // The same code renders seed.sql at standard scale; a small scale keeps the test quick.
        DemoDataGenerator generator = new DemoDataGenerator(11, Instant.parse("2026-06-01T12:00:00Z"), SMALL);
        DataSource fromScript = postgres.postgresRole(postgres.newDatabase());
        try (Connection connection = fromScript.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(generator.toSqlScript());
        }
        assertThat(DemoDigest.of(fromScript)).isEqualTo(loadInto(generator));
    }

    @Test
    void sameSeedGivesSameDataAndAnotherSeedDoesNot() throws SQLException {
        DemoScale small = SMALL;
        Instant anchor = Instant.parse("2027-03-04T09:30:00Z");
        Map<String, String> first = loadInto(new DemoDataGenerator(7, anchor, small));
        Map<String, String> second = loadInto(new DemoDataGenerator(7, anchor, small));
        Map<String, String> otherSeed = loadInto(new DemoDataGenerator(8, anchor, small));
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.get("public.work_orders")).isNotEqualTo(first.get("public.work_orders"));
        assertThat(otherSeed.get("public.customers")).isNotEqualTo(first.get("public.customers"));
    }

    @Test
    void aSecondLoadIsRefusedAndChangesNothing() throws SQLException {
        Map<String, String> before = DemoDigest.of(standard);
        assertThatThrownBy(() -> new DemoDataGenerator(1, Instant.now(), DemoScale.ofWorkOrders(10)).writeTo(standard))
                .isInstanceOf(DemoLoadException.class)
                .hasMessageContaining("already has companies");
        assertThat(DemoDigest.of(standard)).isEqualTo(before);
    }

    @Test
    void impossibleScalesAreRefusedWithAReason() {
        assertThatThrownBy(() -> new DemoScale(0, 1, 0, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one work order");
        assertThatThrownBy(() -> new DemoScale(10, 1, 11, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closed leads");
        assertThat(DemoScale.ofWorkOrders(100_000).openLeads()).isEqualTo(50_000);
    }

    private static Map<String, String> loadInto(DemoDataGenerator generator) throws SQLException {
        DataSource database = postgres.postgresRole(postgres.newDatabase());
        generator.writeTo(database);
        return DemoDigest.of(database);
    }

    private static DemoLogin login(String email) {
        return DemoDataGenerator.demoLogins().stream().filter(l -> l.email().equals(email)).findFirst().orElseThrow();
    }

    private static long count(DataSource database, String sql, String... parameters) throws SQLException {
        return ((Number) row(database, sql, parameters).values().iterator().next()).longValue();
    }

    private static Map<String, Object> row(DataSource database, String sql, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                return row;
            }
        }
    }

    private static List<String> strings(DataSource database, String sql, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return strings(statement);
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return strings(statement);
        }
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
