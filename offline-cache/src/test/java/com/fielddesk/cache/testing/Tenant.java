package com.fielddesk.cache.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A company on a test database with staff users and a customer, created the way the schema's
 * README says bulk data is loaded (as the superuser, in dependency order).
 */
public final class Tenant {

    public record User(UUID id, String email, String role) {
    }

    private final DataSource superuser;
    private final UUID companyId;
    private final UUID customerId;
    private final List<User> users;

    private Tenant(DataSource superuser, UUID companyId, UUID customerId, List<User> users) {
        this.superuser = superuser;
        this.companyId = companyId;
        this.customerId = customerId;
        this.users = users;
    }

    /** A company with the given staff roles (e.g. "dispatcher", "csr") and one customer. */
    public static Tenant create(DataSource superuser, String... roles) {
        UUID companyId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        List<User> users = new ArrayList<>();
        try (Connection connection = superuser.getConnection()) {
            execute(connection, "insert into public.companies (id, name) values (?, ?)", companyId, "Company " + companyId);
            for (String role : roles) {
                UUID userId = UUID.randomUUID();
                String email = role + "-" + userId + "@example.test";
                execute(connection, "insert into auth.users (id, email, email_confirmed_at) values (?, ?, now())", userId, email);
                execute(connection, "insert into public.profiles (id, company_id, role, full_name, email) values (?, ?, ?, ?, ?)",
                        userId, companyId, role, "Staff " + role, email);
                users.add(new User(userId, email, role));
            }
            execute(connection, "insert into public.customers (id, company_id, full_name) values (?, ?, ?)",
                    customerId, companyId, "Pat Customer");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Tenant(superuser, companyId, customerId, users);
    }

    public UUID companyId() {
        return companyId;
    }

    public UUID customerId() {
        return customerId;
    }

    public User user(int index) {
        return users.get(index);
    }

    /** Inserts work orders directly (as the loader would) and returns their ids. */
    public List<UUID> insertWorkOrders(int count, String titlePrefix) {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = superuser.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into public.work_orders (id, company_id, stage, title, status, customer_id, total)
                     values (?, ?, 'job', ?, 'unscheduled', ?, 100.50)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setObject(2, companyId);
                insert.setString(3, titlePrefix + " " + i);
                insert.setObject(4, customerId);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    public List<String> workOrderIds() {
        List<String> ids = new ArrayList<>();
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id::text from public.work_orders where company_id = ? order by id")) {
            query.setObject(1, companyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    public <T> T queryOne(String sql, Class<T> type, Object... parameters) {
        try (Connection connection = superuser.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return rows.getObject(1, type);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (Connection connection = superuser.getConnection()) {
            execute(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
