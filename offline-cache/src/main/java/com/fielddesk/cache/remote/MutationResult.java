package com.fielddesk.cache.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * The server's answer for one mutation.
 *
 * @param details the facts of a refusal as the server sent them ({@code {"code": …, …}}), or null when
 *                it sent none (older servers, or nothing refused)
 * @param row the row as it is on the server after this mutation (null when it does not exist or is
 *            not visible): applied → the new state; duplicate → today's state; conflict → the state
 *            that won; rejected → the state to fall back to
 */
public record MutationResult(UUID mutationId, Status status, String code, String message, JsonNode details,
                             ObjectNode row) {

    /** An answer without facts (servers before refusal details, or no refusal at all). */
    public MutationResult(UUID mutationId, Status status, String code, String message, ObjectNode row) {
        this(mutationId, status, code, message, null, row);
    }

    public enum Status {
        /** Applied now. */
        APPLIED,
        /** Applied by an earlier attempt; nothing was done again. */
        DUPLICATE,
        /** The base version is stale; nothing was done; {@code row} is the server's. */
        CONFLICT,
        /** Refused by validation, RLS or a constraint; nothing was done. */
        REJECTED,
        /** Not attempted because an earlier mutation of the same row in the batch did not apply. */
        DEFERRED
    }
}
