package com.fielddesk.cache.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.store.SyncedTable;

import java.util.List;
import java.util.Optional;

/**
 * The server as the sync engine needs it. Implemented over supabase-client for real use
 * ({@code com.fielddesk.cache.http}); every call runs as the signed-in user, so RLS decides
 * what is returned and what may be written.
 */
public interface RemoteTables {

    /**
     * {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction that commits after this
     * call has a {@code sync_xid} at or above the value.
     */
    long watermark() throws RemoteException;

    /**
     * Rows of the table with {@code sync_xid >= fromXid} (tombstones included), ordered by
     * (sync_xid, id), strictly after {@code after} when given, at most {@code limit}; each row's
     * values in the order of the table's cache columns.
     */
    RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException;

    /** The current row, empty when it does not exist or is not visible to the user. */
    Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException;

    /** Applies a batch in one call; one result per mutation, in order. */
    List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException;

    /** The keyset position of the last row of a page. */
    record PageKey(long syncXid, String id) {
    }
}
