package com.fielddesk.desktop.leads;

import com.fielddesk.domain.leads.DeclineReason;
import com.fielddesk.domain.leads.LeadId;

/**
 * The lead actions that only the server can decide (first claim wins), so they go straight to
 * it rather than through the outbox; afterwards the affected tables are pulled into the cache,
 * which is where the screen reads the result from. Blocking: call from a background task.
 */
public interface LeadActions {

    void claim(LeadId lead) throws LeadActionException;

    void decline(LeadId lead, DeclineReason reason, String note) throws LeadActionException;
}
