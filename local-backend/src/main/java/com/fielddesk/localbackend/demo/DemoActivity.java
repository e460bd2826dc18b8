package com.fielddesk.localbackend.demo;

import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.demo.DemoRoster.Company;
import com.fielddesk.localbackend.demo.DemoRoster.PostalArea;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * "Demo activity": every few minutes a portal customer replies in one of their threads and a new
 * lead is posted, so someone trying the Local demo alone sees live work arrive (a notification, an
 * unread count, a new lead) without a second computer. On for the console's Local demo, off
 * everywhere else (tests must decide what happens, not a timer).
 *
 * <p>The reply is written <em>as the portal customer</em>, through the same row security and
 * triggers a real portal post goes through; the lead is inserted as the lead intake does it.
 */
public final class DemoActivity implements AutoCloseable {

    /** How often something happens when the console starts the demo. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(3);

    private static final System.Logger LOG = System.getLogger(DemoActivity.class.getName());

    private final DataSource superuser;
    private final DemoRandom random;
    private final ScheduledExecutorService timer;

    /** What one round of activity did, for tests and the log. */
    public record Round(Optional<UUID> customerMessage, UUID lead) {
    }

    private DemoActivity(DataSource superuser, long seed, Optional<Duration> every) {
        this.superuser = superuser;
        this.random = new DemoRandom(seed, "demo-activity");
        this.timer = every.map(interval -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "demo-activity");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::roundLoggingFailures, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return executor;
        }).orElse(null);
    }

    /** Starts rounds every {@code interval} (the first after one interval) until {@link #close}. */
    public static DemoActivity every(DataSource superuser, Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Demo activity needs a positive interval, got " + interval);
        }
        return new DemoActivity(superuser, System.nanoTime(), Optional.of(interval));
    }

    /** No timer: rounds run only when {@link #round()} is called (tests). */
    public static DemoActivity onDemand(DataSource superuser, long seed) {
        return new DemoActivity(superuser, seed, Optional.empty());
    }

    private void roundLoggingFailures() {
        try {
            Round round = round();
            LOG.log(System.Logger.Level.DEBUG, "Demo activity: {0}", round);
        } catch (RuntimeException e) {
            // A stopped database or a schema without demo data: the demo goes quiet, nothing else breaks.
            LOG.log(System.Logger.Level.WARNING, "Demo activity round failed", e);
        }
    }

    /** One round: a portal customer's reply (if any portal customer has a thread) and a new lead. */
    public synchronized Round round() {
        try (Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<UUID> message = customerReply(connection);
                connection.commit();
                UUID lead = newLead(connection);
                connection.commit();
                return new Round(message, lead);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo activity could not write: " + e.getMessage(), e);
        }
    }

    private Optional<UUID> customerReply(Connection connection) throws SQLException {
        UUID user;
        UUID thread;
        UUID company;
        String email;
        try (PreparedStatement pick = connection.prepareStatement("""
                select a.user_id, t.id, t.company_id, u.email
                  from public.customer_portal_accounts a
                  join public.customer_threads t on t.customer_id = a.customer_id and t.company_id = a.company_id
                  join auth.users u on u.id = a.user_id
                 where a.deleted_at is null and t.deleted_at is null
                 order by t.id offset ? limit 1""")) {
            pick.setInt(1, random.between(0, countPortalThreads(connection) - 1));
            try (ResultSet row = pick.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                user = row.getObject(1, UUID.class);
                thread = row.getObject(2, UUID.class);
                company = row.getObject(3, UUID.class);
                email = row.getString(4);
            }
        }
        String claims = "{\"sub\":\"" + user + "\",\"role\":\"authenticated\",\"email\":\"" + email + "\"}";
        new RequestIdentity("authenticated", user.toString(), email, claims).applyTo(connection);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into public.customer_messages (company_id, customer_thread_id, sender_kind, body)
                values (?, ?, 'customer', ?) returning id""")) {
            insert.setObject(1, company);
            insert.setObject(2, thread);
            insert.setString(3, random.pick(DemoWords.CUSTOMER_MESSAGES));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return Optional.of(row.getObject(1, UUID.class));
            }
        }
    }

    private static int countPortalThreads(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("""
                select count(*) from public.customer_portal_accounts a
                  join public.customer_threads t on t.customer_id = a.customer_id and t.company_id = a.company_id
                 where a.deleted_at is null and t.deleted_at is null""");
             ResultSet row = count.executeQuery()) {
            row.next();
            return Math.max(1, row.getInt(1));
        }
    }

    private UUID newLead(Connection connection) throws SQLException {
        Company company = random.pick(DemoRoster.COMPANIES);
        String trade = random.pick(company.trades());
        PostalArea area = DemoRoster.AREA.get(random.between(company.firstArea(), company.lastArea()));
        String name = random.pick(DemoWords.FIRST_NAMES) + " " + random.pick(DemoWords.LAST_NAMES);
        String street = random.between(100, 19_999) + " " + random.pick(DemoWords.STREET_NAMES) + " "
                + random.pick(DemoWords.STREET_SUFFIXES);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into public.service_requests (source, trade, description, emergency, postal_code, city,
                                                     customer_name, customer_phone, street_address)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            insert.setString(1, random.pick(List.of("portal", "web", "partner")));
            insert.setString(2, trade);
            insert.setString(3, random.pick(DemoWords.LEAD_TEXTS.get(trade)));
            insert.setBoolean(4, random.chance(0.1));
            insert.setString(5, area.postalCode());
            insert.setString(6, area.city());
            insert.setString(7, name);
            insert.setString(8, "503-555-01" + String.format(java.util.Locale.ROOT, "%02d", random.between(0, 99)));
            insert.setString(9, street);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
