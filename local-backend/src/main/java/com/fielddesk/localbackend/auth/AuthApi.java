package com.fielddesk.localbackend.auth;

import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.localbackend.http.ApiRoutes;
import com.fielddesk.localbackend.http.Json;
import com.fielddesk.localbackend.http.RequestBodies;
import com.fielddesk.localbackend.http.StrictText;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /auth/v1}: the subset of GoTrue FieldDesk and supabase-js use — password and
 * refresh-token grants with rotation and reuse detection, logout, the current user, settings,
 * health, optional signup and the admin user API. Errors come in GoTrue's two body formats,
 * chosen by the {@code X-Supabase-Api-Version} request header.
 */
public final class AuthApi implements ApiRoutes {

    public static final String PREFIX = "/auth/v1";
    private static final String API_VERSION_HEADER = "X-Supabase-Api-Version";
    private static final String API_VERSION = "2024-01-01";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AuthStore store;
    private final JwtCodec jwt;
    private final PasswordHasher passwords;
    private final AuthSettings settings;
    private final RequestBodies bodies;
    private final Supplier<String> issuer;
    private final SecureRandom random = new SecureRandom();
    private final RequestRateLimiter signInsAndSignUps;
    private final RequestRateLimiter tokenRefreshes;
    /** A hash no password matches, verified for unknown emails so they cost the same time as wrong passwords. */
    private final String absentUserHash;

    public AuthApi(AuthStore store, JwtCodec jwt, PasswordHasher passwords, AuthSettings settings, RequestBodies bodies,
                   Supplier<String> issuer) {
        this.store = store;
        this.jwt = jwt;
        this.passwords = passwords;
        this.settings = settings;
        this.bodies = bodies;
        this.issuer = issuer;
        this.signInsAndSignUps = new RequestRateLimiter(settings.rateLimits().signInsAndSignUps(), AuthRateLimits.WINDOW);
        this.tokenRefreshes = new RequestRateLimiter(settings.rateLimits().tokenRefreshes(), AuthRateLimits.WINDOW);
        // Any unguessable text serves as the password nobody knows.
        this.absentUserHash = passwords.hash(newRefreshToken());
    }

    /** GoTrue's 429 when a client address has used up its allowance for this kind of request. */
    private static void requireWithinLimit(RequestRateLimiter limiter, Context ctx) {
        if (!limiter.tryAcquire(ctx.req().getRemoteAddr())) {
            throw new AuthError(429, "over_request_rate_limit", "Request rate limit reached");
        }
    }


    @Override
    public void register(Javalin app) {
        app.post(PREFIX + "/token", guarded(this::token));
        app.post(PREFIX + "/signup", guarded(this::signup));
        app.post(PREFIX + "/logout", guarded(this::logout));
        app.get(PREFIX + "/user", guarded(this::currentUser));
        app.put(PREFIX + "/user", guarded(this::updateCurrentUser));
        app.get(PREFIX + "/settings", guarded(this::settings));
        app.get(PREFIX + "/health", guarded(ctx -> ok(ctx, Map.of("version", "local-backend",
                "name", "GoTrue", "description", "GoTrue is a user registration and authentication API"))));
        app.post(PREFIX + "/admin/users", guarded(this::adminCreateUser));
        app.get(PREFIX + "/admin/users", guarded(this::adminListUsers));
        app.get(PREFIX + "/admin/users/{id}", guarded(this::adminGetUser));
        app.delete(PREFIX + "/admin/users/{id}", guarded(this::adminDeleteUser));
    }

    // ---- grants ------------------------------------------------------------------------------

    private void token(Context ctx) {
        String grantType = ctx.queryParam("grant_type");
        if ("password".equals(grantType)) {
            requireWithinLimit(signInsAndSignUps, ctx);
            ok(ctx, passwordGrant(jsonBody(ctx), ctx.userAgent()));
        } else if ("refresh_token".equals(grantType)) {
            requireWithinLimit(tokenRefreshes, ctx);
            ok(ctx, refreshGrant(jsonBody(ctx)));
        } else {
            throw new AuthError(400, "validation_failed",
                    "unsupported_grant_type: grant_type must be password or refresh_token");
        }
    }

    private ObjectNode passwordGrant(JsonNode body, String userAgent) {
        String email = text(body, "email");
        String password = text(body, "password");
        if (email == null || email.isBlank()) {
            throw AuthError.validation(text(body, "phone") != null
                    ? "Phone logins are not enabled" : "missing email or phone");
        }
        if (password == null) {
            throw AuthError.invalidCredentials();
        }
        return store.inTransaction(connection -> {
            Optional<AuthUser> found = store.findByEmail(connection, email.trim());
            // An unknown email (or a user without a password) is checked against a hash of the same
            // cost, so the answer takes as long as for a wrong password and does not tell which
            // emails have accounts.
            Optional<String> storedHash = found.map(AuthUser::encryptedPassword).filter(h -> !h.isEmpty());
            boolean verified = passwords.matches(password, storedHash.orElse(absentUserHash));
            AuthUser user = found.orElseThrow(AuthError::invalidCredentials);
            if (!verified || storedHash.isEmpty()) {
                throw AuthError.invalidCredentials();
            }
            if (user.bannedAt(store.now(connection))) {
                throw new AuthError(400, "user_banned", "User is banned");
            }
            store.recordSignIn(connection, user.id());
            UUID sessionId = store.createSession(connection, user.id(), userAgent);
            String refreshToken = newRefreshToken();
            store.insertRefreshToken(connection, refreshToken, user.id(), sessionId, null);
            return sessionResponse(store.findById(connection, user.id()).orElseThrow(), sessionId, refreshToken);
        });
    }

    /**
     * Rotation as GoTrue does it: the presented token is revoked and a child issued. A revoked
     * token that is the parent of the session's active token gets that active token back (a
     * client that lost the response); within the reuse interval it gets a fresh child; any other
     * reuse is treated as theft and ends the whole session.
     */
    private ObjectNode refreshGrant(JsonNode body) {
        String presented = text(body, "refresh_token");
        if (presented == null || presented.isBlank()) {
            throw new AuthError(400, "validation_failed", "refresh_token required");
        }
        RefreshOutcome outcome = store.inTransaction(connection -> {
            AuthStore.RefreshToken token = store.findRefreshToken(connection, presented)
                    .orElseThrow(AuthApi::refreshTokenNotFound);
            if (!store.lockSession(connection, token.sessionId())) {
                throw refreshTokenNotFound();
            }
            token = store.findRefreshToken(connection, presented).orElseThrow(AuthApi::refreshTokenNotFound);
            AuthUser user = store.findById(connection, token.userId()).orElseThrow(AuthApi::refreshTokenNotFound);
            if (user.bannedAt(store.now(connection))) {
                throw new AuthError(400, "user_banned", "User is banned");
            }
            if (token.revoked()) {
                Optional<AuthStore.RefreshToken> active = store.activeRefreshToken(connection, token.sessionId());
                if (active.isPresent() && presented.equals(active.get().parent())) {
                    return new RefreshOutcome(sessionResponse(user, token.sessionId(), active.get().token()));
                }
                boolean withinReuseInterval = token.revokedAt() != null && token.revokedAt()
                        .plus(settings.refreshReuseInterval()).isAfter(store.now(connection));
                if (!withinReuseInterval) {
                    store.deleteSession(connection, token.sessionId());
                    return new RefreshOutcome(null);
                }
            } else {
                store.revokeRefreshToken(connection, presented);
            }
            String child = newRefreshToken();
            store.insertRefreshToken(connection, child, user.id(), token.sessionId(), presented);
            return new RefreshOutcome(sessionResponse(user, token.sessionId(), child));
        });
        // The session family is revoked in a committed transaction before the refusal is answered.
        if (outcome.session() == null) {
            throw new AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
        return outcome.session();
    }

    /** A new session, or none when a reused token has just ended its session. */
    private record RefreshOutcome(ObjectNode session) {
    }

    private static AuthError refreshTokenNotFound() {
        return new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
    }

    private void signup(Context ctx) {
        requireWithinLimit(signInsAndSignUps, ctx);
        if (!settings.signupEnabled()) {
            throw new AuthError(422, "signup_disabled", "Signups not allowed for this instance");
        }
        JsonNode body = jsonBody(ctx);
        String email = requiredEmail(body);
        String password = requiredPassword(body);
        String metadata = body.has("data") && body.get("data").isObject() ? body.get("data").toString() : "{}";
        ok(ctx, store.inTransaction(connection -> {
            if (store.findByEmail(connection, email).isPresent()) {
                throw new AuthError(422, "user_already_exists", "User already registered");
            }
            AuthUser user = store.insertUser(connection, email, null, passwords.hash(password), true, "authenticated",
                    "{\"provider\":\"email\",\"providers\":[\"email\"]}", metadata);
            store.recordSignIn(connection, user.id());
            UUID sessionId = store.createSession(connection, user.id(), ctx.userAgent());
            String refreshToken = newRefreshToken();
            store.insertRefreshToken(connection, refreshToken, user.id(), sessionId, null);
            return sessionResponse(store.findById(connection, user.id()).orElseThrow(), sessionId, refreshToken);
        }));
    }

    private void logout(Context ctx) {
        JwtCodec.VerifiedToken token = requireUserToken(ctx);
        String scope = Optional.ofNullable(ctx.queryParam("scope")).orElse("global");
        UUID userId = UUID.fromString(token.subject());
        UUID sessionId = token.sessionId() == null ? null : parseUuid(token.sessionId());
        store.inTransaction(connection -> {
            switch (scope) {
                case "local" -> {
                    if (sessionId != null) {
                        store.deleteSession(connection, sessionId);
                    }
                }
                case "others" -> store.deleteSessions(connection, userId, null, sessionId);
                case "global" -> store.deleteSessions(connection, userId, null, null);
                default -> throw AuthError.validation("Unsupported logout scope \"" + scope + "\"");
            }
            return null;
        });
        versionHeader(ctx);
        ctx.status(204);
    }

    private void currentUser(Context ctx) {
        JwtCodec.VerifiedToken token = requireUserToken(ctx);
        ok(ctx, store.inTransaction(connection -> userJson(loadSignedInUser(connection, token))));
    }

    private void updateCurrentUser(Context ctx) {
        JwtCodec.VerifiedToken token = requireUserToken(ctx);
        JsonNode body = jsonBody(ctx);
        String password = text(body, "password");
        if (password != null) {
            checkPassword(password);
        }
        String metadata = body.has("data") && body.get("data").isObject() ? body.get("data").toString() : null;
        ok(ctx, store.inTransaction(connection -> {
            AuthUser user = loadSignedInUser(connection, token);
            return userJson(store.updateUser(connection, user.id(),
                    password == null ? null : passwords.hash(password), metadata));
        }));
    }

    private AuthUser loadSignedInUser(Connection connection, JwtCodec.VerifiedToken token) throws SQLException {
        if (token.sessionId() != null) {
            UUID sessionId = parseUuid(token.sessionId());
            if (sessionId == null || !store.sessionExists(connection, sessionId)) {
                throw new AuthError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
            }
        }
        return store.findById(connection, UUID.fromString(token.subject()))
                .orElseThrow(() -> new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist"));
    }

    private void settings(Context ctx) {
        Map<String, Object> external = new LinkedHashMap<>();
        for (String provider : List.of("anonymous_users", "apple", "azure", "github", "google", "phone")) {
            external.put(provider, false);
        }
        external.put("email", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external", external);
        body.put("disable_signup", !settings.signupEnabled());
        body.put("mailer_autoconfirm", true);
        body.put("phone_autoconfirm", false);
        body.put("sms_provider", "");
        body.put("saml_enabled", false);
        ok(ctx, body);
    }

    // ---- admin -------------------------------------------------------------------------------

    private void adminCreateUser(Context ctx) {
        requireServiceRole(ctx);
        JsonNode body = jsonBody(ctx);
        String email = requiredEmail(body);
        String password = text(body, "password");
        if (password != null) {
            checkPassword(password);
        }
        boolean confirmed = body.path("email_confirm").asBoolean(false);
        String role = Optional.ofNullable(text(body, "role")).orElse("authenticated");
        String userMetadata = body.path("user_metadata").isObject() ? body.get("user_metadata").toString() : "{}";
        ObjectNode appMetadata = Json.MAPPER.createObjectNode().put("provider", "email");
        appMetadata.putArray("providers").add("email");
        if (body.path("app_metadata").isObject()) {
            appMetadata.setAll((ObjectNode) body.get("app_metadata"));
        }
        ok(ctx, store.inTransaction(connection -> {
            if (store.findByEmail(connection, email).isPresent()) {
                throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
            }
            return userJson(store.insertUser(connection, email, text(body, "phone"),
                    password == null ? "" : passwords.hash(password), confirmed, role, appMetadata.toString(),
                    userMetadata));
        }));
    }

    private void adminListUsers(Context ctx) {
        requireServiceRole(ctx);
        int page = Math.max(1, intParam(ctx, "page", 1));
        int perPage = Math.min(1000, Math.max(1, intParam(ctx, "per_page", 50)));
        ok(ctx, store.inTransaction(connection -> {
            ArrayNode users = Json.MAPPER.createArrayNode();
            for (AuthUser user : store.listUsers(connection, perPage, (page - 1) * perPage)) {
                users.add(userJson(user));
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.set("users", users);
            body.put("aud", "authenticated");
            return body;
        }));
    }

    private void adminGetUser(Context ctx) {
        requireServiceRole(ctx);
        UUID id = userIdParam(ctx);
        ok(ctx, store.inTransaction(connection -> userJson(store.findById(connection, id)
                .orElseThrow(() -> new AuthError(404, "user_not_found", "User not found")))));
    }

    private void adminDeleteUser(Context ctx) {
        requireServiceRole(ctx);
        UUID id = userIdParam(ctx);
        store.inTransaction(connection -> {
            if (!store.deleteUser(connection, id)) {
                throw new AuthError(404, "user_not_found", "User not found");
            }
            return null;
        });
        ok(ctx, Map.of());
    }

    // ---- shapes ------------------------------------------------------------------------------

    private ObjectNode sessionResponse(AuthUser user, UUID sessionId, String refreshToken) {
        Instant now = Instant.now();
        long lifetime = settings.accessTokenLifetime().toSeconds();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer.get());
        claims.put("sub", user.id().toString());
        claims.put("aud", user.aud() == null ? "authenticated" : user.aud());
        claims.put("exp", now.getEpochSecond() + lifetime);
        claims.put("iat", now.getEpochSecond());
        claims.put("email", user.email() == null ? "" : user.email());
        claims.put("phone", user.phone() == null ? "" : user.phone());
        claims.put("app_metadata", parseMap(user.appMetadataJson()));
        claims.put("user_metadata", parseMap(user.userMetadataJson()));
        claims.put("role", user.role() == null || user.role().isBlank() ? "authenticated" : user.role());
        claims.put("aal", "aal1");
        claims.put("amr", List.of(Map.of("method", "password", "timestamp", now.getEpochSecond())));
        claims.put("session_id", sessionId.toString());
        claims.put("is_anonymous", user.anonymous());
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("access_token", jwt.sign(claims));
        body.put("token_type", "bearer");
        body.put("expires_in", lifetime);
        body.put("expires_at", now.getEpochSecond() + lifetime);
        body.put("refresh_token", refreshToken);
        body.set("user", userJson(user));
        return body;
    }

    static ObjectNode userJson(AuthUser user) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("id", user.id().toString());
        json.put("aud", user.aud());
        json.put("role", user.role());
        json.put("email", user.email());
        putTime(json, "email_confirmed_at", user.emailConfirmedAt());
        json.put("phone", user.phone() == null ? "" : user.phone());
        putTime(json, "confirmed_at", user.emailConfirmedAt());
        putTime(json, "last_sign_in_at", user.lastSignInAt());
        json.set("app_metadata", parseTree(user.appMetadataJson()));
        json.set("user_metadata", parseTree(user.userMetadataJson()));
        ArrayNode identities = json.putArray("identities");
        if (user.email() != null) {
            ObjectNode identity = identities.addObject();
            identity.put("identity_id", UUID.nameUUIDFromBytes(("email:" + user.id()).getBytes(StandardCharsets.UTF_8)).toString());
            identity.put("id", user.id().toString());
            identity.put("user_id", user.id().toString());
            identity.putObject("identity_data").put("email", user.email()).put("email_verified", true)
                    .put("phone_verified", false).put("sub", user.id().toString());
            identity.put("provider", "email");
            putTime(identity, "last_sign_in_at", user.lastSignInAt());
            putTime(identity, "created_at", user.createdAt());
            putTime(identity, "updated_at", user.updatedAt());
            identity.put("email", user.email());
        }
        putTime(json, "created_at", user.createdAt());
        putTime(json, "updated_at", user.updatedAt());
        json.put("is_anonymous", user.anonymous());
        return json;
    }

    private static void putTime(ObjectNode json, String name, OffsetDateTime time) {
        if (time != null) {
            json.put(name, time.withOffsetSameInstant(ZoneOffset.UTC).toString());
        }
    }

    // ---- request helpers ---------------------------------------------------------------------

    private JwtCodec.VerifiedToken bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw AuthError.noAuthorization();
        }
        try {
            return jwt.verify(header.substring(7).trim());
        } catch (JwtCodec.InvalidTokenException e) {
            throw AuthError.badJwt(e.expired() ? "token has invalid claims: token is expired" : e.getMessage());
        }
    }

    private JwtCodec.VerifiedToken requireUserToken(Context ctx) {
        JwtCodec.VerifiedToken token = bearer(ctx);
        if (token.subject() == null || parseUuid(token.subject()) == null) {
            throw AuthError.badJwt("invalid claim: missing sub claim");
        }
        return token;
    }

    private void requireServiceRole(Context ctx) {
        if (!"service_role".equals(bearer(ctx).role())) {
            throw new AuthError(403, "not_admin", "User not allowed");
        }
    }

    private JsonNode jsonBody(Context ctx) {
        String text;
        try {
            text = bodies.readText(ctx);
        } catch (RequestBodies.NotUtf8 notUtf8) {
            throw new AuthError(400, "bad_json", "Could not parse request body as JSON: " + notUtf8.getMessage());
        }
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AuthError(400, "bad_json", "Could not parse request body as JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new AuthError(400, "bad_json", "Could not parse request body as JSON: expected an object");
        }
        // Go's JSON decoder in GoTrue turns a lone surrogate into U+FFFD; refusing it keeps a
        // password or email from silently becoming a different string here.
        // (A NUL is left to the checks of each field, which answer validation_failed.)
        StrictText.problemIn(node).filter(problem -> problem == StrictText.JsonTextProblem.LONE_SURROGATE)
                .ifPresent(problem -> {
                    throw new AuthError(400, "bad_json", "Could not parse request body as JSON: " + problem.details);
                });
        return node;
    }

    private static String requiredEmail(JsonNode body) {
        String email = text(body, "email");
        if (email == null || email.isBlank()) {
            throw AuthError.validation("To signup, please provide your email");
        }
        email = email.trim();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AuthError(400, "email_address_invalid", "Unable to validate email address: invalid format");
        }
        return email;
    }

    private static String requiredPassword(JsonNode body) {
        String password = text(body, "password");
        if (password == null || password.isEmpty()) {
            throw AuthError.validation("Signup requires a valid password");
        }
        checkPassword(password);
        return password;
    }

    private static void checkPassword(String password) {
        if (password.length() < 6) {
            throw new AuthError(422, "weak_password", "Password should be at least 6 characters.");
        }
        if (!PasswordHasher.fits(password)) {
            throw AuthError.validation("Password cannot be longer than 72 characters");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int intParam(Context ctx, String name, int fallback) {
        try {
            String value = ctx.queryParam(name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AuthError.validation("Bad " + name);
        }
    }

    private static UUID userIdParam(Context ctx) {
        UUID id = parseUuid(ctx.pathParam("id"));
        if (id == null) {
            throw new AuthError(404, "user_not_found", "User not found");
        }
        return id;
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String newRefreshToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> parseMap(String json) {
        try {
            return json == null ? Map.of() : Json.MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static JsonNode parseTree(String json) {
        try {
            return json == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static void versionHeader(Context ctx) {
        if (ctx.header(API_VERSION_HEADER) != null) {
            ctx.header(API_VERSION_HEADER, API_VERSION);
        }
    }

    private static void ok(Context ctx, Object body) {
        versionHeader(ctx);
        ctx.status(200).contentType(Json.CONTENT_TYPE).result(Json.write(body));
    }

    private static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (AuthError error) {
                render(ctx, error);
            }
        };
    }

    /** GoTrue's error body: {code, message} for API-versioned clients, the legacy {code, error_code, msg} otherwise. */
    static void render(Context ctx, AuthError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (ctx.header(API_VERSION_HEADER) != null) {
            ctx.header(API_VERSION_HEADER, API_VERSION);
            body.put("code", error.errorCode());
            body.put("message", error.getMessage());
        } else {
            body.put("code", error.status());
            body.put("error_code", error.errorCode());
            body.put("msg", error.getMessage());
        }
        ctx.status(error.status()).contentType(Json.CONTENT_TYPE).result(Json.write(body));
    }
}
