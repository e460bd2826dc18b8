package com.fielddesk.localbackend.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.auth.AuthRateLimits;
import com.fielddesk.localbackend.auth.AuthSettings;
import com.fielddesk.localbackend.auth.JwtCodec;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running {@link LocalBackend} per test JVM (temp data folder, free port, no demo data),
 * plus the small helpers tests keep needing: users, signed-in tokens, minted tokens and SQL
 * as the database owner. Tests must not assume an empty database: make names unique
 * ({@link #uniqueEmail(String)}).
 */
public final class TestBackend {

    private static TestBackend shared;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalBackend backend;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger counter = new AtomicInteger();

    /** Far above what any suite sends, so that no test is refused by a limit it does not test. */
    public static final AuthRateLimits SUITE_RATE_LIMITS = new AuthRateLimits(1_000_000, 1_000_000);

    private TestBackend(LocalBackend backend) {
        this.backend = backend;
    }

    public static synchronized TestBackend shared() {
        if (shared == null) {
            start(suiteOptions());
        }
        return shared;
    }

    /**
     * The shared backend started with a fixed API pool size, for a benchmark comparing sizes; must
     * come before any other use of the shared backend in the JVM.
     */
    public static synchronized TestBackend sharedWithApiConnections(int connections) {
        if (shared != null) {
            throw new IllegalStateException("The shared backend is already running with its own pool size");
        }
        start(suiteOptions().withApiConnections(connections));
        return shared;
    }

    private static LocalBackendOptions suiteOptions() {
        // The suites sign in thousands of times from 127.0.0.1; supabase/config.toml's limits
        // (30 sign-ins per 5 minutes) are tested on a backend of their own (AuthRateLimitTest).
        return LocalBackendOptions.defaults().withAuth(AuthSettings.defaults().withRateLimits(SUITE_RATE_LIMITS));
    }

    private static void start(LocalBackendOptions options) {
        Path dataDirectory = TemporaryFolders.create("fielddesk-backend-");
        LocalBackend backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, 0, false, DemoDataOption.none()),
                options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.stop();
            TemporaryFolders.delete(dataDirectory);
        }, "test-backend-stop"));
        shared = new TestBackend(backend);
    }

    public LocalBackend backend() {
        return backend;
    }

    public URI url() {
        return backend.url();
    }

    public String anonKey() {
        return backend.anonKey();
    }

    public String serviceRoleKey() {
        return backend.serviceRoleKey();
    }

    public DataSource admin() {
        return backend.adminDataSource();
    }

    /** A fresh address, unique within this JVM's backend. */
    public String uniqueEmail(String prefix) {
        return prefix + "-" + counter.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.local";
    }

    /** A confirmed user created through the Auth admin API; returns its id. */
    public UUID createUser(String email, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", password);
        body.put("email_confirm", true);
        HttpResponse<String> response = send("POST", "/auth/v1/admin/users", serviceRoleKey(), write(body));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Could not create user " + email + ": " + response.body());
        }
        return UUID.fromString(read(response.body()).get("id").asText());
    }

    /** Signs in with the password grant and returns the whole session JSON. */
    public JsonNode signIn(String email, String password) {
        HttpResponse<String> response = send("POST", "/auth/v1/token?grant_type=password", null,
                write(Map.of("email", email, "password", password)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Could not sign in " + email + ": " + response.body());
        }
        return read(response.body());
    }

    /** Creates a user and returns a signed-in access token for it. */
    public SignedInUser newSignedInUser(String prefix) {
        String email = uniqueEmail(prefix);
        String password = "pw-" + UUID.randomUUID();
        UUID id = createUser(email, password);
        JsonNode session = signIn(email, password);
        return new SignedInUser(id, email, password, session.get("access_token").asText(),
                session.get("refresh_token").asText());
    }

    public record SignedInUser(UUID id, String email, String password, String accessToken, String refreshToken) {
    }

    /** Creates companies, staff and leads through the real triggers, as the database owner. */
    public TenantFixtures tenants() {
        return new TenantFixtures(admin());
    }

    /** A staff member with the role in the company, signed in over HTTP with a real session. */
    public SignedInUser staff(TenantFixtures.Company company, String role) {
        return signInAs(tenants().staff(company, role));
    }

    /** Gives a fixture user a password and signs in with it. */
    public SignedInUser signInAs(TenantFixtures.AppUser user) {
        String password = "pw-" + UUID.randomUUID();
        try (Connection connection = admin().getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("""
                     update auth.users set encrypted_password = extensions.crypt(?, extensions.gen_salt('bf')),
                            email_confirmed_at = coalesce(email_confirmed_at, now())
                      where id = ?""")) {
            statement.setString(1, password);
            statement.setObject(2, user.id());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a password for " + user.email(), e);
        }
        JsonNode session = signIn(user.email(), password);
        return new SignedInUser(user.id(), user.email(), password, session.get("access_token").asText(),
                session.get("refresh_token").asText());
    }

    /** An access token signed with the project secret, e.g. already expired ({@code lifetime} negative). */
    public String mintAccessToken(UUID userId, String email, String role, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId.toString());
        claims.put("aud", "authenticated");
        claims.put("role", role);
        claims.put("email", email);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        return new JwtCodec(backend.jwtSecret()).sign(claims);
    }

    /** Runs SQL as the database owner, then reloads the REST schema cache (for tables a test creates). */
    public void sql(String... statements) {
        try (Connection connection = admin().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
        backend.reloadSchemaCache();
    }

    /**
     * An HTTP request to the backend with the anon key as {@code apikey} and {@code bearer} (or
     * the anon key) as the Authorization; {@code headers} alternate name, value.
     */
    public HttpResponse<String> send(String method, String path, String bearer, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("apikey", anonKey())
                .header("Authorization", "Bearer " + (bearer == null ? anonKey() : bearer))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient httpClient() {
        return http;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Query-string encoding for filter values. */
    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

}
