package com.fielddesk.supabase.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Turns an error response (status, body, Retry-After) into the matching typed exception. */
public final class ErrorMapper {

    private static final int MAX_RAW_MESSAGE = 300;
    private static final java.util.regex.Pattern SESSION_IS_OVER =
            java.util.regex.Pattern.compile("refresh_token_.*|session_not_found|session_expired|user_not_found|user_banned|bad_jwt");

    private final ObjectMapper json;

    public ErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    public SupabaseException map(ErrorDialect dialect, int httpStatus, byte[] body, Duration retryAfter) {
        JsonNode node = parse(body);
        int status = httpStatus;
        String code;
        String message;
        String details = text(node, "details");
        String hint = text(node, "hint");
        switch (dialect) {
            case AUTH -> {
                code = text(node, "error_code");
                if (code == null && node.path("code").isTextual()) {
                    code = node.path("code").asText();
                }
                if (code == null) {
                    code = text(node, "error");
                }
                message = firstNonNull(text(node, "message"), text(node, "msg"), text(node, "error_description"));
            }
            case STORAGE -> {
                String realStatus = text(node, "statusCode");
                if (realStatus != null && realStatus.matches("\\d{3}")) {
                    status = Integer.parseInt(realStatus);
                }
                code = text(node, "error");
                message = text(node, "message");
            }
            default -> {
                code = text(node, "code");
                message = text(node, "message");
            }
        }
        if (message == null) {
            message = rawMessage(httpStatus, body);
        }
        return forStatus(dialect, status, code, message, details, hint, retryAfter);
    }

    static SupabaseException forStatus(ErrorDialect dialect, int status, String code, String message, String details,
                                       String hint, Duration retryAfter) {
        if (dialect == ErrorDialect.AUTH && "invalid_credentials".equals(code)) {
            return new InvalidCredentialsException(status, code, message, details, hint);
        }
        if (dialect == ErrorDialect.AUTH && code != null && SESSION_IS_OVER.matcher(code).matches()) {
            // Auth answers 400/403 when a refresh token or session is no longer valid: the user must sign in again.
            return new NotAuthenticatedException(status, code, message, details, hint);
        }
        if ("PGRST116".equals(code)) {
            // single(): zero rows is "not found"; several rows means the query was not specific enough.
            return details != null && details.contains(" 0 rows")
                    ? new NotFoundException(status, code, message, details, hint)
                    : new ValidationException(status, code, message, details, hint);
        }
        return switch (status) {
            case 401 -> new NotAuthenticatedException(status, code, message, details, hint);
            case 403 -> new ForbiddenException(status, code, message, details, hint);
            case 404 -> new NotFoundException(status, code, message, details, hint);
            case 409 -> new ConflictException(status, code, message, details, hint);
            case 408 -> new RequestTimeoutException(message, null);
            case 429, 502, 503, 504, 520 -> new ServerUnavailableException(status, code, message, details, hint, retryAfter);
            default -> status >= 500
                    ? new ServerErrorException(status, code, message, details, hint)
                    : new ValidationException(status, code, message, details, hint);
        };
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return json.missingNode();
        }
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.missingNode() : node;
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String rawMessage(int status, byte[] body) {
        String raw = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (raw.length() > MAX_RAW_MESSAGE) {
            raw = raw.substring(0, MAX_RAW_MESSAGE) + "…";
        }
        return raw.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + raw;
    }
}
