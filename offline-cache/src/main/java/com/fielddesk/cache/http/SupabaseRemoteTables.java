package com.fielddesk.cache.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.remote.JsonRows;
import com.fielddesk.cache.remote.MutationCodec;
import com.fielddesk.cache.remote.MutationRequest;
import com.fielddesk.cache.remote.MutationResult;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.cache.remote.RemotePage;
import com.fielddesk.cache.remote.RemoteTables;
import com.fielddesk.cache.remote.SessionExpiredException;
import com.fielddesk.cache.store.SyncedTable;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.errors.NotAuthenticatedException;
import com.fielddesk.supabase.errors.SupabaseException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's server port over supabase-client: {@code rpc/sync_page} for pulls and one
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

    /**
     * One call of {@code rpc/sync_page} (supabase/migrations/20261205200000_sync_page.sql): a
     * keyset page as one index range scan whatever the table's statistics, the values of the
     * cache's columns only, one array per row.
     */
    @Override
    public RemotePage fetchPage(SyncedTable table, long fromXid, PageKey after, int limit) throws RemoteException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("table_name", table.name());
        arguments.put("columns", table.columnNames());
        arguments.put("from_xid", fromXid);
        arguments.put("after_xid", after == null ? null : after.syncXid());
        arguments.put("after_id", after == null ? null : after.id());
        arguments.put("page_size", limit);
        // A read: safe to repeat after a lost answer.
        return call(() -> RemotePage.of(table, client.rpc("sync_page", arguments).idempotent().returning(JsonRows.class)));
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
