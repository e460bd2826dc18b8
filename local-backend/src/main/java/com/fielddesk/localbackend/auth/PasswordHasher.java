package com.fielddesk.localbackend.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt as GoTrue stores it: {@code $2a$} hashes, which is also what pgcrypto's
 * {@code crypt(pw, gen_salt('bf'))} writes, so users seeded by SQL can sign in.
 */
public final class PasswordHasher {

    /** bcrypt only looks at the first 72 bytes; GoTrue refuses longer passwords instead of truncating. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final int COST = 10;

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("Password cannot be longer than 72 characters");
        }
        return BCrypt.with(BCrypt.Version.VERSION_2A).hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty() || !fits(password)) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }
}
