package com.fielddesk.localbackend.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtCodecTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-bytes-long";

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedTokenStillExpiresOnTime() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
        JwtCodec codec = new JwtCodec(SECRET, clock);
        String token = codec.sign(Map.of("sub", "u1", "role", "authenticated",
                "exp", Instant.parse("2026-12-05T11:00:00Z").getEpochSecond()));

        assertThat(codec.verify(token).subject()).isEqualTo("u1");
        assertThat(codec.verify(token).subject()).isEqualTo("u1");   // now from the cache

        clock.now = Instant.parse("2026-12-05T11:00:01Z");
        assertThatThrownBy(() -> codec.verify(token))
                .isInstanceOfSatisfying(JwtCodec.InvalidTokenException.class, e -> assertThat(e.expired()).isTrue());
        assertThatThrownBy(() -> codec.verify(token))
                .isInstanceOfSatisfying(JwtCodec.InvalidTokenException.class, e -> assertThat(e.expired()).isTrue());
    }

    @Test
    void aTokenWithAnAlteredSignatureIsNotTakenForTheRememberedOne() {
        JwtCodec codec = new JwtCodec(SECRET);
        String token = codec.sign(Map.of("sub", "u1", "role", "authenticated"));
        codec.verify(token);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> codec.verify(forged))
                .isInstanceOfSatisfying(JwtCodec.InvalidTokenException.class, e -> assertThat(e.expired()).isFalse());
    }

    @Test
    void anotherSecretsCodecDoesNotAcceptIt() {
        String token = new JwtCodec(SECRET).sign(Map.of("sub", "u1", "role", "authenticated"));
        JwtCodec other = new JwtCodec(SECRET + "-other");

        assertThatThrownBy(() -> other.verify(token)).isInstanceOf(JwtCodec.InvalidTokenException.class);
    }
}
