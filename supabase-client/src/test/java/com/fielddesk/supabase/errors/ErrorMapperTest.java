package com.fielddesk.supabase.errors;

import com.fielddesk.supabase.http.SupabaseJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper(SupabaseJson.defaultMapper());

    private SupabaseException map(ErrorDialect dialect, int status, String body) {
        return mapper.map(dialect, status, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void customPostgrestConflictKeepsItsCodeForDomainMapping() {
        SupabaseException e = map(ErrorDialect.POSTGREST, 409,
                "{\"code\":\"already_claimed\",\"message\":\"Lead already claimed\",\"details\":\"by another company\",\"hint\":\"Refresh the pool\"}");
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.code()).isEqualTo("already_claimed");
        assertThat(e.getMessage()).isEqualTo("Lead already claimed");
        assertThat(e.details()).isEqualTo("by another company");
        assertThat(e.hint()).isEqualTo("Refresh the pool");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void rlsViolationIsForbidden() {
        SupabaseException e = map(ErrorDialect.POSTGREST, 403,
                "{\"code\":\"42501\",\"message\":\"new row violates row-level security policy for table \\\"customers\\\"\",\"details\":null,\"hint\":null}");
        assertThat(e).isInstanceOf(ForbiddenException.class);
        assertThat(e.code()).isEqualTo("42501");
        assertThat(e.details()).isNull();
    }

    @Test
    void statusesMapToTheirTypes() {
        assertThat(map(ErrorDialect.POSTGREST, 401, "{\"code\":\"PGRST303\",\"message\":\"JWT expired\"}"))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThat(map(ErrorDialect.POSTGREST, 404, "{\"code\":\"PGRST205\",\"message\":\"no table\"}"))
                .isInstanceOf(NotFoundException.class);
        assertThat(map(ErrorDialect.POSTGREST, 400, "{\"code\":\"23514\",\"message\":\"check\"}"))
                .isInstanceOf(ValidationException.class);
        assertThat(map(ErrorDialect.POSTGREST, 416, "{\"code\":\"PGRST103\",\"message\":\"range\"}"))
                .isInstanceOf(ValidationException.class);
        assertThat(map(ErrorDialect.POSTGREST, 503, "{\"code\":\"PGRST001\",\"message\":\"db down\"}"))
                .isInstanceOf(ServerUnavailableException.class).matches(SupabaseException::isRetryable);
    }

    @Test
    void onlyTransactionConflictsAmongServerErrorsAreRetryable() {
        assertThat(map(ErrorDialect.POSTGREST, 500, "{\"code\":\"40001\",\"message\":\"serialization\"}").isRetryable()).isTrue();
        assertThat(map(ErrorDialect.POSTGREST, 500, "{\"code\":\"XX000\",\"message\":\"internal\"}").isRetryable()).isFalse();
    }

    @Test
    void singleObjectWithNoRowsIsNotFoundButWithSeveralIsValidation() {
        assertThat(map(ErrorDialect.POSTGREST, 406, "{\"code\":\"PGRST116\",\"message\":\"Cannot coerce\",\"details\":\"The result contains 0 rows\"}"))
                .isInstanceOf(NotFoundException.class);
        assertThat(map(ErrorDialect.POSTGREST, 406, "{\"code\":\"PGRST116\",\"message\":\"Cannot coerce\",\"details\":\"The result contains 2 rows\"}"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void authWrongPasswordInBothBodyShapes() {
        SupabaseException current = map(ErrorDialect.AUTH, 400, "{\"code\":\"invalid_credentials\",\"message\":\"Invalid login credentials\"}");
        SupabaseException legacy = map(ErrorDialect.AUTH, 400, "{\"code\":400,\"error_code\":\"invalid_credentials\",\"msg\":\"Invalid login credentials\"}");
        for (SupabaseException e : new SupabaseException[] {current, legacy}) {
            assertThat(e).isInstanceOf(InvalidCredentialsException.class).isInstanceOf(NotAuthenticatedException.class);
            assertThat(e.code()).isEqualTo("invalid_credentials");
            assertThat(e.getMessage()).isEqualTo("Invalid login credentials");
        }
    }

    @Test
    void aRefusedRefreshTokenMeansSignInAgain() {
        SupabaseException reused = map(ErrorDialect.AUTH, 400,
                "{\"code\":\"refresh_token_already_used\",\"message\":\"Invalid Refresh Token: Already Used\"}");
        assertThat(reused).isInstanceOf(NotAuthenticatedException.class).isNotInstanceOf(InvalidCredentialsException.class);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(map(ErrorDialect.AUTH, 400, "{\"code\":\"validation_failed\",\"message\":\"x\"}"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void storageErrorsCarryTheRealStatusInsideA400() {
        assertThat(map(ErrorDialect.STORAGE, 400, "{\"statusCode\":\"404\",\"error\":\"not_found\",\"message\":\"Object not found\"}"))
                .isInstanceOf(NotFoundException.class).extracting(SupabaseException::status).isEqualTo(404);
        assertThat(map(ErrorDialect.STORAGE, 400, "{\"statusCode\":\"403\",\"error\":\"Unauthorized\",\"message\":\"new row violates row-level security policy\"}"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(map(ErrorDialect.STORAGE, 400, "{\"statusCode\":\"409\",\"error\":\"Duplicate\",\"message\":\"The resource already exists\"}"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void rateLimitHonoursRetryAfter() {
        SupabaseException e = mapper.map(ErrorDialect.AUTH, 429,
                "{\"code\":\"over_request_rate_limit\",\"message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(7));
        assertThat(e).isInstanceOf(ServerUnavailableException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void nonJsonGatewayPageStillGivesAReadableMessage() {
        SupabaseException e = map(ErrorDialect.POSTGREST, 502, "<html>Bad gateway</html>");
        assertThat(e).isInstanceOf(ServerUnavailableException.class);
        assertThat(e.getMessage()).isEqualTo("HTTP 502: <html>Bad gateway</html>");
        assertThat(map(ErrorDialect.POSTGREST, 500, "").getMessage()).isEqualTo("HTTP 500");
    }
}
