package com.fielddesk.supabase.testing;

import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.Session;
import com.fielddesk.supabase.auth.SessionStore;
import com.fielddesk.supabase.http.RetryPolicy;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeOptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Clients of the one local-backend this test JVM runs, with short timeouts, and SQL checks on Auth's tables. */
public final class LiveBackend {

    public static final TestBackend BACKEND = TestBackend.shared();

    private LiveBackend() {
    }

    public static SupabaseConfig config() {
        return SupabaseConfig.of(BACKEND.url().toString(), BACKEND.anonKey())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(15))
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500)));
    }

    public static SupabaseClient client(SessionStore store) {
        return client(store, Clock.systemUTC());
    }

    public static SupabaseClient client(SessionStore store, Clock clock) {
        return new SupabaseClient(config(), store, clock, SupabaseJson.defaultMapper(), RealtimeOptions.DEFAULT);
    }

    /** A session whose access token the server will reject as expired, while the client believes it is good for an hour. */
    public static Session sessionWithServerExpiredToken(TestBackend.SignedInUser user) {
        String expired = BACKEND.mintAccessToken(user.id(), user.email(), "authenticated", Duration.ofMinutes(-1));
        return new Session(expired, user.refreshToken(), Instant.now().plus(Duration.ofHours(1)), Duration.ofHours(1), null);
    }

    /** How many refresh tokens the session of {@code refreshToken} has had: 1 after sign-in, +1 per refresh. */
    public static long refreshTokensInSessionOf(String refreshToken) {
        return count("""
                select count(*) from auth.refresh_tokens
                 where session_id = (select session_id from auth.refresh_tokens where token = ?)
                """, refreshToken);
    }

    /** How many tokens were issued as children of {@code refreshToken} (each use of it as a refresh). */
    public static long childrenOf(String refreshToken) {
        return count("select count(*) from auth.refresh_tokens where parent = ?", refreshToken);
    }

    private static long count(String sql, String parameter) {
        DataSource admin = BACKEND.admin();
        try (Connection connection = admin.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition with a deadline instead of sleeping and hoping. */
    public static void awaitTrue(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + deadline + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
