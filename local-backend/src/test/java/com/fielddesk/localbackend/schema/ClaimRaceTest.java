package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.schema.Sql.ApiError;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimRaceTest {

    private static final int CLAIMERS = 50;
    private static final int COMPANIES = 3;

    /** What one claimer saw: the claimed ids, or the API error code. */
    private record Outcome(AppUser claimer, String result, boolean won) {
    }

    @Test
    void fiftyConcurrentClaimersFromThreeCompaniesProduceExactlyOneWinner() throws Exception {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        DataSource database = fixtures.superuser();
        List<Company> companies = new ArrayList<>();
        for (int i = 0; i < COMPANIES; i++) {
            companies.add(fixtures.company("Racer " + i, LeadPreferences.serving("plumbing", "60601")));
        }
        List<AppUser> claimers = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            claimers.add(fixtures.staff(companies.get(i % COMPANIES), i % 2 == 0 ? "csr" : "dispatcher"));
        }
        UUID lead = fixtures.openLead("plumbing", "60601");

        List<Outcome> outcomes = race(database, claimers, lead);

        List<Outcome> winners = outcomes.stream().filter(Outcome::won).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.won()).map(Outcome::result))
                .hasSize(CLAIMERS - 1).containsOnly("already_claimed");

        UUID winningCompany = winners.get(0).claimer().companyId();
        Map<String, Object> linked = Sql.rows(database, """
                        select sr.company_id, sr.status,
                               (select count(*) from public.customers) as customers,
                               (select count(*) from public.customer_addresses) as addresses,
                               (select count(*) from public.work_orders) as work_orders,
                               (select count(*) from public.work_orders w where w.id = sr.work_order_id
                                   and w.company_id = sr.company_id and w.customer_id = sr.customer_id) as linked_jobs
                          from public.service_requests sr where sr.id = ?""", lead).get(0);
        assertThat(linked).containsEntry("company_id", winningCompany).containsEntry("status", "claimed")
                .containsEntry("customers", 1L).containsEntry("addresses", 1L)
                .containsEntry("work_orders", 1L).containsEntry("linked_jobs", 1L);
        assertThat(Sql.count(database, "select count(*) from public.audit_log where action = 'claim'")).isOne();
    }

    /** Every claimer holds its own connection, ready inside its transaction, until one latch opens. */
    private static List<Outcome> race(DataSource database, List<AppUser> claimers, UUID lead) throws Exception {
        CountDownLatch ready = new CountDownLatch(claimers.size());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(claimers.size());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (AppUser claimer : claimers) {
                Callable<Outcome> claim = () -> {
                    try (Connection connection = database.getConnection()) {
                        connection.setAutoCommit(false);
                        claimer.identity().applyTo(connection);
                        ready.countDown();
                        if (!start.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("start signal never came");
                        }
                        try {
                            Object ids = Sql.value(connection, "select public.claim_service_request(?)", lead);
                            connection.commit();
                            return new Outcome(claimer, String.valueOf(ids), true);
                        } catch (SQLException e) {
                            connection.rollback();
                            return new Outcome(claimer, ApiError.of(e).code(), false);
                        }
                    }
                };
                futures.add(pool.submit(claim));
            }
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("all claimers connected").isTrue();
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
