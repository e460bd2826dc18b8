package com.fielddesk.desktop.leads;

import com.fielddesk.cache.calls.ServerCallException;
import com.fielddesk.cache.calls.ServerFunctions;
import com.fielddesk.desktop.ui.ServerRefusal;
import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.LeadId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim and decline through offline-cache's {@link ServerFunctions} — which records every answer
 * or failure in the sync status (so "online" stays true to what happened) and pulls what the
 * call changed into the cache — worded here as one sentence for the dispatcher.
 */
public final class ServerLeadActions implements LeadActions {

    private static final Logger log = LoggerFactory.getLogger(ServerLeadActions.class);

    private final ServerFunctions functions;

    public ServerLeadActions(ServerFunctions functions) {
        this.functions = functions;
    }

    @Override
    public void claim(LeadId lead) throws LeadActionException {
        try {
            functions.claimServiceRequest(lead.value());
        } catch (ServerCallException e) {
            throw failed(e, "claim", lead);
        }
    }

    @Override
    public void decline(LeadId lead, DeclineReason reason, String note) throws LeadActionException {
        try {
            functions.declineServiceRequest(lead.value(), reason.code(), note);
        } catch (ServerCallException e) {
            throw failed(e, "decline", lead);
        }
    }

    /** The failure as the user reads it; what the server said goes to the log. */
    private static LeadActionException failed(ServerCallException e, String verb, LeadId lead) {
        LeadActionException failure = translate(e, verb);
        log.info("Could not {} lead {} ({}): {} {}", verb, lead, failure.reason(), e.getMessage(),
                e.details().map(Object::toString).orElse(""));
        return failure;
    }

    static LeadActionException translate(ServerCallException e, String verb) {
        String done = verb.equals("claim") ? "claimed" : "declined";
        switch (e.kind()) {
            case SESSION_EXPIRED:
                return new LeadActionException(LeadActionException.Reason.SESSION_EXPIRED,
                        "Your session has ended. Sign in again to " + verb + " leads.", e);
            case OFFLINE:
                return new LeadActionException(LeadActionException.Reason.OFFLINE,
                        "Cannot reach the server, so the lead was not " + done + ". Try again when you are back online.", e);
            case DONE_NOT_YET_SHOWN:
                // The server already did it; only the local copy is late and the next sync brings it.
                return new LeadActionException(LeadActionException.Reason.OFFLINE,
                        "Done on the server, but the connection dropped before the result arrived; it appears after the next sync.", e);
            default:
                break;
        }
        // A refusal: one sentence from the server's code and answer, the same wording as rejected sync writes.
        // The PostgREST code and the details as sent: ServerRefusal reads a coded refusal's JSON itself.
        String details = e.details().map(node -> node.isTextual() ? node.asText() : node.toString()).orElse(null);
        ServerRefusal refusal = ServerRefusal.of(e.code().orElse(null), e.serverMessage().orElse(null), details);
        LeadActionException.Reason reason = switch (e.kind()) {
            case ALREADY_CLAIMED -> LeadActionException.Reason.ALREADY_CLAIMED;
            case NOT_FOUND -> LeadActionException.Reason.NOT_FOUND;
            case NOT_ELIGIBLE -> LeadActionException.Reason.NOT_ELIGIBLE;
            default -> LeadActionException.Reason.REFUSED;
        };
        String sentence = switch (reason) {
            case ALREADY_CLAIMED -> "Too late — " + lowerFirst(refusal.sentence());
            case NOT_FOUND -> refusal instanceof ServerRefusal.Explained ? refusal.sentence()
                    : "This lead is no longer available (expired or withdrawn by the customer).";
            case NOT_ELIGIBLE -> refusal instanceof ServerRefusal.Explained ? refusal.sentence()
                    : "Your company cannot " + verb + " this lead (not in your trades or area, or already declined).";
            default -> "The lead was not " + done + ": " + lowerFirst(refusal.sentence());
        };
        return new LeadActionException(reason, sentence, refusal.details(), e);
    }

    private static String lowerFirst(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
