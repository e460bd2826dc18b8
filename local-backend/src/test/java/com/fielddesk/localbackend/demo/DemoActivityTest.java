package com.fielddesk.localbackend.demo;

import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's portal customers, its busy board, and demo activity replying as a portal customer. */
class DemoActivityTest {

    // The demo anchors at its first start; a reply written now must be the thread's newest message.
    private static final Instant ANCHOR = Instant.now().minusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private static DataSource superuser;

    @BeforeAll
    static void loadADemo() {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.newDatabase();
        new DemoDataGenerator(5, ANCHOR, DemoScale.ofWorkOrders(600)).writeTo(postgres.postgresRole(database));
        superuser = postgres.superuser(database);
    }

    @Test
    void everyCompanyHasPortalCustomersWhoWroteTheirOwnThreadsMessages() throws SQLException {
        assertThat(number("""
                select count(distinct company_id) from public.customer_portal_accounts""")).isEqualTo(3);
        assertThat(number("select count(*) from public.customer_portal_accounts"))
                .isEqualTo(3L * DemoDataGenerator.PORTAL_ACCOUNTS_PER_COMPANY);
        // Their customer messages are theirs; nobody else's are.
        assertThat(number("""
                select count(*) from public.customer_messages m
                  join public.customer_threads t on t.id = m.customer_thread_id
                  left join public.customer_portal_accounts a on a.customer_id = t.customer_id
                 where m.sender_kind = 'customer' and m.sender_id is distinct from a.user_id""")).isZero();
        assertThat(number("""
                select count(*) from public.customer_messages m join public.customer_portal_accounts a
                  on a.user_id = m.sender_id""")).isPositive();
    }

    @Test
    void theBoardIsBusyOnTheDayTheDemoStarts() throws SQLException {
        LocalDate today = ANCHOR.atZone(ZoneId.of(DemoDataGenerator.TIME_ZONE)).toLocalDate();
        String day = "(scheduled_start at time zone 'America/Los_Angeles')::date";
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select c.name,
                            count(*) filter (where %1$s = ?::date and w.technician_id is not null),
                            count(*) filter (where %1$s = ?::date + 1),
                            count(*) filter (where w.status = 'unscheduled'),
                            count(*) filter (where w.status in ('scheduled', 'dispatched') and w.scheduled_end < ?)
                       from public.work_orders w join public.companies c on c.id = w.company_id
                      where w.stage = 'job' group by c.name""".replace("%1$s", day))) {
            query.setString(1, today.toString());
            query.setString(2, today.toString());
            query.setObject(3, java.sql.Timestamp.from(ANCHOR));
            int companies = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    companies++;
                    assertThat(rows.getLong(2)).as("%s: assigned jobs today", rows.getString(1)).isGreaterThanOrEqualTo(5);
                    assertThat(rows.getLong(3)).as("%s: jobs tomorrow", rows.getString(1)).isGreaterThanOrEqualTo(5);
                    assertThat(rows.getLong(4)).as("%s: unscheduled", rows.getString(1)).isPositive();
                    assertThat(rows.getLong(5)).as("%s: late", rows.getString(1)).isPositive();
                }
            }
            assertThat(companies).isEqualTo(3);
        }
    }

    @Test
    void aRoundRepliesAsAPortalCustomerInTheirOwnThreadAndPostsALead() throws SQLException {
        DemoActivity activity = DemoActivity.onDemand(superuser, 42);
        long leadsBefore = number("select count(*) from public.lead_pool");

        DemoActivity.Round round = activity.round();

        UUID message = round.customerMessage().orElseThrow();
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select m.sender_kind, m.sender_id = a.user_id, m.read_at is null, t.last_message_at = m.created_at
                       from public.customer_messages m
                       join public.customer_threads t on t.id = m.customer_thread_id
                       join public.customer_portal_accounts a on a.customer_id = t.customer_id
                      where m.id = ?""")) {
            query.setObject(1, message);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the reply is in a thread of a portal customer").isTrue();
                assertThat(row.getString(1)).isEqualTo("customer");
                assertThat(row.getBoolean(2)).as("written as that customer").isTrue();
                assertThat(row.getBoolean(3)).as("unread").isTrue();
                assertThat(row.getBoolean(4)).as("the thread moves to the top").isTrue();
            }
        }
        assertThat(number("select count(*) from public.service_requests where id = '" + round.lead()
                + "' and status = 'open'")).isEqualTo(1);
        assertThat(number("select count(*) from public.lead_pool")).as("broadcast to eligible companies")
                .isGreaterThan(leadsBefore);
    }

    @Test
    void aPortalCustomerCannotPostIntoAnotherCustomersThread() throws SQLException {
        UUID portalUser;
        UUID otherThread;
        UUID company;
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select a.user_id, t.id, t.company_id from public.customer_portal_accounts a
                       join public.customer_threads t on t.company_id = a.company_id and t.customer_id <> a.customer_id
                      limit 1""");
             ResultSet row = query.executeQuery()) {
            row.next();
            portalUser = row.getObject(1, UUID.class);
            otherThread = row.getObject(2, UUID.class);
            company = row.getObject(3, UUID.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsUser.run(superuser,
                        AsUser.authenticated(portalUser, "someone@customer.demo"), connection -> {
                            try (PreparedStatement insert = connection.prepareStatement("""
                                    insert into public.customer_messages (company_id, customer_thread_id, sender_kind, body)
                                    values (?, ?, 'customer', 'Not my thread')""")) {
                                insert.setObject(1, company);
                                insert.setObject(2, otherThread);
                                return insert.executeUpdate();
                            }
                        }))
                .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
    }

    private static long number(String sql) throws SQLException {
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
