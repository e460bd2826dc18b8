package com.fielddesk.cache.calls;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Why a server function (claim, decline) did not happen — or did, but its result is not in the
 * cache yet. The UI words it from {@link #kind()} and {@link #refusalCode()}; the server's text
 * ({@link #getMessage()}) is for the log and a details line.
 */
public final class ServerCallException extends Exception {

    public enum Kind {
        /** Someone (another company or a colleague) claimed the lead first. */
        ALREADY_CLAIMED,
        /** The company may not take this lead (trade, area, opt-in, declined before, role). */
        NOT_ELIGIBLE,
        /** The lead does not exist (any more) for this user: expired, withdrawn, or never visible. */
        NOT_FOUND,
        /** The server was not reached; nothing happened. */
        OFFLINE,
        /** The session could not be refreshed; sign in again. */
        SESSION_EXPIRED,
        /** Another refusal; {@link #refusalCode()} and {@link #details()} say which. */
        REFUSED,
        /** The server did it, but the pull that brings the result into the cache failed; the next sync will. */
        DONE_NOT_YET_SHOWN
    }

    private final Kind kind;
    private final RefusedCallException refusal;

    ServerCallException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.refusal = cause instanceof RefusedCallException refused ? refused : null;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's refusal code ({@code details.code}, else PostgREST's code), when it refused. */
    public Optional<String> refusalCode() {
        return refusal == null ? Optional.empty() : refusal.refusalCode();
    }

    /** PostgREST's error code as sent, when the server refused. */
    public Optional<String> code() {
        return refusal == null ? Optional.empty() : Optional.ofNullable(refusal.code());
    }

    /** The server's message as sent, when it refused. */
    public Optional<String> serverMessage() {
        return refusal == null ? Optional.empty() : Optional.ofNullable(refusal.serverMessage());
    }

    /** The refusal's details (a JSON object of facts from servers that send them), when it refused. */
    public Optional<JsonNode> details() {
        return refusal == null ? Optional.empty() : Optional.ofNullable(refusal.details());
    }
}
