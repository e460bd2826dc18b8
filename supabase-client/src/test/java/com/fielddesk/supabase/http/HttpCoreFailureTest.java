package com.fielddesk.supabase.http;

import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.RequestTimeoutException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Network failures end in a clear typed error within the timeout, and only safe requests are repeated. */
class HttpCoreFailureTest {

    private static final RetryPolicy THREE_QUICK_ATTEMPTS = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50));

    private static HttpCore core(String url, Duration callTimeout) {
        OkHttpClient okHttp = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(callTimeout)
                .callTimeout(callTimeout)
                .build();
        return new HttpCore(HttpUrl.get(url), "anon-key", okHttp, SupabaseJson.defaultMapper(), THREE_QUICK_ATTEMPTS);
    }

    @Test
    void serverDownFailsFastWithANetworkError() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        HttpCore http = core("http://127.0.0.1:" + deadPort, Duration.ofSeconds(5));

        long started = System.nanoTime();
        assertThatThrownBy(() -> http.execute(ApiRequest.get(http.url("rest/v1/work_orders").build()), BearerTokenSource.ANONYMOUS))
                .isInstanceOf(NetworkException.class)
                .isNotInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("Cannot reach 127.0.0.1:" + deadPort)
                .matches(e -> ((NetworkException) e).isRetryable());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aServerThatNeverAnswersTimesOutInsteadOfHanging() throws IOException {
        try (MisbehavingServer silent = new MisbehavingServer(MisbehavingServer.Behaviour.NEVER_ANSWER)) {
            HttpCore http = core(silent.url(), Duration.ofMillis(300));
            long started = System.nanoTime();

            assertThatThrownBy(() -> http.execute(ApiRequest.get(http.url("rest/v1/work_orders").build()), BearerTokenSource.ANONYMOUS))
                    .isInstanceOf(RequestTimeoutException.class);

            // three attempts of 300 ms plus short backoffs; far from a hang
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(silent.connections()).isEqualTo(3);
        }
    }

    @Test
    void aReadIsRetriedAfterTheConnectionDropsMidRequest() throws IOException {
        try (MisbehavingServer dropping = new MisbehavingServer(MisbehavingServer.Behaviour.DROP_AFTER_REQUEST)) {
            HttpCore http = core(dropping.url(), Duration.ofSeconds(2));

            assertThatThrownBy(() -> http.execute(ApiRequest.get(http.url("rest/v1/work_orders").build()), BearerTokenSource.ANONYMOUS))
                    .isInstanceOf(NetworkException.class);
            assertThat(dropping.connections()).isEqualTo(3);
        }
    }

    @Test
    void aNonIdempotentPostIsNeverSentTwice() throws IOException {
        try (MisbehavingServer dropping = new MisbehavingServer(MisbehavingServer.Behaviour.DROP_AFTER_REQUEST)) {
            HttpCore http = core(dropping.url(), Duration.ofSeconds(2));
            ApiRequest insert = ApiRequest.write("POST", http.url("rest/v1/customer_messages").build(),
                    RequestBody.create("{\"body\":\"hello\"}", MediaType.get("application/json")));

            assertThatThrownBy(() -> http.execute(insert, BearerTokenSource.ANONYMOUS)).isInstanceOf(NetworkException.class);
            assertThat(dropping.connections()).as("the effect of the POST is unknown, so it is not replayed").isEqualTo(1);
        }
    }

    @Test
    void aWriteMarkedIdempotentIsRetried() throws IOException {
        try (MisbehavingServer dropping = new MisbehavingServer(MisbehavingServer.Behaviour.DROP_AFTER_REQUEST)) {
            HttpCore http = core(dropping.url(), Duration.ofSeconds(2));
            ApiRequest upsert = ApiRequest.write("POST", http.url("rest/v1/customer_messages").build(),
                    RequestBody.create("[{\"id\":\"x\"}]", MediaType.get("application/json"))).idempotent(true);

            assertThatThrownBy(() -> http.execute(upsert, BearerTokenSource.ANONYMOUS)).isInstanceOf(NetworkException.class);
            assertThat(dropping.connections()).isEqualTo(3);
        }
    }
}
