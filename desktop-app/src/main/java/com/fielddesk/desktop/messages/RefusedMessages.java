package com.fielddesk.desktop.messages;

import java.util.UUID;

/**
 * What the user can do with a message the server refused (its change waits in the sync queue,
 * quarantined): send it again — the same change, so the server applies it at most once — or
 * discard it, from this computer's copy and the queue. The console's sync engine does both (wired
 * in the composition root); the sync-issues list acts on the same changes. Blocking: called on a
 * background thread.
 */
public interface RefusedMessages {

    void resend(UUID change) throws Exception;

    void discard(UUID change) throws Exception;
}
