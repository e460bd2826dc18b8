package com.fielddesk.localbackend.http;

import com.fielddesk.localbackend.auth.JwtCodec;
import com.fielddesk.localbackend.db.RequestIdentity;
import io.javalin.http.Context;

import java.time.Instant;

/**
 * Who a request acts for: finds the JWT it presents and turns it into the {@link RequestIdentity}
 * SQL runs as — verified signature and expiry, role limited to the API roles. One rule for REST,
 * Storage and Realtime; each maps the failures to its own error shape.
 */
public final class TokenIdentities {

    private final JwtCodec jwt;

    public TokenIdentities(JwtCodec jwt) {
        this.jwt = jwt;
    }

    /** A verified caller and when its token stops being valid ({@link Instant#MAX} without exp). */
    public record Caller(RequestIdentity identity, Instant expiresAt) {
    }

    /**
     * The token an HTTP request presents, as the gateway reads it: the {@code Authorization: Bearer}
     * token, else the API key itself (header or {@code apikey} query parameter), which is a JWT too.
     *
     * @param token                  null when the request presents none (anonymous)
     * @param authorizationNotBearer an {@code Authorization} header was sent but is not a Bearer token
     */
    public record PresentedToken(String token, boolean authorizationNotBearer) {
    }

    public static PresentedToken presentedBy(Context ctx) {
        String header = ctx.header("Authorization");
        String token = null;
        boolean notBearer = false;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else if (header != null && !header.isBlank()) {
            notBearer = true;
        }
        if (token == null || token.isEmpty()) {
            token = ctx.header("apikey") != null ? ctx.header("apikey") : ctx.queryParam("apikey");
        }
        return new PresentedToken(token, notBearer);
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

    /**
     * The identity of an HTTP request: anonymous without a token.
     *
     * @throws JwtCodec.InvalidTokenException as {@link #verify}
     */
    public RequestIdentity identityOf(PresentedToken presented) {
        return presented.token() == null ? RequestIdentity.anonymous() : verify(presented.token()).identity();
    }

    public JwtCodec codec() {
        return jwt;
    }
}
