package com.fielddesk.cache.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's server port over supabase-client: PostgREST reads for pulls and one
 * {@code rpc/apply_mutations} call per push batch. Session refresh on a 401 (once) is the
 * client's job; a refresh the server refuses surfaces as {@link SessionExpiredException}.
 */
public final class SupabaseRemoteTables implements RemoteTables {

    private final SupabaseClient client;

    public SupabaseRemoteTables(SupabaseClient client) {
        this.client = client;
    }

    @Override
    public long watermark() throws RemoteException {
        return call(() -> {
            Long value = client.rpc("sync_watermark", null).readOnly().returning(Long.class);
            if (value == null) {
                throw new IllegalStateException("sync_watermark returned nothing");
            }
            return value;
        });
    }

    @Override
    public List<ObjectNode> fetchPage(String table, long fromXid, PageKey after, int limit) throws RemoteException {
        return call(() -> {
            if (after == null) {
                return client.from(table).select("*").gte("sync_xid", fromXid)
                        .order("sync_xid").order("id").limit(limit).list(ObjectNode.class);
            }
            // Keyset "(sync_xid, id) > after" as two index range scans: PostgREST has no row
            // comparison, and an or=(…) filter would make PostgreSQL scan and sort the whole table
            // for every page. First the rest of the last page's transaction, then later ones.
            List<ObjectNode> page = new ArrayList<>(client.from(table).select("*").eq("sync_xid", after.syncXid())
                    .gt("id", after.id()).order("id").limit(limit).list(ObjectNode.class));
            if (page.size() < limit) {
                page.addAll(client.from(table).select("*").gt("sync_xid", Math.max(after.syncXid(), fromXid - 1))
                        .order("sync_xid").order("id").limit(limit - page.size()).list(ObjectNode.class));
            }
            return page;
        });
    }

    @Override
    public Optional<ObjectNode> fetchRow(String table, String id) throws RemoteException {
        return call(() -> client.from(table).select("*").eq("id", id).maybeSingle(ObjectNode.class));
    }

    @Override
    public List<MutationResult> applyMutations(List<MutationRequest> batch) throws RemoteException {
        ArrayNode body = MutationCodec.encode(batch);
        // Safe to resend: the server's ledger turns a repeat into "duplicate".
        return call(() -> MutationCodec.decode(client.rpc("apply_mutations", Map.of("mutations", body))
                .idempotent().returning(ArrayNode.class)));
    }

    private interface Call<T> {
        T run();
    }

    private static <T> T call(Call<T> call) throws RemoteException {
        try {
            return call.run();
        } catch (NotAuthenticatedException e) {
            throw new SessionExpiredException(e.getMessage(), e);
        } catch (SupabaseException e) {
            throw new RemoteException(e.getMessage(), e.isRetryable(), e.retryAfter().orElse(null), e);
        } catch (RuntimeException e) {
            // Garbled answers (e.g. a proxy cut the body): treat like a network failure and retry.
            throw new RemoteException("Unexpected answer from the server: " + e.getMessage(), true, null, e);
        }
    }
}
