package com.fielddesk.desktop.leads;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.ConflictException;
import com.fielddesk.supabase.errors.ForbiddenException;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.NotFoundException;
import com.fielddesk.supabase.errors.RequestTimeoutException;
import com.fielddesk.supabase.errors.ServerUnavailableException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claim and decline through the server's functions ({@code claim_service_request},
 * {@code decline_service_request}), then a pull of the tables they change so the cache — and so
 * the screen — shows the result.
 */
public final class ServerLeadActions implements LeadActions {

    /** Pulls the named tables into the cache (the sync engine's targeted pull). */
    @FunctionalInterface
    public interface TablePuller {
        void pull(List<String> tables) throws RemoteException;
    }

    static final List<String> TABLES_A_CLAIM_CHANGES =
            List.of("lead_pool", "customers", "customer_addresses", "service_requests", "work_orders");

    private final SupabaseClient supabase;
    private final TablePuller puller;

    public ServerLeadActions(SupabaseClient supabase, TablePuller puller) {
        this.supabase = supabase;
        this.puller = puller;
    }

    @Override
    public void claim(LeadId lead) throws LeadActionException {
        try {
            supabase.rpc("claim_service_request", Map.of("service_request_id", lead.toString())).execute();
        } catch (SupabaseException e) {
            LeadActionException failure = translate(e, "claim");
            if (failure.reason() == LeadActionException.Reason.ALREADY_CLAIMED
                    || failure.reason() == LeadActionException.Reason.NOT_FOUND) {
                refreshQuietly(List.of("lead_pool"));
            }
            throw failure;
        }
        refresh(TABLES_A_CLAIM_CHANGES);
    }

    @Override
    public void decline(LeadId lead, DeclineReason reason, String note) throws LeadActionException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("service_request_id", lead.toString());
        arguments.put("reason", reason.code());
        arguments.put("note", note);
        try {
            supabase.rpc("decline_service_request", arguments).execute();
        } catch (SupabaseException e) {
            throw translate(e, "decline");
        }
        refresh(List.of("lead_pool"));
    }

    private void refresh(List<String> tables) throws LeadActionException {
        try {
            puller.pull(tables);
        } catch (RemoteException e) {
            // The server already did it; only the local copy is late and the next sync brings it.
            throw new LeadActionException(LeadActionException.Reason.OFFLINE,
                    "Done on the server, but the connection dropped before the result arrived; it appears after the next sync.", e);
        }
    }

    private void refreshQuietly(List<String> tables) {
        try {
            puller.pull(tables);
        } catch (RemoteException ignored) {
            // The claim's own error is what the user needs; the pool catches up on the next sync.
        }
    }

    static LeadActionException translate(SupabaseException e, String verb) {
        String code = e.code() == null ? "" : e.code();
        if (e instanceof ConflictException && code.equals("already_claimed")) {
            return new LeadActionException(LeadActionException.Reason.ALREADY_CLAIMED,
                    "Too late — this lead was already claimed by another company.", e);
        }
        if (e instanceof NotFoundException || code.equals("lead_not_found")) {
            return new LeadActionException(LeadActionException.Reason.NOT_FOUND,
                    "This lead is no longer available (expired or withdrawn by the customer).", e);
        }
        if (e instanceof ForbiddenException || code.equals("not_eligible")) {
            return new LeadActionException(LeadActionException.Reason.NOT_ELIGIBLE,
                    "Your company cannot " + verb + " this lead (not in your trades or area, or already declined).", e);
        }
        if (e instanceof NotAuthenticatedException) {
            return new LeadActionException(LeadActionException.Reason.SESSION_EXPIRED,
                    "Your session has ended. Sign in again to " + verb + " leads.", e);
        }
        if (e instanceof NetworkException || e instanceof RequestTimeoutException || e instanceof ServerUnavailableException) {
            return new LeadActionException(LeadActionException.Reason.OFFLINE,
                    "Cannot reach the server, so the lead was not " + (verb.equals("claim") ? "claimed" : "declined")
                            + ". Try again when you are back online.", e);
        }
        return new LeadActionException(LeadActionException.Reason.REFUSED,
                "The server refused to " + verb + " the lead: " + e.getMessage(), e);
    }
}
