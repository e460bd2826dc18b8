package com.fielddesk.localbackend.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;

/**
 * Who a database transaction acts for, applied exactly as PostgREST does it: the JWT's role as the
 * transaction-local role (what {@code SET LOCAL ROLE} does) and the claims in {@code request.jwt.claims}
 * (plus the legacy {@code request.jwt.claim.*} settings), all transaction-local. RLS policies then decide.
 *
 * @param role       one of anon, authenticated, service_role
 * @param claimsJson the verified JWT's claims as JSON, or {@code null} for an anonymous request
 */
public record RequestIdentity(String role, String subject, String email, String claimsJson) {

    public static final Set<String> API_ROLES = Set.of("anon", "authenticated", "service_role");

    public RequestIdentity {
        if (!API_ROLES.contains(role)) {
            throw new IllegalArgumentException("Not an API role: " + role);
        }
    }

    public static RequestIdentity anonymous() {
        return new RequestIdentity("anon", null, null, "{\"role\":\"anon\"}");
    }

    /**
     * The statement that applies an identity (one round trip; {@code set_config('role', …, true)}
     * is what {@code SET LOCAL ROLE} does, as PostgREST uses it). Its parameters come from
     * {@link #bindSettings}; callers that batch several statements into one round trip embed it.
     */
    public static final String SETTINGS_SQL = """
            select set_config('role', ?, true),
                   set_config('request.jwt.claims', ?, true),
                   set_config('request.jwt.claim.sub', ?, true),
                   set_config('request.jwt.claim.role', ?, true),
                   set_config('request.jwt.claim.email', ?, true)""";

    /** How many parameters {@link #SETTINGS_SQL} takes. */
    public static final int SETTINGS_PARAMETERS = 5;

    /** Must run inside a transaction (autocommit off); everything it sets ends with it. */
    public void applyTo(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("RequestIdentity must be applied inside a transaction");
        }
        try (PreparedStatement settings = connection.prepareStatement(SETTINGS_SQL)) {
            bindSettings(settings, 1);
            settings.execute();
        }
    }

    /**
     * Binds {@link #SETTINGS_SQL}'s parameters starting at {@code firstIndex}. The role is one of
     * {@link #API_ROLES} (checked at construction), never free text from a request.
     */
    public void bindSettings(PreparedStatement statement, int firstIndex) throws SQLException {
        statement.setString(firstIndex, role);
        statement.setString(firstIndex + 1, claimsJson == null ? "" : claimsJson);
        statement.setString(firstIndex + 2, subject == null ? "" : subject);
        statement.setString(firstIndex + 3, role);
        statement.setString(firstIndex + 4, email == null ? "" : email);
    }
}
