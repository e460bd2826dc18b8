package com.fielddesk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.supabase.errors.ErrorDialect;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.SupabaseException;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;
import com.fielddesk.supabase.http.BearerTokenSource;
import com.fielddesk.supabase.http.HttpCore;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Auth (GoTrue): password sign-in, session persistence, refresh and sign-out, with an observable
 * {@link SessionStatus}.
 *
 * <p>Refresh happens ahead of expiry (when less than {@code refreshMargin} — at most half the
 * token's lifetime — remains), on a timer ({@link #startAutoRefresh}) and lazily before a request,
 * and once after a 401. However many threads ask at the same moment, exactly one refresh request
 * is in flight and the refresh token is presented once: the others wait for it and share the
 * result. A caller who saw an older token than the current one gets the current one without
 * refreshing again.
 */
public final class AuthClient implements BearerTokenSource {

    private static final Logger log = LoggerFactory.getLogger(AuthClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(90);

    private final HttpCore http;
    private final SessionStore store;
    private final Clock clock;
    private final Duration refreshMargin;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    private Session session;
    private SessionStatus status = SessionStatus.SIGNED_OUT;
    private CompletableFuture<Session> refreshInFlight;

    public AuthClient(HttpCore http, SessionStore store, Clock clock, Duration refreshMargin) {
        this.http = http;
        this.store = store;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
    }

    // ---- observing ----

    public Runnable addSessionListener(SessionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public SessionStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    public Optional<Session> currentSession() {
        synchronized (lock) {
            return Optional.ofNullable(session);
        }
    }

    // ---- signing in and out ----

    /** Signs in with email and password; throws {@link com.fielddesk.supabase.errors.InvalidCredentialsException} on a wrong password. */
    public Session signInWithPassword(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("email and password are required");
        }
        ObjectNode body = http.json().createObjectNode().put("email", email).put("password", password);
        // A failed sign-in may be repeated safely (it changes nothing), a successful one just makes another session.
        Session signedIn = requestToken("password", body, true);
        synchronized (lock) {
            session = signedIn;
        }
        store.save(signedIn);
        changeStatus(SessionStatus.SIGNED_IN);
        return signedIn;
    }

    /**
     * Restores the stored session at startup: SIGNED_IN if it is still good or could be refreshed,
     * OFFLINE_WITH_CACHED_SESSION if it needs a refresh but Auth is unreachable, REFRESH_FAILED if
     * Auth refused it, SIGNED_OUT if there was none.
     */
    public SessionStatus restoreSession() {
        Optional<Session> stored = store.load();
        if (stored.isEmpty()) {
            changeStatus(SessionStatus.SIGNED_OUT);
            return SessionStatus.SIGNED_OUT;
        }
        synchronized (lock) {
            session = stored.get();
        }
        if (!isDueForRefresh(stored.get())) {
            changeStatus(SessionStatus.SIGNED_IN);
            return SessionStatus.SIGNED_IN;
        }
        try {
            refreshFrom(stored.get());
        } catch (SupabaseException refreshProblem) {
            log.info("Stored session could not be refreshed: {}", refreshProblem.toString());
        }
        return status();
    }

    /** Ends the session on the server (best effort) and forgets it locally in every case. */
    public void signOut() {
        Session ending;
        synchronized (lock) {
            ending = session;
            session = null;
        }
        store.clear();
        if (ending != null) {
            try {
                ApiRequest logout = ApiRequest.write("POST", http.url("auth/v1/logout").addQueryParameter("scope", "local").build(),
                                RequestBody.create(new byte[0], JSON))
                        .dialect(ErrorDialect.AUTH).idempotent(true);
                http.execute(withApiVersion(logout), new FixedToken(ending.accessToken()));
            } catch (SupabaseException serverDidNotHear) {
                // The local session is gone either way; the server-side one expires on its own.
                log.info("Sign-out not confirmed by the server: {}", serverDidNotHear.toString());
            }
        }
        changeStatus(SessionStatus.SIGNED_OUT);
    }

    // ---- refreshing ----

    /** Refreshes now (sharing any refresh already in flight) and returns the new session. */
    public Session refreshSession() {
        Session current = currentSession().orElseThrow(() -> notSignedIn());
        return refreshFrom(current);
    }

    /** Refreshes if the access token expires within the margin; the timer calls this. Returns whether it refreshed. */
    public boolean refreshIfDue() {
        Optional<Session> current = currentSession();
        if (current.isEmpty() || !isDueForRefresh(current.get())) {
            return false;
        }
        refreshFrom(current.get());
        return true;
    }

    /**
     * Checks every {@code interval} whether the token is due and refreshes it ahead of expiry, like
     * auth-js's 30 s ticker. Failures are reported through the status, never thrown on the timer.
     * Returns a handle that stops the timer.
     */
    public AutoCloseable startAutoRefresh(ScheduledExecutorService scheduler, Duration interval) {
        ScheduledFuture<?> ticker = scheduler.scheduleWithFixedDelay(() -> {
            try {
                refreshIfDue();
            } catch (RuntimeException failure) {
                log.info("Background refresh failed: {}", failure.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> ticker.cancel(false);
    }

    boolean isDueForRefresh(Session candidate) {
        Duration margin = refreshMargin;
        Duration halfLife = candidate.lifetime() == null ? margin : candidate.lifetime().dividedBy(2);
        if (halfLife.compareTo(margin) < 0) {
            margin = halfLife;
        }
        return !clock.instant().isBefore(candidate.expiresAt().minus(margin));
    }

    // ---- BearerTokenSource ----

    @Override
    public Optional<String> currentAccessToken() {
        Optional<Session> current = currentSession();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Session usable = current.get();
        if (isDueForRefresh(usable)) {
            try {
                usable = refreshFrom(usable);
            } catch (SupabaseException refreshProblem) {
                if (!refreshProblem.isRetryable()) {
                    throw refreshProblem;
                }
                // Offline: send what we have; if it has expired the server says so and the caller sees it.
            }
        }
        return Optional.of(usable.accessToken());
    }

    @Override
    public Optional<String> renewAfterRejection(String rejectedToken) {
        Optional<Session> current = currentSession();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (!current.get().accessToken().equals(rejectedToken)) {
            return Optional.of(current.get().accessToken()); // someone refreshed meanwhile
        }
        return Optional.of(refreshFrom(current.get()).accessToken());
    }

    /**
     * The single-flight refresh. {@code seen} is the session the caller based its decision on: if
     * it has been replaced already, the replacement is returned and nothing is sent.
     */
    private Session refreshFrom(Session seen) {
        CompletableFuture<Session> result;
        boolean mine = false;
        synchronized (lock) {
            if (session == null) {
                throw notSignedIn();
            }
            if (refreshInFlight != null) {
                result = refreshInFlight;
            } else if (!session.refreshToken().equals(seen.refreshToken())) {
                // Rotation gives every refresh a new refresh token (an access token issued in the
                // same second may be byte-identical), so that is what tells "already refreshed".
                return session;
            } else {
                refreshInFlight = result = new CompletableFuture<>();
                mine = true;
            }
        }
        if (mine) {
            runRefresh(seen, result);
        }
        try {
            return result.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof SupabaseException supabaseException) {
                throw supabaseException;
            }
            throw failed;
        }
    }

    private void runRefresh(Session seen, CompletableFuture<Session> result) {
        changeStatus(SessionStatus.REFRESHING);
        try {
            ObjectNode body = http.json().createObjectNode().put("refresh_token", seen.refreshToken());
            // Repeating the same refresh token after a lost answer is safe: Auth hands back the
            // active child of a just-used parent token instead of revoking the session.
            Session refreshed = requestToken("refresh_token", body, true);
            synchronized (lock) {
                session = refreshed;
                refreshInFlight = null;
            }
            store.save(refreshed);
            changeStatus(SessionStatus.SIGNED_IN);
            result.complete(refreshed);
        } catch (SupabaseException failure) {
            boolean offline = failure.isRetryable();
            synchronized (lock) {
                refreshInFlight = null;
                if (!offline) {
                    session = null;
                }
            }
            if (offline) {
                changeStatus(seen.isExpiredAt(clock.instant())
                        ? SessionStatus.OFFLINE_WITH_CACHED_SESSION : SessionStatus.SIGNED_IN);
            } else {
                store.clear();
                changeStatus(SessionStatus.REFRESH_FAILED);
            }
            result.completeExceptionally(failure);
        } catch (RuntimeException unexpected) {
            synchronized (lock) {
                refreshInFlight = null;
            }
            changeStatus(SessionStatus.REFRESH_FAILED);
            result.completeExceptionally(unexpected);
        }
    }

    private Session requestToken(String grantType, ObjectNode body, boolean repeatable) {
        ApiRequest request = ApiRequest.write("POST",
                        http.url("auth/v1/token").addQueryParameter("grant_type", grantType).build(),
                        RequestBody.create(body.toString(), JSON))
                .dialect(ErrorDialect.AUTH)
                .idempotent(repeatable)
                .withoutUserToken();
        ApiResponse response = http.execute(withApiVersion(request), BearerTokenSource.ANONYMOUS);
        return parseSession(response);
    }

    private Session parseSession(ApiResponse response) {
        try {
            JsonNode token = http.json().readTree(response.body());
            long expiresIn = token.path("expires_in").asLong(3600);
            Instant expiresAt = token.hasNonNull("expires_at")
                    ? Instant.ofEpochSecond(token.get("expires_at").asLong())
                    : clock.instant().plusSeconds(expiresIn);
            AuthUser user = http.json().treeToValue(token.path("user"), AuthUser.class);
            return new Session(token.path("access_token").asText(null), token.path("refresh_token").asText(null),
                    expiresAt, Duration.ofSeconds(expiresIn), user);
        } catch (IOException | IllegalArgumentException malformed) {
            throw new com.fielddesk.supabase.errors.ServerErrorException(response.status(), null,
                    "Auth returned an unreadable session: " + malformed.getMessage(), null, null);
        }
    }

    private static ApiRequest withApiVersion(ApiRequest request) {
        return request.header("X-Supabase-Api-Version", "2024-01-01");
    }

    private void changeStatus(SessionStatus newStatus) {
        Optional<Session> now;
        synchronized (lock) {
            status = newStatus;
            now = Optional.ofNullable(session);
        }
        for (SessionListener listener : listeners) {
            try {
                listener.onSessionChanged(newStatus, now);
            } catch (RuntimeException listenerBug) {
                log.warn("Session listener failed", listenerBug);
            }
        }
    }

    private static NotAuthenticatedException notSignedIn() {
        return new NotAuthenticatedException(401, "no_session", "Not signed in", null, "Sign in first.");
    }

    /** Sends one specific token (sign-out must use the session being ended, and never refresh it). */
    private record FixedToken(String token) implements BearerTokenSource {
        @Override
        public Optional<String> currentAccessToken() {
            return Optional.of(token);
        }

        @Override
        public Optional<String> renewAfterRejection(String rejectedToken) {
            return Optional.empty();
        }
    }
}
