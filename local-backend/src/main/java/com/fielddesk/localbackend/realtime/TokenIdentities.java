package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.db.RequestIdentity;

import java.time.Instant;

/**
 * Turns a presented JWT (a user's access token or an API key) into the {@link RequestIdentity}
 * SQL runs as, with the same rules as REST: verified signature and expiry, role limited to the
 * API roles. Shared by Storage and Realtime, which (unlike REST) also need the expiry instant.
 */
public final class TokenIdentities {

    private final JwtCodec jwt;

    public TokenIdentities(JwtCodec jwt) {
        this.jwt = jwt;
    }

    /** A verified caller and when its token stops being valid ({@link Instant#MAX} without exp). */
    public record Caller(RequestIdentity identity, Instant expiresAt) {
    }

    /** @throws JwtCodec.InvalidTokenException for a malformed, wrongly signed, expired or wrong-role token */
    public Caller verify(String token) {
        JwtCodec.VerifiedToken verified = jwt.verify(token);
        String role = verified.role() == null ? "anon" : verified.role();
        if (!RequestIdentity.API_ROLES.contains(role)) {
            throw new JwtCodec.InvalidTokenException(false, "The JWT role \"" + role + "\" is not allowed");
        }
        Object exp = verified.claims().get("exp");
        Instant expiresAt = exp instanceof java.util.Date date ? date.toInstant()
                : exp instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : Instant.MAX;
        return new Caller(new RequestIdentity(role, verified.subject(), verified.email(), verified.claimsJson()), expiresAt);
    }

    public JwtCodec codec() {
        return jwt;
    }
}
