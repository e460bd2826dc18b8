package com.fielddesk.localbackend.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * A project's JWT secret and its two API keys (long-lived JWTs with role anon / service_role),
 * generated once per data folder and kept in a file only the user can read. Never committed:
 * every machine and every test run has its own.
 */
public record ProjectKeys(String jwtSecret, String anonKey, String serviceRoleKey) {

    public static final String FILE_NAME = "project-keys.properties";
    private static final Duration KEY_LIFETIME = Duration.ofDays(3650);

    /** Reads the keys of a data folder, creating them on first use. */
    public static ProjectKeys loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                return new ProjectKeys(required(properties, "jwt_secret", file), required(properties, "anon_key", file),
                        required(properties, "service_role_key", file));
            }
            ProjectKeys keys = generate();
            write(file, keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the project keys in " + file, e);
        }
    }

    public static ProjectKeys generate() {
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        String jwtSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        JwtCodec codec = new JwtCodec(jwtSecret);
        Instant now = Instant.now();
        return new ProjectKeys(jwtSecret, apiKey(codec, "anon", now), apiKey(codec, "service_role", now));
    }

    private static String apiKey(JwtCodec codec, String role, Instant now) {
        return codec.sign(Map.of("iss", "supabase", "ref", "local", "role", role,
                "iat", now.getEpochSecond(), "exp", now.plus(KEY_LIFETIME).getEpochSecond()));
    }

    private static void write(Path file, ProjectKeys keys) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
            restrictToOwner(temporary);
        }
        Properties properties = new Properties();
        properties.setProperty("jwt_secret", keys.jwtSecret());
        properties.setProperty("anon_key", keys.anonKey());
        properties.setProperty("service_role_key", keys.serviceRoleKey());
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "FieldDesk local-backend project keys - secret, never commit or share");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** On Windows: drop everyone but the owner from the file's ACL. */
    private static void restrictToOwner(Path file) {
        java.io.File asFile = file.toFile();
        asFile.setReadable(false, false);
        asFile.setWritable(false, false);
        asFile.setReadable(true, true);
        asFile.setWritable(true, true);
    }

    private static String required(Properties properties, String name, Path file) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The project keys file " + file + " lacks " + name
                    + "; delete it (or start with --reset) to generate new keys");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ProjectKeys[secret hidden]";
    }
}
