package com.fielddesk.supabase.auth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/** The signed-in user as Auth describes it (the subset FieldDesk reads). */
public record AuthUser(UUID id, String email, String role, String aud, JsonNode appMetadata, JsonNode userMetadata) {
}
