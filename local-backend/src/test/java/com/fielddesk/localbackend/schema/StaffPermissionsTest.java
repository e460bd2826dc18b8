package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Inside one company: who may change settings, roles and records. */
class StaffPermissionsTest {

    private static DataSource database;
    private static TenantFixtures fixtures;
    private Company company;
    private AppUser admin;
    private AppUser csr;

    @BeforeAll
    static void createDatabase() {
        fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
    }

    @BeforeEach
    void createCompany() {
        company = fixtures.company("Inside Job Ltd");
        admin = fixtures.staff(company, "admin");
        csr = fixtures.staff(company, "csr");
    }

    @Test
    void onlyAnAdminChangesCompanySettings() throws SQLException {
        int byCsr = AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.companies set lead_opt_in = true where id = ?", company.id()));
        int byAdmin = AsUser.run(database, admin.identity(), c -> Sql.update(c,
                "update public.companies set lead_opt_in = true, invoice_footer = 'Thank you!' where id = ?", company.id()));

        assertThat(byCsr).isZero();
        assertThat(byAdmin).isOne();
    }

    @Test
    void staffEditTheirOwnProfileButNotTheirRole() throws SQLException {
        int ownName = AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.profiles set full_name = 'Casey Renamed' where id = ?", csr.id()));
        SQLException promotion = Refusals.of(() -> AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.profiles set role = 'admin' where id = ?", csr.id())));
        int someoneElse = AsUser.run(database, csr.identity(), c -> Sql.update(c,
                "update public.profiles set full_name = 'Hijacked' where id = ?", admin.id()));

        assertThat(ownName).isOne();
        assertThat(promotion.getMessage()).contains("Only an admin can change a person's role or active flag.");
        assertThat(someoneElse).isZero();
    }

    @Test
    void deactivatedStaffSeeNothing() throws SQLException {
        fixtures.customer(company, "Visible Customer");
        assertThat(AsUser.<Long>run(database, csr.identity(), c -> Sql.count(c, "select count(*) from public.customers"))).isOne();

        AsUser.run(database, admin.identity(), c -> Sql.update(c,
                "update public.profiles set active = false where id = ?", csr.id()));

        assertThat(AsUser.<Long>run(database, csr.identity(), c -> Sql.count(c, "select count(*) from public.customers"))).isZero();
        assertThat(AsUser.<Long>run(database, csr.identity(), c -> Sql.count(c, "select count(*) from public.profiles"))).isZero();
    }

    @Test
    void noRoleHardDeletesACustomerAndOnlyManagersTombstoneOne() throws SQLException {
        java.util.UUID customer = fixtures.customer(company, "Deletable");

        SQLException deleteByCsr = Refusals.of(() -> AsUser.run(database, csr.identity(),
                c -> Sql.update(c, "delete from public.customers where id = ?", customer)));
        SQLException deleteByAdmin = Refusals.of(() -> AsUser.run(database, admin.identity(),
                c -> Sql.update(c, "delete from public.customers where id = ?", customer)));
        SQLException tombstoneByCsr = Refusals.of(() -> AsUser.run(database, csr.identity(),
                c -> Sql.update(c, "update public.customers set deleted_at = now() where id = ?", customer)));
        int tombstoneByAdmin = AsUser.run(database, admin.identity(), c -> Sql.update(c,
                "update public.customers set deleted_at = now() where id = ?", customer));

        assertThat(deleteByCsr.getSQLState()).isEqualTo("42501");
        assertThat(deleteByAdmin.getSQLState()).isEqualTo("42501");
        assertThat(tombstoneByCsr.getSQLState()).isEqualTo("42501");
        assertThat(tombstoneByCsr.getMessage()).contains("You are not allowed to delete this customers row.");
        assertThat(tombstoneByAdmin).isOne();
    }

    @Test
    void rowsCannotMoveToAnotherCompanyEvenForTheServiceRole() throws SQLException {
        java.util.UUID customer = fixtures.customer(company, "Stays Put");
        Company other = fixtures.company("Poacher Inc");

        SQLException moved = Refusals.of(() -> Sql.update(database,
                "update public.customers set company_id = ? where id = ?", other.id(), customer));

        assertThat(moved.getMessage()).contains("A customers row cannot move to another company.");
    }
}
