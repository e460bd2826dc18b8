package com.fielddesk.localbackend.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * GoTrue's per-IP request limits, as the Supabase CLI declares them under {@code [auth.rate_limit]}
 * in {@code supabase/config.toml}: requests per {@link #WINDOW} per client address.
 *
 * @param signInsAndSignUps {@code sign_in_sign_ups}: password grants and sign-ups
 * @param tokenRefreshes    {@code token_refresh}: refresh-token grants
 */
public record AuthRateLimits(int signInsAndSignUps, int tokenRefreshes) {

    /** The interval both limits count over (the CLI's comments: "in a 5 minute interval per IP address"). */
    public static final Duration WINDOW = Duration.ofMinutes(5);

    /** Where the build puts {@code supabase/config.toml} on the classpath (see local-backend/pom.xml). */
    static final String CONFIG_RESOURCE = "/supabase/config.toml";

    public AuthRateLimits {
        if (signInsAndSignUps < 1 || tokenRefreshes < 1) {
            throw new IllegalArgumentException("Rate limits must be at least 1 request per window");
        }
    }

    /** The limits of the project's {@code supabase/config.toml}, which hosted and CLI Supabase apply too. */
    public static AuthRateLimits fromSupabaseConfig() {
        try (InputStream in = AuthRateLimits.class.getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + CONFIG_RESOURCE, e);
        }
    }

    /**
     * Reads the integer keys of the {@code [auth.rate_limit]} table. Only the TOML this table
     * uses is understood (comments, {@code key = integer}); a missing key is an error rather than
     * a silent default, so the file stays the one source.
     */
    static AuthRateLimits parse(String toml) {
        Map<String, Integer> values = new HashMap<>();
        String table = "";
        for (String rawLine : toml.split("\r?\n")) {
            String line = stripComment(rawLine).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                table = line.replaceAll("^\\[+|]+$", "").strip();
            } else if (table.equals("auth.rate_limit")) {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new IllegalStateException("Unreadable line in [auth.rate_limit]: " + rawLine);
                }
                String key = line.substring(0, equals).strip();
                String value = line.substring(equals + 1).strip().replace("_", "");
                try {
                    values.put(key, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("[auth.rate_limit] " + key + " is not an integer: " + value, e);
                }
            }
        }
        return new AuthRateLimits(required(values, "sign_in_sign_ups"), required(values, "token_refresh"));
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static int required(Map<String, Integer> values, String key) {
        Integer value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("supabase/config.toml declares no [auth.rate_limit] " + key);
        }
        return value;
    }
}
