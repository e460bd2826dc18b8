package com.fielddesk.localbackend.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code auth.users}, as the Auth server needs it. Metadata stays JSON text. */
public record AuthUser(UUID id, String aud, String role, String email, String phone, String encryptedPassword,
                       OffsetDateTime emailConfirmedAt, OffsetDateTime lastSignInAt, String appMetadataJson,
                       String userMetadataJson, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       OffsetDateTime bannedUntil, boolean anonymous) {

    public boolean bannedAt(OffsetDateTime now) {
        return bannedUntil != null && bannedUntil.isAfter(now);
    }
}
