package com.fielddesk.cache.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.cache.status.SyncStatusTracker;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The server's functions the console calls directly (claim and decline a lead), through the
 * same status tracker as the sync engine's calls — so a claim that cannot connect turns the
 * status offline and one that is answered proves the server is there — followed by a targeted
 * pull of the tables the call changed, so the cache (and every screen on it) shows the result.
 */
public final class ServerFunctions {

    /** Pulls the named tables into the cache (the sync engine's targeted pull). */
    @FunctionalInterface
    public interface TablePuller {
        void pull(Collection<String> tables) throws RemoteException;
    }

    /** Removes a row from the cache only (no outbox entry): the server no longer shows it to this user. */
    @FunctionalInterface
    public interface RowForgetter {
        void forget(String table, String id);
    }

    /** What {@code claim_service_request} creates: the lead becomes this customer, address and job. */
    public record Claimed(UUID serviceRequestId, Optional<UUID> customerId, Optional<UUID> customerAddressId,
                          Optional<UUID> workOrderId) {
    }

    public static final List<String> TABLES_A_CLAIM_CHANGES =
            List.of("lead_pool", "customers", "customer_addresses", "service_requests", "work_orders");
    public static final List<String> TABLES_A_DECLINE_CHANGES = List.of("lead_pool");

    private final FunctionPort port;
    private final SyncStatusTracker status;
    private final TablePuller puller;
    private final RowForgetter forgetter;

    public ServerFunctions(FunctionPort port, SyncStatusTracker status, TablePuller puller, RowForgetter forgetter) {
        this.port = port;
        this.status = status;
        this.puller = puller;
        this.forgetter = forgetter;
    }

    /** Claims an open lead for the user's company (first claim wins). */
    public Claimed claimServiceRequest(UUID serviceRequestId) throws ServerCallException {
        JsonNode answer;
        try {
            answer = status.recorded(() -> port.call("claim_service_request",
                    Map.of("service_request_id", serviceRequestId.toString())));
        } catch (RemoteException e) {
            ServerCallException failure = failed(e, "claim");
            if (failure.kind() == ServerCallException.Kind.ALREADY_CLAIMED
                    || failure.kind() == ServerCallException.Kind.NOT_FOUND) {
                // The lead is gone for us: take it out of the pool now rather than at the next sync.
                pullQuietly(TABLES_A_DECLINE_CHANGES);
            }
            throw failure;
        }
        pull(TABLES_A_CLAIM_CHANGES);
        return new Claimed(serviceRequestId, uuid(answer, "customer_id"), uuid(answer, "customer_address_id"),
                uuid(answer, "work_order_id"));
    }

    /**
     * Declines a lead for the user's company with a reason code ({@code decline_service_request}
     * checks it) and an optional note.
     */
    public void declineServiceRequest(UUID serviceRequestId, String reason, String note) throws ServerCallException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("service_request_id", serviceRequestId.toString());
        arguments.put("reason", reason);
        arguments.put("note", note);
        try {
            status.recorded(() -> port.call("decline_service_request", arguments));
        } catch (RemoteException e) {
            throw failed(e, "decline");
        }
        // A decline changes no pool row (so no pull would see it); the server just stops showing
        // the lead to this company. Take it out of the cache the same way.
        forgetter.forget("lead_pool", serviceRequestId.toString());
        pull(TABLES_A_DECLINE_CHANGES);
    }

    private void pull(List<String> tables) throws ServerCallException {
        try {
            puller.pull(tables);
        } catch (RemoteException e) {
            throw new ServerCallException(ServerCallException.Kind.DONE_NOT_YET_SHOWN,
                    "Done on the server; the cache could not pull the result yet: " + e.getMessage(), e);
        }
    }

    private void pullQuietly(List<String> tables) {
        try {
            puller.pull(tables);
        } catch (RemoteException ignored) {
            // The call's own failure is what the caller needs; the pool catches up on the next sync.
        }
    }

    static ServerCallException failed(RemoteException e, String verb) {
        if (e instanceof SessionExpiredException) {
            return new ServerCallException(ServerCallException.Kind.SESSION_EXPIRED, e.getMessage(), e);
        }
        if (!(e instanceof RefusedCallException refused)) {
            return new ServerCallException(e.isRetryable() ? ServerCallException.Kind.OFFLINE
                    : ServerCallException.Kind.REFUSED, "Could not " + verb + ": " + e.getMessage(), e);
        }
        String code = refused.refusalCode().orElse("");
        ServerCallException.Kind kind;
        if (code.equals("already_claimed")) {
            kind = ServerCallException.Kind.ALREADY_CLAIMED;
        } else if (code.equals("lead_not_found") || refused.httpStatus() == 404) {
            kind = ServerCallException.Kind.NOT_FOUND;
        } else if (code.equals("not_eligible") || refused.httpStatus() == 403) {
            kind = ServerCallException.Kind.NOT_ELIGIBLE;
        } else {
            kind = ServerCallException.Kind.REFUSED;
        }
        return new ServerCallException(kind, refused.getMessage(), refused);
    }

    private static Optional<UUID> uuid(JsonNode answer, String field) {
        if (answer == null || !answer.hasNonNull(field)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(answer.get(field).asText()));
    }
}
