package com.fielddesk.supabase.auth;

import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.InvalidCredentialsException;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.testing.ClientTestSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.fielddesk.supabase.testing.LiveBackend.BACKEND;
import static com.fielddesk.supabase.testing.LiveBackend.awaitTrue;
import static com.fielddesk.supabase.testing.LiveBackend.childrenOf;
import static com.fielddesk.supabase.testing.LiveBackend.client;
import static com.fielddesk.supabase.testing.LiveBackend.refreshTokensInSessionOf;
import static com.fielddesk.supabase.testing.LiveBackend.sessionWithServerExpiredToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthAgainstLocalBackendTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<SessionStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void schema() {
        ClientTestSchema.install();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private SupabaseClient watched(SupabaseClient client) {
        toClose.add(client);
        client.auth().addSessionListener((status, session) -> statuses.add(status));
        return client;
    }

    @Test
    void signInGivesASessionThatIsStoredAndUsedForRequests() {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("signin");
        InMemorySessionStore store = new InMemorySessionStore();
        SupabaseClient supabase = watched(client(store));

        Session session = supabase.auth().signInWithPassword(user.email(), user.password());

        assertThat(session.user().id()).isEqualTo(user.id());
        assertThat(session.user().email()).isEqualTo(user.email());
        assertThat(session.expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        assertThat(store.load()).contains(session);
        assertThat(supabase.auth().status()).isEqualTo(SessionStatus.SIGNED_IN);
        assertThat(ClientTestSchema.whoAmI(supabase)).isEqualTo(user.id());
    }

    @Test
    void wrongPasswordIsInvalidCredentialsAndChangesNothing() {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("wrongpw");
        InMemorySessionStore store = new InMemorySessionStore();
        SupabaseClient supabase = watched(client(store));

        assertThatThrownBy(() -> supabase.auth().signInWithPassword(user.email(), "not-the-password"))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("Invalid login credentials")
                .satisfies(e -> assertThat(((InvalidCredentialsException) e).code()).isEqualTo("invalid_credentials"));

        assertThat(supabase.auth().status()).isEqualTo(SessionStatus.SIGNED_OUT);
        assertThat(store.load()).isEmpty();
        assertThat(statuses).isEmpty();
    }

    @Test
    void theTimerRefreshesBeforeExpiry() throws Exception {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("timer");
        MutableClock clock = new MutableClock(Instant.now());
        InMemorySessionStore store = new InMemorySessionStore();
        SupabaseClient supabase = watched(client(store, clock));
        Session first = supabase.auth().signInWithPassword(user.email(), user.password());
        // Once refreshed, put the clock back to real time so the new token is not due as well.
        supabase.auth().addSessionListener((status, session) -> {
            if (status == SessionStatus.SIGNED_IN && session.isPresent() && !session.get().equals(first)) {
                clock.set(Instant.now());
            }
        });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        toClose.add(scheduler::shutdownNow);
        AutoCloseable ticker = supabase.auth().startAutoRefresh(scheduler, Duration.ofMillis(20));
        toClose.add(ticker);

        clock.set(first.expiresAt().minusSeconds(60)); // inside the 90 s margin, still valid
        awaitTrue("a refreshed session", Duration.ofSeconds(10),
                () -> !supabase.auth().currentSession().orElseThrow().refreshToken().equals(first.refreshToken()));
        ticker.close();

        Session refreshed = supabase.auth().currentSession().orElseThrow();
        assertThat(refreshed.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(childrenOf(first.refreshToken())).isEqualTo(1);
        assertThat(statuses).containsSubsequence(SessionStatus.SIGNED_IN, SessionStatus.REFRESHING, SessionStatus.SIGNED_IN);
        assertThat(store.load()).contains(refreshed);
        assertThat(ClientTestSchema.whoAmI(supabase)).isEqualTo(user.id());
    }

    @Test
    void anExpiredTokenMidRequestRecoversWithOneRefresh() {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("midrequest");
        InMemorySessionStore store = new InMemorySessionStore();
        store.save(sessionWithServerExpiredToken(user));
        SupabaseClient supabase = watched(client(store));
        assertThat(supabase.auth().restoreSession()).isEqualTo(SessionStatus.SIGNED_IN);

        assertThat(ClientTestSchema.whoAmI(supabase)).isEqualTo(user.id());

        assertThat(refreshTokensInSessionOf(user.refreshToken())).isEqualTo(2);
        assertThat(statuses).containsExactly(SessionStatus.SIGNED_IN, SessionStatus.REFRESHING, SessionStatus.SIGNED_IN);
    }

    @Test
    void concurrentRequestsWithARejectedTokenUseTheRefreshTokenOnce() throws Exception {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("concurrent");
        InMemorySessionStore store = new InMemorySessionStore();
        store.save(sessionWithServerExpiredToken(user));
        SupabaseClient supabase = watched(client(store));
        supabase.auth().restoreSession();
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        toClose.add(pool::shutdownNow);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<java.util.UUID>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return ClientTestSchema.whoAmI(supabase);
            }));
        }

        start.countDown();

        for (Future<java.util.UUID> result : results) {
            assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(user.id());
        }
        assertThat(childrenOf(user.refreshToken())).as("refresh token presented once").isEqualTo(1);
        assertThat(refreshTokensInSessionOf(user.refreshToken())).isEqualTo(2);
        assertThat(statuses.stream().filter(SessionStatus.REFRESHING::equals)).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenEndsTheSession() {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("refused");
        InMemorySessionStore store = new InMemorySessionStore();
        Session stale = new Session(user.accessToken(), "not-a-refresh-token", Instant.now().plusSeconds(30), Duration.ofHours(1), null);
        store.save(stale);
        SupabaseClient supabase = watched(client(store));

        assertThat(supabase.auth().restoreSession()).isEqualTo(SessionStatus.REFRESH_FAILED);

        assertThat(store.load()).isEmpty();
        assertThat(supabase.auth().currentSession()).isEmpty();
        assertThatThrownBy(supabase.auth()::refreshSession).isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void signOutEndsTheSessionOnTheServerAndLocally() {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("signout");
        InMemorySessionStore store = new InMemorySessionStore();
        SupabaseClient supabase = watched(client(store));
        Session session = supabase.auth().signInWithPassword(user.email(), user.password());

        supabase.auth().signOut();

        assertThat(supabase.auth().status()).isEqualTo(SessionStatus.SIGNED_OUT);
        assertThat(store.load()).isEmpty();
        var refreshAfterLogout = BACKEND.send("POST", "/auth/v1/token?grant_type=refresh_token", null,
                TestBackend.write(java.util.Map.of("refresh_token", session.refreshToken())));
        assertThat(refreshAfterLogout.statusCode()).isEqualTo(400);
    }

    @Test
    void aSessionSurvivesARestartThroughTheFileStore(@TempDir Path folder) {
        TestBackend.SignedInUser user = BACKEND.newSignedInUser("restart");
        Path file = folder.resolve("session.json");
        SupabaseClient before = watched(client(new FileSessionStore(file)));
        before.auth().signInWithPassword(user.email(), user.password());
        before.close();

        SupabaseClient after = watched(client(new FileSessionStore(file)));

        assertThat(after.auth().restoreSession()).isEqualTo(SessionStatus.SIGNED_IN);
        assertThat(ClientTestSchema.whoAmI(after)).isEqualTo(user.id());
    }
}
