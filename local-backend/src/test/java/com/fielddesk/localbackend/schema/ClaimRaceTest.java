package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.schema.ClaimRace.Outcome;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimRaceTest {

    private static final int CLAIMERS = 50;
    private static final int COMPANIES = 3;

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

        List<Outcome> outcomes = ClaimRace.run(fixtures.superuserUnpooled(), claimers, lead);

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
}
