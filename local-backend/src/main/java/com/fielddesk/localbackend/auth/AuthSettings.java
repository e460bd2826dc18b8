package com.fielddesk.localbackend.auth;

import java.time.Duration;

/**
 * How the local Auth server behaves where GoTrue is configurable.
 *
 * @param signupEnabled      whether {@code POST /signup} creates users (GoTrue's DISABLE_SIGNUP, inverted)
 * @param accessTokenLifetime {@code expires_in} of access tokens (GoTrue's JWT_EXP)
 * @param refreshReuseInterval how long a just-rotated refresh token may still be used (the CLI's default is 10 s)
 * @param rateLimits         requests per 5 minutes per client address ({@code [auth.rate_limit]} of supabase/config.toml)
 */
public record AuthSettings(boolean signupEnabled, Duration accessTokenLifetime, Duration refreshReuseInterval,
                           AuthRateLimits rateLimits) {

    /** With the rate limits of supabase/config.toml. */
    public AuthSettings(boolean signupEnabled, Duration accessTokenLifetime, Duration refreshReuseInterval) {
        this(signupEnabled, accessTokenLifetime, refreshReuseInterval, AuthRateLimits.fromSupabaseConfig());
    }

    public static AuthSettings defaults() {
        return new AuthSettings(false, Duration.ofHours(1), Duration.ofSeconds(10));
    }

    public AuthSettings withSignupEnabled(boolean enabled) {
        return new AuthSettings(enabled, accessTokenLifetime, refreshReuseInterval, rateLimits);
    }

    /** Other limits than supabase/config.toml's, e.g. for test suites that sign in hundreds of times. */
    public AuthSettings withRateLimits(AuthRateLimits limits) {
        return new AuthSettings(signupEnabled, accessTokenLifetime, refreshReuseInterval, limits);
    }
}
