package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.http.TokenIdentities;
import com.fielddesk.localbackend.testing.TestBackend;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Realtime server with a 1 s idle timeout on its own port (the shared backend uses the 60 s default). */
class RealtimeIdleTimeoutTest {

    private final TestBackend backend = TestBackend.shared();
    private Javalin server;
    private URI url;

    @BeforeEach
    void startServer() {
        TokenIdentities tokens = new TokenIdentities(new JwtCodec(backend.backend().jwtSecret()));
        RealtimeServer realtime = RealtimeServer.create(backend.admin(), backend.admin(), tokens,
                new RealtimeServer.Settings(Duration.ofSeconds(1), 1, 20_000));
        server = Javalin.create(config -> config.showJavalinBanner = false);
        realtime.register(server);
        server.start("127.0.0.1", 0);
        url = URI.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void heartbeatsKeepASocketOpenAndSilenceClosesIt() throws Exception {
        try (PhoenixTestSocket socket = PhoenixTestSocket.open(url, backend.anonKey())) {
            // Three idle timeouts' worth of heartbeats, one every 300 ms.
            for (int beat = 1; beat <= 10; beat++) {
                String ref = Integer.toString(beat);
                socket.send(null, ref, "phoenix", "heartbeat", Map.of());
                socket.await(f -> ref.equals(f.ref()), "heartbeat reply " + ref);
                Thread.sleep(300);
            }
            assertThat(socket.isClosed()).as("closed despite heartbeats").isFalse();

            socket.awaitClosed();
        }
    }
}
