package com.fielddesk.localbackend.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Who a database transaction acts for, applied exactly as PostgREST does it: {@code SET LOCAL ROLE}
 * to the JWT's role and the claims in {@code request.jwt.claims} (plus the legacy
 * {@code request.jwt.claim.*} settings), all transaction-local. RLS policies then decide.
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

    /** Must run inside a transaction (autocommit off); everything it sets ends with it. */
    public void applyTo(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("RequestIdentity must be applied inside a transaction");
        }
        try (Statement statement = connection.createStatement()) {
            // The role name comes from the fixed set above, never from the request text.
            statement.execute("set local role " + role);
        }
        try (PreparedStatement settings = connection.prepareStatement("""
                select set_config('request.jwt.claims', ?, true),
                       set_config('request.jwt.claim.sub', ?, true),
                       set_config('request.jwt.claim.role', ?, true),
                       set_config('request.jwt.claim.email', ?, true)
                """)) {
            settings.setString(1, claimsJson == null ? "" : claimsJson);
            settings.setString(2, subject == null ? "" : subject);
            settings.setString(3, role);
            settings.setString(4, email == null ? "" : email);
            settings.execute();
        }
    }
}
