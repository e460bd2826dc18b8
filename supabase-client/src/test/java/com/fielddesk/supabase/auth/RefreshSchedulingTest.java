package com.fielddesk.supabase.auth;

import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.http.HttpCore;
import com.fielddesk.supabase.http.RetryPolicy;
import com.fielddesk.supabase.http.SupabaseJson;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the client decides to refresh, driven by a hand-moved clock. Auth here is a port nothing
 * listens on, so a refresh attempt shows up as "offline" without any server; the real refresh
 * against local-backend is proven in {@code AuthAgainstLocalBackendTest}.
 */
class RefreshSchedulingTest {

    private static final Instant EXPIRY = Instant.parse("2026-11-22T10:00:00Z");

    private final MutableClock clock = new MutableClock(EXPIRY.minus(Duration.ofHours(1)));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final List<SessionStatus> statuses = new CopyOnWriteArrayList<>();

    private AuthClient authAgainstDeadServer() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        HttpCore http = new HttpCore(HttpUrl.get("http://127.0.0.1:" + deadPort), "anon-key",
                new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(5)).build(),
                SupabaseJson.defaultMapper(), RetryPolicy.NONE);
        AuthClient auth = new AuthClient(http, store, clock, Duration.ofSeconds(90));
        auth.addSessionListener((status, session) -> statuses.add(status));
        return auth;
    }

    private static Session sessionLasting(Duration lifetime) {
        return new Session("access", "refresh", EXPIRY, lifetime, null);
    }

    @Test
    void noRefreshWhileTheTokenIsFarFromExpiry() throws IOException {
        store.save(sessionLasting(Duration.ofHours(1)));
        AuthClient auth = authAgainstDeadServer();

        assertThat(auth.restoreSession()).isEqualTo(SessionStatus.SIGNED_IN);
        clock.set(EXPIRY.minusSeconds(91));

        assertThat(auth.refreshIfDue()).isFalse();
        assertThat(auth.currentAccessToken()).contains("access");
        assertThat(statuses).containsExactly(SessionStatus.SIGNED_IN);
    }

    @Test
    void refreshStartsNinetySecondsBeforeExpiry() throws IOException {
        store.save(sessionLasting(Duration.ofHours(1)));
        AuthClient auth = authAgainstDeadServer();
        auth.restoreSession();
        clock.set(EXPIRY.minusSeconds(90));

        assertThatThrownBy(auth::refreshIfDue).isInstanceOf(NetworkException.class);

        // Tried, failed for lack of network, and the still-valid token stays in use.
        assertThat(statuses).containsExactly(SessionStatus.SIGNED_IN, SessionStatus.REFRESHING, SessionStatus.SIGNED_IN);
        assertThat(auth.currentSession()).isPresent();
    }

    @Test
    void shortLivedTokensRefreshAtHalfTheirLifetime() throws IOException {
        store.save(sessionLasting(Duration.ofSeconds(60)));
        AuthClient auth = authAgainstDeadServer();
        clock.set(EXPIRY.minusSeconds(31));
        assertThat(auth.restoreSession()).isEqualTo(SessionStatus.SIGNED_IN);
        assertThat(auth.refreshIfDue()).isFalse();

        clock.set(EXPIRY.minusSeconds(30));
        assertThatThrownBy(auth::refreshIfDue).isInstanceOf(NetworkException.class);
    }

    @Test
    void anExpiredCachedSessionWithoutNetworkIsOfflineWithCachedSession() throws IOException {
        store.save(sessionLasting(Duration.ofHours(1)));
        clock.set(EXPIRY.plusSeconds(5));
        AuthClient auth = authAgainstDeadServer();

        assertThat(auth.restoreSession()).isEqualTo(SessionStatus.OFFLINE_WITH_CACHED_SESSION);
        assertThat(store.load()).as("the cached session is kept for when the network returns").isPresent();
        assertThat(auth.currentAccessToken()).contains("access");
    }

    @Test
    void signOutWithoutNetworkStillForgetsTheSession() throws IOException {
        store.save(sessionLasting(Duration.ofHours(1)));
        AuthClient auth = authAgainstDeadServer();
        auth.restoreSession();

        auth.signOut();

        assertThat(auth.status()).isEqualTo(SessionStatus.SIGNED_OUT);
        assertThat(store.load()).isEmpty();
        assertThat(auth.currentAccessToken()).isEmpty();
    }
}
