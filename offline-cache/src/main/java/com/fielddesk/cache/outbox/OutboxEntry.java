package com.fielddesk.cache.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One queued local change.
 *
 * @param changes            the columns this change sets (for an insert: the whole row the user wrote)
 * @param baseValues         for an update, the values those columns had before the change (for the field merge)
 * @param baseVersion        the server version the change was made on (null for an insert or an unsynced row)
 * @param errorDetails       for a quarantined change, the facts the server gave with its refusal code
 *                           ({@code {"code": …, …}}), or null (none sent)
 * @param previousMutationId the preceding queued change of the same row, if any: the server accepts
 *                           this one when the row was last written by that one, whatever its version
 */
public record OutboxEntry(long seq, UUID mutationId, String table, String rowId, Operation operation,
                          ObjectNode changes, ObjectNode baseValues, Long baseVersion, UUID previousMutationId,
                          State state, int attempts, String errorCode, String errorMessage, JsonNode errorDetails,
                          Instant createdAt) {

    public enum State { PENDING, QUARANTINED }
}
