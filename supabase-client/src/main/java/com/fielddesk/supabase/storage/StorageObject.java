package com.fielddesk.supabase.storage;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One entry of a listing. Folders come back with a null {@code id}. */
public record StorageObject(String id, String name, Instant createdAt, Instant updatedAt, JsonNode metadata) {

    public boolean isFolder() {
        return id == null;
    }
}
