package com.fielddesk.desktop.testing;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.desktop.app.Endpoint;
import com.fielddesk.desktop.app.LocalDemo;
import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.testing.TemporaryFolders;
import com.fielddesk.localbackend.testing.TenantFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real local-backend of the console's own (so a test may stop it), with two companies serving
 * HVAC in 12345 and a dispatcher each who can sign in with a password.
 */
public final class ConsoleBackend implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDirectory;
    private final LocalBackend backend;
    private final TenantFixtures tenants;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    public final TenantFixtures.Company acme;
    public final TenantFixtures.Company rival;
    public final DemoLogin acmeDispatcher;
    public final DemoLogin rivalDispatcher;

    public ConsoleBackend() {
        dataDirectory = TemporaryFolders.create("fielddesk-console-backend-");
        backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, 0, false, DemoDataOption.none()));
        tenants = new TenantFixtures(backend.adminDataSource());
        TenantFixtures.LeadPreferences hvac = new TenantFixtures.LeadPreferences(true,
                java.util.List.of("hvac", "plumbing", "electrical"), java.util.List.of("12345", "12346", "12350"));
        acme = tenants.company("Acme Heating", hvac);
        rival = tenants.company("Rival Air", hvac);
        acmeDispatcher = staffWithPassword(acme, "dispatcher", "Dana Dispatcher");
        rivalDispatcher = staffWithPassword(rival, "dispatcher", "Riley Rival");
    }

    public TenantFixtures tenants() {
        return tenants;
    }

    public URI url() {
        return backend.url();
    }

    /** Runs SQL as the database owner and returns the first column of the first row (or null). */
    public Object queryValue(String sql, Object... parameters) {
        try (java.sql.Connection server = tenants.superuser().getConnection();
             java.sql.PreparedStatement query = server.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getObject(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }

    public Endpoint endpoint() {
        return new Endpoint(backend.url(), backend.anonKey());
    }

    /** A LocalDemo that "starts" by pointing at this backend. */
    public LocalDemo asLocalDemo() {
        return asLocalDemoAt(backend.url());
    }

    /** The same, reached at {@code url} (e.g. a {@link HangingRelay} in front of the backend). */
    public LocalDemo asLocalDemoAt(URI url) {
        return new LocalDemo() {
            @Override
            public Endpoint start(Consumer<SignInProgress> progress) {
                progress.accept(SignInProgress.of(SignInProgress.Step.STARTING_DATABASE));
                return new Endpoint(url, backend.anonKey());
            }

            @Override
            public void close() {
            }
        };
    }

    public UUID openLead(String description, boolean emergency) {
        return openLead("hvac", description, emergency, "12345", "Springfield", null, 0);
    }

    /** An open lead; {@code preferredStart} null means "any time"; {@code postedMinutesAgo} ages it. */
    public UUID openLead(String trade, String description, boolean emergency, String postalCode, String city,
                         java.time.OffsetDateTime preferredStart, int postedMinutesAgo) {
        return tenants.insertReturningId("""
                insert into public.service_requests (trade, description, emergency, postal_code, city, customer_name,
                                                     customer_phone, customer_email, street_address,
                                                     preferred_start, preferred_end, posted_at)
                values (?, ?, ?, ?, ?, 'Pat Customer', '+1 555 0100', 'pat@example.test', '742 Evergreen Terrace',
                        ?::timestamptz, ?::timestamptz + interval '3 hours', now() - make_interval(mins => ?)) returning id
                """, trade, description, emergency, postalCode, city, preferredStart, preferredStart, postedMinutesAgo);
    }

    /** The rival company's dispatcher claims the lead through the real API (signs in first). */
    public void rivalClaims(UUID lead) {
        try (com.fielddesk.supabase.SupabaseClient rival = new com.fielddesk.supabase.SupabaseClient(
                com.fielddesk.supabase.SupabaseConfig.of(backend.url().toString(), backend.anonKey()),
                new com.fielddesk.supabase.auth.InMemorySessionStore())) {
            rival.auth().signInWithPassword(rivalDispatcher.email(), rivalDispatcher.password());
            rival.rpc("claim_service_request", Map.of("service_request_id", lead.toString())).execute();
        }
    }

    /**
     * Sets a job's title on the server in a transaction that holds the row while {@code meanwhile}
     * runs, then commits: a console change of the same title queued meanwhile was based on the old
     * version and meets the new one when pushed — a real conflict, every time.
     */
    public void changeJobTitleWhile(UUID job, String serverTitle, Runnable meanwhile) {
        changeWhile("work_orders", "title", job, serverTitle, meanwhile);
    }

    /** The same for any text column of a synced row (a server-side edit racing the console's). */
    public void changeWhile(String table, String column, UUID id, String serverValue, Runnable meanwhile) {
        try (java.sql.Connection server = tenants.superuser().getConnection()) {
            server.setAutoCommit(false);
            // Identifiers from the test's own constants, never from input.
            try (java.sql.PreparedStatement update = server.prepareStatement(
                    "update public." + table + " set " + column + " = ? where id = ?")) {
                update.setString(1, serverValue);
                update.setObject(2, id);
                update.executeUpdate();
            }
            meanwhile.run();
            server.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not change " + table + " " + id + " on the server", e);
        }
    }

    /** A job's title as the server has it. */
    public String jobTitle(UUID job) {
        try (java.sql.Connection server = tenants.superuser().getConnection();
             java.sql.PreparedStatement query = server.prepareStatement("select title from public.work_orders where id = ?")) {
            query.setObject(1, job);
            try (java.sql.ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not read job " + job, e);
        }
    }

    public void stop() {
        backend.stop();
    }

    @Override
    public void close() {
        backend.stop();
        TemporaryFolders.delete(dataDirectory);
    }

    /** A new staff member of {@code company} who can sign in (Auth user + profile), e.g. a second desk's CSR. */
    public DemoLogin staffWithPassword(TenantFixtures.Company company, String role, String fullName) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + company.name().toLowerCase(Locale.ROOT)
                .replace(' ', '-') + ".test";
        String password = "pw-" + UUID.randomUUID();
        try {
            String body = JSON.writeValueAsString(Map.of("email", email, "password", password, "email_confirm", true));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(backend.url() + "/auth/v1/admin/users"))
                    .header("apikey", backend.serviceRoleKey())
                    .header("Authorization", "Bearer " + backend.serviceRoleKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Could not create " + email + ": " + response.body());
            }
            JsonNode user = JSON.readTree(response.body());
            tenants.insertReturningId("""
                    insert into public.profiles (id, company_id, role, full_name, email)
                    values (?, ?, ?, ?, ?) returning id
                    """, UUID.fromString(user.get("id").asText()), company.id(), role, fullName, email);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new DemoLogin(email, password, role, company.name());
    }
}
