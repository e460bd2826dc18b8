package com.fielddesk.cache.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.remote.RemoteException;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The server's audit log as the supervisors' screen reads it: it is not cached (millions of
 * entries), so every read asks the server, with the signed-in person's token — the server's row
 * security decides who may read it. Failures are the engine's kinds: a retryable
 * {@link RemoteException} (not reached), {@link com.fielddesk.cache.calls.RefusedCallException}
 * (the server said no), {@link com.fielddesk.cache.remote.SessionExpiredException}.
 */
public interface AuditLogPort {

    /** The entries, newest first (JSON rows: id, seq, occurred_at, actor_id, actor_role, action, table_name, row_id, old_values, new_values, prev_hash, hash). */
    List<JsonNode> page(AuditLogQuery query) throws RemoteException;

    /** The server's own chain check ({@code verify_audit_chain}): {ok, checked} or {ok: false, seq, id, reason}. */
    JsonNode verify(UUID company) throws RemoteException;

    /** The seq and hash of the entries with these sequence numbers (one request; a missing entry is not listed). */
    List<JsonNode> hashes(UUID company, Collection<Long> seqs) throws RemoteException;
}
