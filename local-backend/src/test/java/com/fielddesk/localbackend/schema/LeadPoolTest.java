package com.fielddesk.localbackend.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.schema.Sql.ApiError;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LeadPoolTest {

    private static final List<String> CONTACT_VALUES =
            List.of("Pat Secret", "+1 555 0100", "pat.secret@example.com", "742 Evergreen Terrace");

    /** Each test's companies serve postal codes of their own, so tests can share one database. */
    private static final AtomicInteger POSTAL_CODES = new AtomicInteger(10_000);

    private static DataSource database;
    private static TenantFixtures fixtures;
    private String postalCode;
    private AppUser servingHvac;
    private AppUser alsoServingHvac;
    private AppUser notOptedIn;
    private AppUser plumbingOnly;
    private AppUser otherArea;
    private UUID lead;

    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    @BeforeEach
    void createCompaniesAroundOneHvacLead() {
        postalCode = String.valueOf(POSTAL_CODES.incrementAndGet());
        String alsoServed = String.valueOf(POSTAL_CODES.incrementAndGet());
        servingHvac = fixtures.staff(fixtures.company("Cool Air", LeadPreferences.serving("hvac", postalCode, alsoServed)), "csr");
        alsoServingHvac = fixtures.staff(fixtures.company("Warm Home", LeadPreferences.serving("hvac", postalCode)), "dispatcher");
        notOptedIn = fixtures.staff(fixtures.company("Quiet Co",
                new LeadPreferences(false, List.of("hvac"), List.of(postalCode))), "admin");
        plumbingOnly = fixtures.staff(fixtures.company("Pipes", LeadPreferences.serving("plumbing", postalCode)), "csr");
        otherArea = fixtures.staff(fixtures.company("Far Away", LeadPreferences.serving("hvac", "99999")), "csr");
        lead = fixtures.openLead("hvac", postalCode);
    }

    @Test
    void openLeadIsVisibleOnlyToOptedInCompaniesServingItsTradeAndPostalCode() throws SQLException {
        assertThat(poolIds(servingHvac)).containsExactly(lead);
        assertThat(poolIds(alsoServingHvac)).containsExactly(lead);
        assertThat(poolIds(notOptedIn)).isEmpty();
        assertThat(poolIds(plumbingOnly)).isEmpty();
        assertThat(poolIds(otherArea)).isEmpty();
    }

    @Test
    void poolRowsNeverCarryContactFieldsAndTheRequestItselfStaysHidden() throws SQLException {
        String poolRow = AsUser.run(database, servingHvac.identity(),
                c -> Sql.value(c, "select to_jsonb(p)::text from public.lead_pool p where id = ?", lead));
        assertThat(poolRow).contains("No heat since last night", postalCode);
        CONTACT_VALUES.forEach(contact -> assertThat(poolRow).doesNotContain(contact));
        assertThat(Sql.count(database, """
                select count(*) from information_schema.columns where table_schema = 'public' and table_name = 'lead_pool'
                   and column_name in ('customer_name', 'customer_phone', 'customer_email', 'street_address')
                """)).isZero();
        assertThat(countAs(servingHvac, "select count(*) from public.service_requests")).isZero();
    }

    @Test
    void declinedLeadLeavesOnlyTheDecliningCompanysPool() throws SQLException {
        JsonNode result = call(servingHvac, "select public.decline_service_request(?, 'fully_booked', 'Busy week')", lead);

        assertThat(result.path("service_request_id").asText()).isEqualTo(lead.toString());
        assertThat(poolIds(servingHvac)).isEmpty();
        assertThat(poolIds(alsoServingHvac)).containsExactly(lead);
        List<Map<String, Object>> declines = AsUser.run(database, servingHvac.identity(),
                c -> Sql.rows(c, "select service_request_id, reason, note from public.service_request_declines"));
        assertThat(declines).containsExactly(Map.of("service_request_id", lead, "reason", "fully_booked", "note", "Busy week"));
        assertThat(countAs(alsoServingHvac, "select count(*) from public.service_request_declines")).isZero();
    }

    @Test
    void declineWithAReasonOutsideTheListIsRefused() {
        ApiError error = apiError(servingHvac, "select public.decline_service_request(?, 'because', null)", lead);

        assertThat(error.code()).isEqualTo("invalid_decline_reason");
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void claimerGetsContactFieldsAndEveryOtherCompanySeesATombstone() throws SQLException {
        call(servingHvac, "select public.claim_service_request(?)", lead);

        Map<String, Object> request = AsUser.run(database, servingHvac.identity(), c -> Sql.rows(c, """
                select status, customer_name, customer_phone, customer_email, street_address
                  from public.service_requests where id = ?""", lead)).get(0);
        assertThat(request).containsEntry("status", "claimed").containsEntry("customer_name", "Pat Secret")
                .containsEntry("customer_phone", "+1 555 0100").containsEntry("street_address", "742 Evergreen Terrace");

        Map<String, Object> tombstone = AsUser.run(database, alsoServingHvac.identity(), c -> Sql.rows(c,
                "select status, description, deleted_at is not null as gone from public.lead_pool where id = ?", lead)).get(0);
        assertThat(tombstone).containsEntry("status", "claimed").containsEntry("description", "").containsEntry("gone", true);
        assertThat(countAs(alsoServingHvac, "select count(*) from public.service_requests")).isZero();
    }

    @Test
    void claimCreatesCustomerAddressAndUnscheduledJobLinkedToTheRequest() throws SQLException {
        JsonNode ids = call(servingHvac, "select public.claim_service_request(?)", lead);

        UUID workOrderId = UUID.fromString(ids.path("work_order_id").asText());
        Map<String, Object> job = AsUser.run(database, servingHvac.identity(), c -> Sql.rows(c, """
                select w.stage, w.status, w.service_request_id, c.full_name, a.street, a.postal_code
                  from public.work_orders w join public.customers c on c.id = w.customer_id
                  join public.customer_addresses a on a.id = w.customer_address_id
                 where w.id = ?""", workOrderId)).get(0);
        assertThat(job).containsEntry("stage", "job").containsEntry("status", "unscheduled")
                .containsEntry("service_request_id", lead).containsEntry("full_name", "Pat Secret")
                .containsEntry("street", "742 Evergreen Terrace").containsEntry("postal_code", postalCode);
        Map<String, Object> request = AsUser.run(database, servingHvac.identity(), c -> Sql.rows(c,
                "select work_order_id, customer_id, claimed_by from public.service_requests where id = ?", lead)).get(0);
        assertThat(request).containsEntry("work_order_id", workOrderId)
                .containsEntry("customer_id", UUID.fromString(ids.path("customer_id").asText()))
                .containsEntry("claimed_by", servingHvac.id());
    }

    @Test
    void secondClaimerGetsAlreadyClaimed() throws SQLException {
        call(servingHvac, "select public.claim_service_request(?)", lead);

        ApiError error = apiError(alsoServingHvac, "select public.claim_service_request(?)", lead);

        assertThat(error.code()).isEqualTo("already_claimed");
        assertThat(error.httpStatus()).isEqualTo(409);
        assertThat(error.message()).isEqualTo("This lead was already claimed by another company.");
        assertThat(countAs(alsoServingHvac, "select count(*) from public.customers")).isZero();
    }

    /**
     * A claimer waiting for the outcome of an earlier, still open claim holds no lock of its own
     * company (a colleague's write goes through at once), and when that earlier claim rolls back,
     * the waiting claimer wins.
     */
    @Test
    void aWaitingClaimerBlocksNobodyAndWinsWhenTheFirstClaimRollsBack() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch rollBackFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> AsUser.run(database, servingHvac.identity(), c -> {
                Sql.value(c, "select public.claim_service_request(?)", lead);
                firstClaimed.countDown();
                try {
                    rollBackFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new SQLException("rolled back on purpose");
            }));
            assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
            Future<JsonNode> second = threads.submit(() -> call(alsoServingHvac, "select public.claim_service_request(?)", lead));
            awaitABackendWaitingForALock();

            // The waiting claimer's company writes on: no chain lock is held by its claim.
            long customersAdded = AsUser.run(database, alsoServingHvac.identity(), c -> {
                Sql.update(c, "set local lock_timeout = '5s'");
                return (long) Sql.update(c, "insert into public.customers (company_id, full_name) values (?, 'Walk-in')",
                        alsoServingHvac.companyId());
            });
            assertThat(customersAdded).isOne();
            assertThat(second).isNotDone();

            rollBackFirst.countDown();
            assertThat(catchThrowable(() -> first.get(30, TimeUnit.SECONDS))).hasRootCauseMessage("rolled back on purpose");
            JsonNode won = second.get(30, TimeUnit.SECONDS);
            assertThat(won.path("work_order_id").asText()).isNotBlank();
            assertThat(Sql.<Object>value(database, "select company_id from public.service_requests where id = ?", lead))
                    .isEqualTo(alsoServingHvac.companyId());
        } finally {
            rollBackFirst.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitABackendWaitingForALock() throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            if (Sql.count(database, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no claimer started waiting for the first claim within 30 s");
    }

    @Test
    void claimRetriedByTheWinnerReturnsTheSameIds() throws SQLException {
        JsonNode first = call(servingHvac, "select public.claim_service_request(?)", lead);
        JsonNode retry = call(servingHvac, "select public.claim_service_request(?)", lead);

        assertThat(retry).isEqualTo(first);
        assertThat(countAs(servingHvac, "select count(*) from public.work_orders")).isOne();
    }

    @Test
    void ineligibleCompaniesGetNotEligible() {
        for (AppUser outsider : List.of(notOptedIn, plumbingOnly, otherArea)) {
            ApiError error = apiError(outsider, "select public.claim_service_request(?)", lead);
            assertThat(error.code()).as(outsider.role()).isEqualTo("not_eligible");
            assertThat(error.httpStatus()).isEqualTo(403);
        }
    }

    @Test
    void companyThatDeclinedCannotClaim() throws SQLException {
        call(servingHvac, "select public.decline_service_request(?, 'too_far', null)", lead);

        assertThat(apiError(servingHvac, "select public.claim_service_request(?)", lead).code()).isEqualTo("not_eligible");
    }

    @Test
    void techniciansCannotClaim() {
        AppUser technician = fixtures.staff(new Company(servingHvac.companyId(), "Cool Air"), "technician");

        assertThat(apiError(technician, "select public.claim_service_request(?)", lead).code()).isEqualTo("not_eligible");
    }

    @Test
    void unknownOrExpiredLeadGetsLeadNotFound() throws SQLException {
        ApiError unknown = apiError(servingHvac, "select public.claim_service_request(?)", UUID.randomUUID());
        Sql.update(database, "update public.service_requests set status = 'expired' where id = ?", lead);
        ApiError expired = apiError(servingHvac, "select public.claim_service_request(?)", lead);

        assertThat(unknown.code()).isEqualTo("lead_not_found");
        assertThat(unknown.httpStatus()).isEqualTo(404);
        assertThat(expired.code()).isEqualTo("lead_not_found");
        assertThat(poolIds(servingHvac)).containsExactly(lead);
        assertThat(countAs(servingHvac, "select count(*) from public.lead_pool where deleted_at is null")).isZero();
    }

    @Test
    void nobodyWritesThePoolDirectly() {
        SQLException refused = catchThrowableOfType(SQLException.class, () -> AsUser.run(database, servingHvac.identity(),
                c -> Sql.update(c, "update public.lead_pool set description = 'x' where id = ?", lead)));

        assertThat(refused.getSQLState()).isEqualTo("42501");
    }

    private List<UUID> poolIds(AppUser user) throws SQLException {
        return AsUser.run(database, user.identity(), c -> Sql.rows(c, "select id from public.lead_pool order by id"))
                .stream().map(row -> (UUID) row.get("id")).toList();
    }

    private long countAs(AppUser user, String sql) throws SQLException {
        return AsUser.run(database, user.identity(), c -> Sql.count(c, sql));
    }

    private JsonNode call(AppUser user, String sql, Object... parameters) throws SQLException {
        return Sql.json(AsUser.run(database, user.identity(), c -> Sql.value(c, sql, parameters)));
    }

    private ApiError apiError(AppUser user, String sql, Object... parameters) {
        SQLException failure = catchThrowableOfType(SQLException.class, () -> call(user, sql, parameters));
        assertThat((Throwable) failure).as("expected the call to fail").isNotNull();
        return ApiError.of(failure);
    }
}
