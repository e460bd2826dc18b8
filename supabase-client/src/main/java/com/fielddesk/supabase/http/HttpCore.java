package com.fielddesk.supabase.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fielddesk.supabase.errors.ErrorMapper;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.RequestTimeoutException;
import com.fielddesk.supabase.errors.SupabaseException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

/**
 * The one HTTP core every part shares: adds {@code apikey} and {@code Authorization}, enforces the
 * OkHttp timeouts, maps error responses to typed exceptions, refreshes the session once on a 401,
 * and retries with backoff only what is safe to repeat.
 *
 * <p>Never a blind retry of a write: a non-idempotent request is repeated only when the connection
 * could not even be opened (nothing was sent) or the server refused its token with 401 (nothing
 * ran). For the same reason OkHttp's own silent retry is switched off — it would replay a POST
 * whose connection broke after sending.
 */
public final class HttpCore {

    private static final Logger log = LoggerFactory.getLogger(HttpCore.class);
    public static final String CLIENT_INFO = "fielddesk-supabase-client/0.1";

    private final HttpUrl baseUrl;
    private final String apiKey;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final RetryPolicy retryPolicy;
    private final ErrorMapper errorMapper;

    public HttpCore(HttpUrl baseUrl, String apiKey, OkHttpClient http, ObjectMapper json, RetryPolicy retryPolicy) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = http.newBuilder().retryOnConnectionFailure(false).build();
        this.json = json;
        this.retryPolicy = retryPolicy;
        this.errorMapper = new ErrorMapper(json);
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public ObjectMapper json() {
        return json;
    }

    /** The configured OkHttp client (shared connection pool and dispatcher), e.g. for the WebSocket. */
    public OkHttpClient okHttp() {
        return http;
    }

    /** {@code baseUrl + path} where path is like {@code rest/v1/work_orders}. */
    public HttpUrl.Builder url(String path) {
        return baseUrl.newBuilder().addPathSegments(path);
    }

    /** Runs the request; returns a 2xx response or throws a {@link SupabaseException}. */
    public ApiResponse execute(ApiRequest request, BearerTokenSource tokens) {
        int attempt = 1;
        boolean renewedAfter401 = false;
        Optional<String> userToken = request.sendsUserToken() ? tokens.currentAccessToken() : Optional.empty();
        while (true) {
            SupabaseException failure;
            try {
                ApiResponse response = send(request, userToken);
                if (response.status() < 400) {
                    return response;
                }
                if (response.status() == 401 && userToken.isPresent() && !renewedAfter401) {
                    renewedAfter401 = true;
                    Optional<String> renewed = tokens.renewAfterRejection(userToken.get());
                    if (renewed.isPresent()) {
                        log.debug("{} got 401; retrying once with a refreshed token", request);
                        userToken = renewed;
                        continue;
                    }
                }
                failure = errorMapper.map(request.dialect(), response.status(), response.body(),
                        retryAfter(response.header("Retry-After")));
            } catch (ConnectException | UnknownHostException notSent) {
                failure = new NetworkException("Cannot reach " + request.url().host() + ":" + request.url().port()
                        + " (" + notSent.getMessage() + ")", notSent);
                if (mayRetry(attempt, failure)) {
                    // Nothing reached the server, so even a non-idempotent request may be sent again.
                    pause(request, attempt++, failure);
                    continue;
                }
                throw failure;
            } catch (InterruptedIOException timeout) {
                failure = new RequestTimeoutException("No answer from " + request + " within the timeout", timeout);
            } catch (IOException broken) {
                failure = new NetworkException("Connection failed during " + request + ": " + broken.getMessage(), broken);
            }
            if (request.isIdempotent() && mayRetry(attempt, failure)) {
                pause(request, attempt++, failure);
                continue;
            }
            throw failure;
        }
    }

    private ApiResponse send(ApiRequest request, Optional<String> userToken) throws IOException {
        Request.Builder builder = new Request.Builder()
                .url(request.url())
                .headers(request.headers())
                .header("apikey", apiKey)
                .header("Authorization", "Bearer " + userToken.orElse(apiKey))
                .header("X-Client-Info", CLIENT_INFO)
                .method(request.method(), request.body());
        try (Response response = http.newCall(builder.build()).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            return new ApiResponse(response.code(), response.headers(), bytes);
        }
    }

    private boolean mayRetry(int attempt, SupabaseException failure) {
        return failure.isRetryable() && attempt < retryPolicy.maxAttempts();
    }

    private void pause(ApiRequest request, int failedAttempt, SupabaseException failure) {
        Duration delay = retryPolicy.delayAfter(failedAttempt, failure.retryAfter().orElse(null));
        log.debug("{} failed ({}); attempt {} in {} ms", request, failure.getMessage(), failedAttempt + 1, delay.toMillis());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NetworkException("Interrupted while waiting to retry " + request, interrupted);
        }
    }

    private static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
