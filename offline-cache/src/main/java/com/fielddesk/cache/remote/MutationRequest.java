package com.fielddesk.cache.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Operation;

import java.util.UUID;

/** One outbox entry as sent to {@code apply_mutations}. */
public record MutationRequest(UUID mutationId, String table, String rowId, Operation operation, ObjectNode changes,
                              Long baseVersion, UUID previousMutationId) {
}
