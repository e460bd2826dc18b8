package com.fielddesk.supabase.realtime;

import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.auth.AuthSettings;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.SupabaseConfig;
import com.fielddesk.supabase.auth.InMemorySessionStore;
import com.fielddesk.supabase.auth.Session;
import com.fielddesk.supabase.http.RetryPolicy;
import com.fielddesk.supabase.http.SupabaseJson;
import com.fielddesk.supabase.realtime.RealtimeListener.ConnectionState;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static com.fielddesk.supabase.testing.LiveBackend.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realtime against a local-backend of its own, which the test stops and starts again on the same
 * port and data folder — a real server restart, with the client reconnecting by itself.
 */
class RealtimeAgainstLocalBackendTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PASSWORD = "realtime-pw-1";
    private static final RealtimeOptions SNAPPY = new RealtimeOptions(Duration.ofSeconds(1),
            List.of(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500)));

    @TempDir
    Path dataDirectory;

    private LocalBackend backend;
    private SupabaseClient supabase;

    record Note(UUID id, UUID ownerId, String title) {
    }

    @AfterEach
    void stop() {
        if (supabase != null) {
            supabase.close();
        }
        if (backend != null) {
            backend.stop();
        }
    }

    /** A backend whose data folder has a user and a published table (realtime installs its triggers at start). */
    private UUID startBackendWithPublishedTable(String email, LocalBackendOptions options) throws Exception {
        backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, 0, false, DemoDataOption.none()), options);
        UUID userId = createUser(backend, email);
        createPublishedTable(backend);
        restart(options);
        return userId;
    }

    private void restart(LocalBackendOptions options) {
        int port = backend.url().getPort();
        backend.stop();
        backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, port, false, DemoDataOption.none()), options);
    }

    private SupabaseClient signedInClient(String email) {
        supabase = new SupabaseClient(SupabaseConfig.of(backend.url().toString(), backend.anonKey())
                .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(500))),
                new InMemorySessionStore(), Clock.systemUTC(), SupabaseJson.defaultMapper(), SNAPPY);
        supabase.auth().signInWithPassword(email, PASSWORD);
        return supabase;
    }

    private RealtimeChannel subscribeToInserts(List<Note> inserted) {
        RealtimeChannel channel = supabase.realtime().channel("notes")
                .onPostgresChanges(PostgresChangesFilter.table("public", "client_rt_notes").on(ChangeType.INSERT),
                        change -> inserted.add(change.record(Note.class)))
                .subscribe();
        supabase.realtime().connect();
        awaitTrue("the channel joined", DEADLINE, () -> channel.state() == RealtimeChannel.State.JOINED);
        return channel;
    }

    @Test
    void reconnectsAfterAServerRestartRejoinsAndSignalsResync() throws Exception {
        String email = "realtime-" + UUID.randomUUID() + "@test.local";
        UUID userId = startBackendWithPublishedTable(email, LocalBackendOptions.defaults());
        signedInClient(email);
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        AtomicInteger resyncs = new AtomicInteger();
        supabase.realtime().addListener(new RealtimeListener() {
            @Override
            public void onConnectionStateChanged(ConnectionState state) {
                states.add(state);
            }

            @Override
            public void onResyncRequired() {
                resyncs.incrementAndGet();
            }
        });
        List<Note> inserted = new CopyOnWriteArrayList<>();
        RealtimeChannel channel = subscribeToInserts(inserted);

        supabase.from("client_rt_notes").insert(Map.of("title", "before, (restart)")).execute();
        awaitTrue("the first insert event", DEADLINE, () -> inserted.size() == 1);
        assertThat(inserted.get(0).title()).isEqualTo("before, (restart)");
        assertThat(inserted.get(0).ownerId()).isEqualTo(userId);
        assertThat(resyncs).as("a first connection needs no resync").hasValue(0);

        int port = backend.url().getPort();
        backend.stop();
        awaitTrue("the client to notice", DEADLINE, () -> supabase.realtime().state() != ConnectionState.OPEN);
        backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, port, false, DemoDataOption.none()));

        awaitTrue("the resync signal", DEADLINE, () -> resyncs.get() == 1);
        assertThat(channel.state()).isEqualTo(RealtimeChannel.State.JOINED);
        assertThat(states).containsSubsequence(ConnectionState.OPEN, ConnectionState.DISCONNECTED, ConnectionState.OPEN);

        insertAsDatabaseOwner(backend, userId, "after restart");
        awaitTrue("an event on the rejoined channel", DEADLINE, () -> inserted.size() == 2);
        assertThat(inserted.get(1).title()).isEqualTo("after restart");
    }

    @Test
    void refreshedTokensArePushedSoTheChannelOutlivesItsFirstToken() throws Exception {
        Duration lifetime = Duration.ofSeconds(10);
        LocalBackendOptions shortTokens = LocalBackendOptions.defaults()
                .withAuth(new AuthSettings(false, lifetime, Duration.ofSeconds(10)));
        String email = "realtime-token-" + UUID.randomUUID() + "@test.local";
        UUID userId = startBackendWithPublishedTable(email, shortTokens);
        signedInClient(email);
        Session first = supabase.auth().currentSession().orElseThrow();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<RealtimeChannel.State> channelStates = new CopyOnWriteArrayList<>();
        // Refreshes at half the lifetime; each new token is pushed to the joined channel.
        try (AutoCloseable ticker = supabase.auth().startAutoRefresh(timer, Duration.ofMillis(200))) {
            List<Note> inserted = new CopyOnWriteArrayList<>();
            RealtimeChannel channel = subscribeToInserts(inserted);
            channel.onStateChanged(channelStates::add);

            // The server closes a channel whose token has expired; only the pushed tokens keep it open.
            Instant wellPastFirstExpiry = first.expiresAt().plus(lifetime).plusSeconds(1);
            awaitTrue("two token lifetimes to pass", DEADLINE, () -> Instant.now().isAfter(wellPastFirstExpiry));

            insertAsDatabaseOwner(backend, userId, "still listening");
            awaitTrue("an event long after the first token expired", DEADLINE, () -> inserted.size() == 1);
            assertThat(channel.state()).isEqualTo(RealtimeChannel.State.JOINED);
        } finally {
            timer.shutdownNow();
        }
        assertThat(channelStates).as("never closed by the server").isEmpty();
    }

    private static UUID createUser(LocalBackend backend, String email) throws IOException {
        String body = SupabaseJson.defaultMapper().writeValueAsString(
                Map.of("email", email, "password", PASSWORD, "email_confirm", true));
        Request request = new Request.Builder().url(backend.url() + "/auth/v1/admin/users")
                .header("apikey", backend.serviceRoleKey())
                .header("Authorization", "Bearer " + backend.serviceRoleKey())
                .post(RequestBody.create(body, MediaType.get("application/json")))
                .build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            return UUID.fromString(SupabaseJson.defaultMapper().readTree(response.body().bytes()).get("id").asText());
        }
    }

    private static void createPublishedTable(LocalBackend backend) throws SQLException {
        try (Connection connection = backend.adminDataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("""
                    create table public.client_rt_notes (
                      id uuid primary key default gen_random_uuid(),
                      owner_id uuid not null default auth.uid(),
                      title text not null
                    )""");
            sql.execute("alter table public.client_rt_notes enable row level security");
            sql.execute("create policy own_rt_notes on public.client_rt_notes for all to authenticated"
                    + " using (owner_id = auth.uid()) with check (owner_id = auth.uid())");
            sql.execute("grant select, insert on public.client_rt_notes to authenticated");
            sql.execute("alter publication supabase_realtime add table public.client_rt_notes");
        }
    }

    private static void insertAsDatabaseOwner(LocalBackend backend, UUID ownerId, String title) throws SQLException {
        try (Connection connection = backend.adminDataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into public.client_rt_notes (owner_id, title) values (?, ?)")) {
            insert.setObject(1, ownerId);
            insert.setString(2, title);
            insert.executeUpdate();
        }
    }
}
