package com.fielddesk.desktop.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.NetworkException;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.ServerUnavailableException;
import com.fielddesk.supabase.errors.SupabaseException;
import com.fielddesk.supabase.rest.Filter;
import com.fielddesk.supabase.rest.SelectQuery;

import java.util.List;
import java.util.Optional;

/**
 * The sync engine's port over supabase-client, pull side. offline-cache names a
 * {@code com.fielddesk.cache.http} adapter that had not landed when this console was built; this
 * covers what the lead screens need (watermark, keyset pages, single rows). Pushing the outbox
 * waits for that adapter (the server's batch-apply function ships with it).
 */
final class SupabaseRemoteTables implements RemoteTables {

    private final SupabaseClient supabase;
    private final ServerReachability reachability;

    SupabaseRemoteTables(SupabaseClient supabase, ServerReachability reachability) {
        this.supabase = supabase;
        this.reachability = reachability;
    }

    @Override
    public long watermark() throws RemoteException {
        return call(() -> supabase.rpc("sync_watermark", java.util.Map.of()).returning(Long.class));
    }

    @Override
    public List<ObjectNode> fetchPage(String table, long fromXid, PageKey after, int limit) throws RemoteException {
        return call(() -> {
            SelectQuery query = supabase.from(table).select("*").gte("sync_xid", Long.toString(fromXid));
            if (after != null) {
                String xid = Long.toString(after.syncXid());
                query = query.or(Filter.gt("sync_xid", xid),
                        Filter.and(Filter.eq("sync_xid", xid), Filter.gt("id", after.id())));
            }
            return query.order("sync_xid").order("id").limit(limit).list(ObjectNode.class);
        });
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        return call(() -> supabase.from(table).select("*").eq("id", id).maybeSingle(ObjectNode.class));
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        throw new RemoteException("Uploading local changes needs offline-cache's server adapter, which this "
                + "build does not include yet; " + batch.size() + " change(s) stay queued.", false, null, null);
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(Call<T> call) throws RemoteException {
        try {
            T answer = call.run();
            reachability.report(true);
            return answer;
        } catch (NetworkException | ServerUnavailableException e) {
            reachability.report(false);
            throw new RemoteException(e.getMessage(), true, e.retryAfter().orElse(null), e);
        } catch (NotAuthenticatedException e) {
            reachability.report(true);
            throw new SessionExpiredException("Your session has ended: " + e.getMessage(), e);
        } catch (SupabaseException e) {
            reachability.report(true);
            throw new RemoteException(e.getMessage(), e.isRetryable(), e.retryAfter().orElse(null), e);
        }
    }
}
