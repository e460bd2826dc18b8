package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.LeadId;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.desktop.ui.ServerRefusal;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim and decline through the server's functions ({@code claim_service_request},
 * {@code decline_service_request}), then a pull of the tables they change so the cache — and so
 * the screen — shows the result.
 */
public final class ServerLeadActions implements LeadActions {

    private static final Logger log = LoggerFactory.getLogger(ServerLeadActions.class);

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
            LeadActionException failure = failed(e, "claim", lead);
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
            throw failed(e, "decline", lead);
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

    /** The failure as the user reads it; what the server said goes to the log. */
    private static LeadActionException failed(SupabaseException e, String verb, LeadId lead) {
        LeadActionException failure = translate(e, verb);
        log.info("Could not {} lead {} ({}): {}", verb, lead, failure.reason(), e.toString());
        return failure;
    }

    static LeadActionException translate(SupabaseException e, String verb) {
        if (e instanceof NotAuthenticatedException) {
            return new LeadActionException(LeadActionException.Reason.SESSION_EXPIRED,
                    "Your session has ended. Sign in again to " + verb + " leads.", e);
        }
        if (e instanceof NetworkException || e instanceof RequestTimeoutException || e instanceof ServerUnavailableException) {
            return new LeadActionException(LeadActionException.Reason.OFFLINE,
                    "Cannot reach the server, so the lead was not " + (verb.equals("claim") ? "claimed" : "declined")
                            + ". Try again when you are back online.", e);
        }
        // A refusal: one sentence from the server's answer, the same wording as rejected sync writes.
        ServerRefusal refusal = ServerRefusal.of(e);
        String code = e.code() == null ? "" : e.code();
        LeadActionException.Reason reason;
        if (refusal instanceof ServerRefusal.AlreadyClaimed) {
            reason = LeadActionException.Reason.ALREADY_CLAIMED;
        } else if (e instanceof NotFoundException || code.equals("lead_not_found")) {
            reason = LeadActionException.Reason.NOT_FOUND;
        } else if (e instanceof ForbiddenException || code.equals("not_eligible")) {
            reason = LeadActionException.Reason.NOT_ELIGIBLE;
        } else {
            reason = LeadActionException.Reason.REFUSED;
        }
        String sentence = switch (reason) {
            case ALREADY_CLAIMED -> "Too late — " + lowerFirst(refusal.sentence());
            case NOT_FOUND -> refusal instanceof ServerRefusal.Explained ? refusal.sentence()
                    : "This lead is no longer available (expired or withdrawn by the customer).";
            case NOT_ELIGIBLE -> refusal instanceof ServerRefusal.Explained ? refusal.sentence()
                    : "Your company cannot " + verb + " this lead (not in your trades or area, or already declined).";
            default -> "The lead was not " + (verb.equals("claim") ? "claimed" : "declined") + ": "
                    + lowerFirst(refusal.sentence());
        };
        return new LeadActionException(reason, sentence, refusal.details(), e);
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
