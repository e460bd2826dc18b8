package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.Company;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read markers of internal threads (20261206110000_internal_thread_reads.sql) are private: two
 * staff members of one company each see and change only their own, nobody marks a thread of
 * another company, and a marker is never deleted.
 */
class InternalThreadReadsTest {

    private static DataSource database;
    private static AppUser csr;
    private static AppUser technician;
    private static AppUser foreignCsr;
    private static UUID thread;
    private static UUID foreignThread;
    private static Company company;

    @BeforeAll
    static void twoCompanies() {
        TenantFixtures fixtures = TenantFixtures.onNewDatabase();
        database = fixtures.superuser();
        company = fixtures.company("Reading Plumbing");
        csr = fixtures.staff(company, "csr");
        technician = fixtures.staff(company, "technician");
        Company foreign = fixtures.company("Other Heating");
        foreignCsr = fixtures.staff(foreign, "csr");
        thread = fixtures.insertReturningId(
                "insert into public.internal_threads (company_id, subject) values (?, 'Van keys') returning id", company.id());
        foreignThread = fixtures.insertReturningId(
                "insert into public.internal_threads (company_id, subject) values (?, 'Their thread') returning id",
                foreign.id());
    }

    @Test
    void eachUserSeesAndUpdatesOnlyTheirOwnMarker() throws SQLException {
        execute(csr, "insert into public.internal_thread_reads (internal_thread_id) values ('" + thread + "')");
        execute(technician, "insert into public.internal_thread_reads (internal_thread_id) values ('" + thread + "')");

        assertThat(markerOwners(csr)).containsExactly(csr.id());
        assertThat(markerOwners(technician)).containsExactly(technician.id());
        assertThat(markerOwners(foreignCsr)).isEmpty();
        // The technician's update of "every marker" reaches only their own.
        assertThat(execute(technician, "update public.internal_thread_reads set read_at = now()")).isEqualTo(1);
    }

    @Test
    void aMarkerForSomeoneElseOrAnotherCompanysThreadIsRefused() {
        SQLException forSomeoneElse = Refusals.of(() -> execute(csr,
                "insert into public.internal_thread_reads (internal_thread_id, user_id) values ('" + thread + "', '"
                        + technician.id() + "')"));
        assertThat(forSomeoneElse.getSQLState()).as(forSomeoneElse.getMessage()).isEqualTo("42501");

        SQLException foreign = Refusals.of(() -> execute(csr,
                "insert into public.internal_thread_reads (internal_thread_id) values ('" + foreignThread + "')"));
        assertThat(foreign.getSQLState()).as(foreign.getMessage()).isIn("23503", "42501");

        SQLException namingTheForeignCompany = Refusals.of(() -> execute(csr,
                "insert into public.internal_thread_reads (company_id, internal_thread_id) values ('"
                        + foreignCsr.companyId() + "', '" + foreignThread + "')"));
        assertThat(namingTheForeignCompany.getSQLState()).as(namingTheForeignCompany.getMessage()).isEqualTo("42501");
    }

    @Test
    void aMarkerIsNeverDeleted() throws SQLException {
        AppUser manager;
        UUID managersThread;
        TenantFixtures fixtures = new TenantFixtures(database);
        manager = fixtures.staff(company, "admin");
        managersThread = fixtures.insertReturningId(
                "insert into public.internal_threads (company_id, subject) values (?, 'Rota') returning id", company.id());
        execute(manager, "insert into public.internal_thread_reads (internal_thread_id) values ('" + managersThread + "')");

        SQLException delete = Refusals.of(() -> execute(manager, "delete from public.internal_thread_reads"));
        assertThat(delete.getSQLState()).as(delete.getMessage()).isEqualTo("42501");
        SQLException tombstone = Refusals.of(() -> execute(manager,
                "update public.internal_thread_reads set deleted_at = now()"));
        assertThat(tombstone.getSQLState()).as(tombstone.getMessage()).isEqualTo("42501");
    }

    private static List<UUID> markerOwners(AppUser user) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            user.identity().applyTo(connection);
            List<UUID> owners = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select user_id from public.internal_thread_reads where deleted_at is null");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.add(rows.getObject(1, UUID.class));
                }
            }
            connection.commit();
            return owners;
        }
    }

    private static int execute(AppUser user, String sql) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            user.identity().applyTo(connection);
            int changed;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                changed = statement.executeUpdate();
            }
            connection.commit();
            return changed;
        }
    }
}
