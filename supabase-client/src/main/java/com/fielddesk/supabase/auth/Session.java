package com.fielddesk.supabase.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in session. {@code lifetime} is the access token's validity as issued (expires_in),
 * used to decide how early to refresh it.
 */
public record Session(String accessToken, String refreshToken, Instant expiresAt, Duration lifetime, AuthUser user) {

    public Session {
        if (accessToken == null || accessToken.isBlank() || refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("a session needs an access token and a refresh token");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        // Tokens are secrets: never in logs.
        return "Session[user=" + (user == null ? null : user.email()) + ", expiresAt=" + expiresAt + "]";
    }
}
