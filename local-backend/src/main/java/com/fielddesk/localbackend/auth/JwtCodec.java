package com.fielddesk.localbackend.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs and verifies the project's HS256 JWTs (access tokens and API keys).
 *
 * <p>Verified tokens are remembered until they expire, as PostgREST's JWT cache does: a console
 * sends the same access token with every request for an hour, and parsing and checking it again
 * each time was a sixth of the server's work on a small request (ClaimRaceHttpBenchmark). The key
 * is the whole token text, so only the very same signed token hits; expiry is still checked on
 * every use.
 */
public final class JwtCodec {

    /** Tokens remembered at most; past that the cache starts over (tokens are re-verified). */
    private static final int CACHED_TOKENS = 10_000;

    private final byte[] secret;
    private final Clock clock;
    private final Map<String, CachedToken> verifiedTokens = new ConcurrentHashMap<>();

    private record CachedToken(VerifiedToken token, Instant expiresAt) {
    }

    public JwtCodec(String secret) {
        this(secret, Clock.systemUTC());
    }

    public JwtCodec(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("An HS256 secret needs at least 32 bytes");
        }
        this.clock = clock;
    }

    public String sign(Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    builder.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a JWT", e);
        }
    }

    /**
     * Verifies signature and expiry.
     *
     * @throws InvalidTokenException with {@link InvalidTokenException#expired()} telling the two failures apart
     */
    public VerifiedToken verify(String token) {
        CachedToken cached = verifiedTokens.get(token);
        if (cached != null) {
            if (cached.expiresAt() != null && cached.expiresAt().isBefore(clock.instant())) {
                verifiedTokens.remove(token);
                throw new InvalidTokenException(true, "JWT expired");
            }
            return cached.token();
        }
        VerifiedToken verified = verifyAndParse(token);
        if (verifiedTokens.size() >= CACHED_TOKENS) {
            verifiedTokens.clear();
        }
        Object exp = verified.claims().get("exp");
        verifiedTokens.put(token, new CachedToken(verified,
                exp instanceof java.util.Date date ? date.toInstant()
                        : exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null));
        return verified;
    }

    private VerifiedToken verifyAndParse(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException(false, "Expected 3 parts in JWT; got " + token.split("\\.", -1).length);
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new InvalidTokenException(false, "Wrong or unsupported encoding algorithm");
            }
            if (!jwt.verify(new MACVerifier(secret))) {
                throw new InvalidTokenException(false, "JWSError JWSInvalidSignature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() != null
                    && claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                throw new InvalidTokenException(true, "JWT expired");
            }
            return new VerifiedToken(claims.getClaims(), jwt.getPayload().toString());
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException(false, "JWT could not be decoded");
        }
    }

    /**
     * A verified JWT.
     *
     * @param claims     the claims as Java values
     * @param claimsJson the claims exactly as signed, for {@code request.jwt.claims}
     */
    public record VerifiedToken(Map<String, Object> claims, String claimsJson) {

        public String role() {
            Object role = claims.get("role");
            return role == null ? null : role.toString();
        }

        public String subject() {
            Object sub = claims.get("sub");
            return sub == null ? null : sub.toString();
        }

        public String email() {
            Object email = claims.get("email");
            return email == null ? null : email.toString();
        }

        public String sessionId() {
            Object id = claims.get("session_id");
            return id == null ? null : id.toString();
        }
    }

    /** A JWT that is malformed, wrongly signed or expired. */
    public static final class InvalidTokenException extends RuntimeException {
        private final boolean expired;

        public InvalidTokenException(boolean expired, String message) {
            super(message);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }
}
