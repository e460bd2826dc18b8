package com.fielddesk.localbackend.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.localbackend.testing.TestBackend;
import com.fielddesk.localbackend.testing.TestBackend.SignedInUser;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest {

    private static final TestBackend BACKEND = TestBackend.shared();

    private static HttpResponse<String> token(String grant, Map<String, ?> body, String... headers) {
        return BACKEND.send("POST", "/auth/v1/token?grant_type=" + grant, null, TestBackend.write(body), headers);
    }

    @Test
    void passwordGrantIssuesASessionWithSupabasesClaims() throws ParseException {
        String email = BACKEND.uniqueEmail("claims");
        UUID id = BACKEND.createUser(email, "secret-123");

        HttpResponse<String> response = token("password", Map.of("email", email, "password", "secret-123"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode session = TestBackend.read(response.body());
        assertThat(session.get("token_type").asText()).isEqualTo("bearer");
        assertThat(session.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(session.get("refresh_token").asText()).isNotBlank();
        assertThat(session.at("/user/id").asText()).isEqualTo(id.toString());
        assertThat(session.at("/user/email").asText()).isEqualTo(email);
        assertThat(session.at("/user/app_metadata/provider").asText()).isEqualTo("email");
        Map<String, Object> claims = SignedJWT.parse(session.get("access_token").asText()).getPayload().toJSONObject();
        assertThat(claims).containsEntry("sub", id.toString()).containsEntry("aud", "authenticated")
                .containsEntry("role", "authenticated").containsEntry("email", email).containsEntry("aal", "aal1")
                .containsKeys("exp", "iat", "iss", "session_id", "app_metadata", "user_metadata", "amr", "is_anonymous");
        assertThat(claims.get("iss").toString()).isEqualTo(BACKEND.url() + "/auth/v1");
    }

    @Test
    void wrongPasswordIsInvalidCredentialsInTheVersionedAndTheLegacyFormat() {
        String email = BACKEND.uniqueEmail("wrong");
        BACKEND.createUser(email, "right-password");

        HttpResponse<String> versioned = token("password", Map.of("email", email, "password", "nope-nope"),
                "X-Supabase-Api-Version", "2024-01-01");
        HttpResponse<String> legacy = token("password", Map.of("email", email, "password", "nope-nope"));
        HttpResponse<String> unknownUser = token("password", Map.of("email", "nobody@test.local", "password", "x"));

        assertThat(versioned.statusCode()).isEqualTo(400);
        assertThat(versioned.headers().firstValue("X-Supabase-Api-Version")).contains("2024-01-01");
        assertThat(TestBackend.read(versioned.body())).isEqualTo(TestBackend.read(
                "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}"));
        assertThat(legacy.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(legacy.body())).isEqualTo(TestBackend.read(
                "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}"));
        assertThat(unknownUser.body()).isEqualTo(legacy.body());
    }

    @Test
    void aUserSeededBySqlWithPgcryptoCanSignIn() {
        String email = BACKEND.uniqueEmail("seeded");
        BACKEND.sql("insert into auth.users (email, encrypted_password, email_confirmed_at) values ('" + email
                + "', extensions.crypt('seeded-pw', extensions.gen_salt('bf')), now())");

        assertThat(token("password", Map.of("email", email, "password", "seeded-pw")).statusCode()).isEqualTo(200);
        assertThat(token("password", Map.of("email", email, "password", "other-pw")).statusCode()).isEqualTo(400);
    }

    @Test
    void refreshRotatesTheTokenAndALostResponseGetsTheActiveChildBack() {
        SignedInUser user = BACKEND.newSignedInUser("rotate");

        JsonNode first = TestBackend.read(token("refresh_token", Map.of("refresh_token", user.refreshToken())).body());
        String child = first.get("refresh_token").asText();
        JsonNode again = TestBackend.read(token("refresh_token", Map.of("refresh_token", user.refreshToken())).body());

        assertThat(child).isNotEqualTo(user.refreshToken());
        assertThat(first.at("/user/id").asText()).isEqualTo(user.id().toString());
        assertThat(again.get("refresh_token").asText()).isEqualTo(child);
        assertThat(token("refresh_token", Map.of("refresh_token", child)).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingAnOldRefreshTokenAfterTheReuseIntervalRevokesTheWholeSession() {
        SignedInUser user = BACKEND.newSignedInUser("reuse");
        String child = TestBackend.read(token("refresh_token", Map.of("refresh_token", user.refreshToken())).body())
                .get("refresh_token").asText();
        String grandchild = TestBackend.read(token("refresh_token", Map.of("refresh_token", child)).body())
                .get("refresh_token").asText();
        // The first token was rotated a minute ago: outside the 10 s reuse interval, and not the active one's parent.
        BACKEND.sql("update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = '"
                + user.refreshToken() + "'");

        HttpResponse<String> reuse = token("refresh_token", Map.of("refresh_token", user.refreshToken()),
                "X-Supabase-Api-Version", "2024-01-01");

        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(reuse.body()).get("code").asText()).isEqualTo("refresh_token_already_used");
        HttpResponse<String> afterTheft = token("refresh_token", Map.of("refresh_token", grandchild),
                "X-Supabase-Api-Version", "2024-01-01");
        assertThat(TestBackend.read(afterTheft.body()).get("code").asText()).isEqualTo("refresh_token_not_found");
    }

    @Test
    void unknownRefreshTokenIsRefused() {
        HttpResponse<String> response = token("refresh_token", Map.of("refresh_token", "not-a-token"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(response.body()).get("error_code").asText()).isEqualTo("refresh_token_not_found");
    }

    @Test
    void aNulCharacterInATokenIsBadInputNotAServerError() {
        HttpResponse<String> response = token("refresh_token", Map.of("refresh_token", "abc\u0000def"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestBackend.read(response.body()).get("error_code").asText()).isEqualTo("validation_failed");
    }

    @Test
    void currentUserNeedsAValidBearerToken() {
        SignedInUser user = BACKEND.newSignedInUser("me");

        HttpResponse<String> me = BACKEND.send("GET", "/auth/v1/user", user.accessToken(), null);
        HttpResponse<String> anonymous = BACKEND.send("GET", "/auth/v1/user", "not.a.jwt", null);
        HttpResponse<String> expired = BACKEND.send("GET", "/auth/v1/user",
                BACKEND.mintAccessToken(user.id(), user.email(), "authenticated", java.time.Duration.ofMinutes(-5)), null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(TestBackend.read(me.body()).get("email").asText()).isEqualTo(user.email());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(TestBackend.read(anonymous.body()).get("error_code").asText()).isEqualTo("bad_jwt");
        assertThat(expired.statusCode()).isEqualTo(403);
    }

    @Test
    void currentUserWithoutAuthorizationHeaderIsNoAuthorization() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(BACKEND.url() + "/auth/v1/user"))
                .header("apikey", BACKEND.anonKey()).GET().build();
        HttpResponse<String> response = BACKEND.httpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestBackend.read(response.body()).get("error_code").asText()).isEqualTo("no_authorization");
    }

    @Test
    void globalLogoutEndsEverySessionAndItsRefreshTokens() {
        SignedInUser user = BACKEND.newSignedInUser("logout");
        JsonNode secondSession = BACKEND.signIn(user.email(), user.password());

        HttpResponse<String> logout = BACKEND.send("POST", "/auth/v1/logout?scope=global", user.accessToken(), null);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(token("refresh_token", Map.of("refresh_token", user.refreshToken())).statusCode()).isEqualTo(400);
        assertThat(token("refresh_token", Map.of("refresh_token", secondSession.get("refresh_token").asText()))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> me = BACKEND.send("GET", "/auth/v1/user", user.accessToken(), null);
        assertThat(me.statusCode()).isEqualTo(403);
        assertThat(TestBackend.read(me.body()).get("error_code").asText()).isEqualTo("session_not_found");
    }

    @Test
    void localLogoutKeepsTheUsersOtherSessions() {
        SignedInUser user = BACKEND.newSignedInUser("local");
        JsonNode other = BACKEND.signIn(user.email(), user.password());

        assertThat(BACKEND.send("POST", "/auth/v1/logout?scope=local", user.accessToken(), null).statusCode()).isEqualTo(204);

        assertThat(token("refresh_token", Map.of("refresh_token", user.refreshToken())).statusCode()).isEqualTo(400);
        assertThat(token("refresh_token", Map.of("refresh_token", other.get("refresh_token").asText())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void signupIsOffUnlessConfigured() {
        HttpResponse<String> response = BACKEND.send("POST", "/auth/v1/signup", null,
                TestBackend.write(Map.of("email", BACKEND.uniqueEmail("signup"), "password", "secret-123")),
                "X-Supabase-Api-Version", "2024-01-01");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(TestBackend.read(response.body()).get("code").asText()).isEqualTo("signup_disabled");
        JsonNode settings = TestBackend.read(BACKEND.send("GET", "/auth/v1/settings", null, null).body());
        assertThat(settings.get("disable_signup").asBoolean()).isTrue();
        assertThat(settings.at("/external/email").asBoolean()).isTrue();
    }

    @Test
    void adminApiIsForTheServiceRoleOnlyAndRefusesDuplicates() {
        SignedInUser user = BACKEND.newSignedInUser("notadmin");
        String body = TestBackend.write(Map.of("email", BACKEND.uniqueEmail("admin"), "password", "secret-123"));

        HttpResponse<String> asUser = BACKEND.send("POST", "/auth/v1/admin/users", user.accessToken(), body);
        HttpResponse<String> asService = BACKEND.send("POST", "/auth/v1/admin/users", BACKEND.serviceRoleKey(), body);
        HttpResponse<String> duplicate = BACKEND.send("POST", "/auth/v1/admin/users", BACKEND.serviceRoleKey(), body);

        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(TestBackend.read(asUser.body()).get("error_code").asText()).isEqualTo("not_admin");
        assertThat(asService.statusCode()).isEqualTo(200);
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(TestBackend.read(duplicate.body()).get("error_code").asText()).isEqualTo("email_exists");
    }

    @Test
    void healthAnswers() {
        HttpResponse<String> response = BACKEND.send("GET", "/auth/v1/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestBackend.read(response.body()).get("name").asText()).isEqualTo("GoTrue");
    }
}
