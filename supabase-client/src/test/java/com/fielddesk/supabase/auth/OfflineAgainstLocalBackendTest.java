package com.fielddesk.supabase.auth;

import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeOptions;
import com.fielddesk.supabase.testing.ClientTestSchema;
import com.fielddesk.supabase.testing.LiveBackend;
import com.fielddesk.supabase.testing.UnpluggableProxy;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.fielddesk.supabase.testing.LiveBackend.BACKEND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server goes away while signed in (the network between is cut), and comes back. */
class OfflineAgainstLocalBackendTest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private UnpluggableProxy proxy;
    private SupabaseClient supabase;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final List<SessionStatus> statuses = new CopyOnWriteArrayList<>();
    private TestBackend.SignedInUser user;

    @BeforeAll
    static void schema() {
        ClientTestSchema.install();
    }

    @BeforeEach
    void signInThroughTheProxy() throws IOException {
        proxy = new UnpluggableProxy(BACKEND.url());
        SupabaseConfig config = LiveBackend.config();
        config = new SupabaseConfig(HttpUrl.get(proxy.url()), config.anonKey(), config.schema(), Duration.ofSeconds(1),
                CALL_TIMEOUT, CALL_TIMEOUT, CALL_TIMEOUT, config.retryPolicy(), config.refreshMargin());
        supabase = new SupabaseClient(config, store, clock, SupabaseJson.defaultMapper(), RealtimeOptions.DEFAULT);
        user = BACKEND.newSignedInUser("offline");
        supabase.auth().signInWithPassword(user.email(), user.password());
        supabase.auth().addSessionListener((status, session) -> statuses.add(status));
    }

    @AfterEach
    void close() throws IOException {
        supabase.close();
        proxy.close();
    }

    @Test
    void serverDownGivesAClearErrorWithinTheTimeout() throws IOException {
        proxy.unplug();
        long started = System.nanoTime();

        // The POST usually finds its pooled connection cut: its effect is unknown, so it fails without a retry.
        assertThatThrownBy(() -> ClientTestSchema.whoAmI(supabase))
                .isInstanceOf(NetworkException.class)
                .hasMessageMatching("(?s).*(POST /rest/v1/rpc/client_test_who_am_i|Cannot reach 127\\.0\\.0\\.1).*");
        // Nothing listens any more: the read is retried and then reported as unreachable.
        assertThatThrownBy(() -> supabase.from("client_test_notes").select().list(Object.class))
                .isInstanceOf(NetworkException.class)
                .hasMessageContaining("Cannot reach 127.0.0.1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CALL_TIMEOUT);
        assertThat(supabase.auth().status()).as("no network is not a reason to sign out").isEqualTo(SessionStatus.SIGNED_IN);
    }

    @Test
    void anExpiredSessionWhileOfflineIsKeptAndRenewedWhenTheServerReturns() throws IOException {
        Session cached = supabase.auth().currentSession().orElseThrow();
        proxy.unplug();
        clock.set(cached.expiresAt().plusSeconds(1));

        assertThatThrownBy(supabase.auth()::refreshIfDue).isInstanceOf(NetworkException.class);
        assertThat(supabase.auth().status()).isEqualTo(SessionStatus.OFFLINE_WITH_CACHED_SESSION);
        assertThat(store.load()).contains(cached);

        proxy.plugIn();
        clock.set(Instant.now());
        assertThat(supabase.auth().refreshSession().refreshToken()).isNotEqualTo(cached.refreshToken());

        assertThat(supabase.auth().status()).isEqualTo(SessionStatus.SIGNED_IN);
        assertThat(ClientTestSchema.whoAmI(supabase)).isEqualTo(user.id());
        assertThat(statuses).containsExactly(SessionStatus.REFRESHING, SessionStatus.OFFLINE_WITH_CACHED_SESSION,
                SessionStatus.REFRESHING, SessionStatus.SIGNED_IN);
    }
}
