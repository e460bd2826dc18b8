package com.fielddesk.localbackend.auth;

import com.fielddesk.localbackend.db.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL of the Auth server over Supabase's {@code auth} schema (users, sessions, refresh
 * tokens). Runs as the database owner, as GoTrue's own database user does.
 */
public final class AuthStore {

    private static final String USER_COLUMNS = """
            id, aud, role, email, phone, encrypted_password, email_confirmed_at, last_sign_in_at,
            raw_app_meta_data::text, raw_user_meta_data::text, created_at, updated_at, banned_until, is_anonymous
            """;

    private final DataSource database;

    public AuthStore(DataSource database) {
        this.database = database;
    }

    /** The work of one request in one transaction. */
    public <T> T inTransaction(Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(database, null, work);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                // A data exception is bad input (e.g. a NUL character in a token), not a server fault.
                throw AuthError.validation("Invalid input: " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw new IllegalStateException("Auth database failure: " + e.getSQLState(), e);
        }
    }

    public Optional<AuthUser> findByEmail(Connection connection, String email) throws SQLException {
        return findOne(connection, "select " + USER_COLUMNS + " from auth.users where lower(email) = lower(?) and deleted_at is null", email);
    }

    public Optional<AuthUser> findById(Connection connection, UUID id) throws SQLException {
        return findOne(connection, "select " + USER_COLUMNS + " from auth.users where id = ? and deleted_at is null", id);
    }

    public List<AuthUser> listUsers(Connection connection, int limit, int offset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + USER_COLUMNS + " from auth.users where deleted_at is null order by created_at, id limit ? offset ?")) {
            statement.setInt(1, limit);
            statement.setInt(2, offset);
            List<AuthUser> users = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    users.add(readUser(rows));
                }
            }
            return users;
        }
    }

    public AuthUser insertUser(Connection connection, String email, String phone, String passwordHash, boolean confirmed,
                               String role, String appMetadataJson, String userMetadataJson) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                insert into auth.users (instance_id, aud, role, email, phone, encrypted_password, email_confirmed_at,
                                        raw_app_meta_data, raw_user_meta_data)
                values ('00000000-0000-0000-0000-000000000000', 'authenticated', ?, ?, ?, ?,
                        case when ? then now() end, ?::jsonb, ?::jsonb)
                returning """ + " " + USER_COLUMNS)) {
            statement.setString(1, role);
            statement.setString(2, email);
            statement.setString(3, phone);
            statement.setString(4, passwordHash);
            statement.setBoolean(5, confirmed);
            statement.setString(6, appMetadataJson);
            statement.setString(7, userMetadataJson);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return readUser(rows);
            }
        }
    }

    public AuthUser updateUser(Connection connection, UUID id, String passwordHashOrNull, String userMetadataJsonOrNull)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                update auth.users
                   set encrypted_password = coalesce(?, encrypted_password),
                       raw_user_meta_data = case when ?::jsonb is null then raw_user_meta_data
                                                 else raw_user_meta_data || ?::jsonb end,
                       updated_at = now()
                 where id = ?
                returning """ + " " + USER_COLUMNS)) {
            statement.setString(1, passwordHashOrNull);
            statement.setString(2, userMetadataJsonOrNull);
            statement.setString(3, userMetadataJsonOrNull);
            statement.setObject(4, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return readUser(rows);
            }
        }
    }

    public boolean deleteUser(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from auth.users where id = ?")) {
            statement.setObject(1, id);
            return statement.executeUpdate() > 0;
        }
    }

    public void recordSignIn(Connection connection, UUID userId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update auth.users set last_sign_in_at = now() where id = ?")) {
            statement.setObject(1, userId);
            statement.executeUpdate();
        }
    }

    public UUID createSession(Connection connection, UUID userId, String userAgent) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into auth.sessions (user_id, user_agent) values (?, ?) returning id")) {
            statement.setObject(1, userId);
            statement.setString(2, userAgent);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    public boolean sessionExists(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select 1 from auth.sessions where id = ?")) {
            statement.setObject(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Locks the session so concurrent refreshes of one session are serialised; false if it is gone. */
    public boolean lockSession(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update auth.sessions set refreshed_at = now(), updated_at = now() where id = ? returning id")) {
            statement.setObject(1, sessionId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public void deleteSessions(Connection connection, UUID userId, UUID onlyThis, UUID allBut) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                delete from auth.sessions
                 where user_id = ? and (?::uuid is null or id = ?::uuid) and (?::uuid is null or id <> ?::uuid)
                """)) {
            statement.setObject(1, userId);
            statement.setObject(2, onlyThis);
            statement.setObject(3, onlyThis);
            statement.setObject(4, allBut);
            statement.setObject(5, allBut);
            statement.executeUpdate();
        }
    }

    public void deleteSession(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("delete from auth.sessions where id = ?")) {
            statement.setObject(1, sessionId);
            statement.executeUpdate();
        }
    }

    public void insertRefreshToken(Connection connection, String token, UUID userId, UUID sessionId, String parent)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into auth.refresh_tokens (token, user_id, session_id, parent) values (?, ?, ?, ?)")) {
            statement.setString(1, token);
            statement.setObject(2, userId);
            statement.setObject(3, sessionId);
            statement.setString(4, parent);
            statement.executeUpdate();
        }
    }

    /** A stored refresh token; {@code revokedAt} is when it was rotated (its last update). */
    public record RefreshToken(String token, UUID userId, UUID sessionId, String parent, boolean revoked,
                               OffsetDateTime revokedAt) {
    }

    private static final String REFRESH_TOKEN_COLUMNS = "token, user_id, session_id, parent, revoked, updated_at";

    public Optional<RefreshToken> findRefreshToken(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select " + REFRESH_TOKEN_COLUMNS + " from auth.refresh_tokens where token = ?")) {
            statement.setString(1, token);
            return readRefreshToken(statement);
        }
    }

    /** The one unrevoked token of a session, if any. */
    public Optional<RefreshToken> activeRefreshToken(Connection connection, UUID sessionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + REFRESH_TOKEN_COLUMNS
                + " from auth.refresh_tokens where session_id = ? and not revoked order by id desc limit 1")) {
            statement.setObject(1, sessionId);
            return readRefreshToken(statement);
        }
    }

    private static Optional<RefreshToken> readRefreshToken(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new RefreshToken(rows.getString(1), rows.getObject(2, UUID.class),
                    rows.getObject(3, UUID.class), rows.getString(4), rows.getBoolean(5),
                    rows.getObject(6, OffsetDateTime.class)));
        }
    }

    public void revokeRefreshToken(Connection connection, String token) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "update auth.refresh_tokens set revoked = true, updated_at = now() where token = ?")) {
            statement.setString(1, token);
            statement.executeUpdate();
        }
    }

    public OffsetDateTime now(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select now()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        }
    }

    private Optional<AuthUser> findOne(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(readUser(rows)) : Optional.empty();
            }
        }
    }

    private static AuthUser readUser(ResultSet rows) throws SQLException {
        return new AuthUser(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class),
                rows.getObject(8, OffsetDateTime.class), rows.getString(9), rows.getString(10),
                rows.getObject(11, OffsetDateTime.class), rows.getObject(12, OffsetDateTime.class),
                rows.getObject(13, OffsetDateTime.class), rows.getBoolean(14));
    }
}
