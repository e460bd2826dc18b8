package com.fielddesk.cache.conflict;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A field both this user and someone else changed; the server's value was kept. */
public record ConflictRecord(long id, String table, String rowId, String column, JsonNode localValue,
                             JsonNode serverValue, Long serverVersion, Instant createdAt) {
}
