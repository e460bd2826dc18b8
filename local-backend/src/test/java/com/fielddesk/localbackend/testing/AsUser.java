package com.fielddesk.localbackend.testing;

import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.db.Transactions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Runs SQL as an API user exactly as PostgREST would: one transaction, {@code SET LOCAL ROLE
 * authenticated} and the JWT claims in {@code request.jwt.claims}.
 */
public final class AsUser {

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private AsUser() {
    }

    public static RequestIdentity authenticated(UUID userId, String email) {
        String claims = "{\"sub\":\"" + userId + "\",\"role\":\"authenticated\",\"aud\":\"authenticated\",\"email\":\""
                + email + "\"}";
        return new RequestIdentity("authenticated", userId.toString(), email, claims);
    }

    /** Runs work as the identity and commits; an SQLException rolls everything back and is rethrown. */
    public static <T> T run(DataSource database, RequestIdentity identity, SqlWork<T> work) throws SQLException {
        return Transactions.inTransaction(database, identity, work::run);
    }
}
