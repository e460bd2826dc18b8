package com.fielddesk.cache.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.rest.SelectQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link AuditLogPort} over supabase-client: a PostgREST select on {@code audit_log}, and the verify RPC. */
public final class SupabaseAuditLogPort implements AuditLogPort {

    private static final String COLUMNS = "id,seq,occurred_at,actor_id,actor_role,action,table_name,row_id,old_values,"
            + "new_values,prev_hash,hash";

    private final SupabaseClient client;
    private final SupabaseFunctionPort functions;

    public SupabaseAuditLogPort(SupabaseClient client) {
        this.client = client;
        this.functions = new SupabaseFunctionPort(client);
    }

    @Override
    public List<JsonNode> page(AuditLogQuery query) throws RemoteException {
        return SupabaseFunctionPort.translated(() -> {
            SelectQuery select = client.from("audit_log").select(COLUMNS);
            query.from().ifPresent(at -> select.gte("occurred_at", at.toString()));
            query.to().ifPresent(at -> select.lt("occurred_at", at.toString()));
            query.actor().ifPresent(actor -> select.eq("actor_id", actor));
            query.action().ifPresent(action -> select.eq("action", action));
            query.table().ifPresent(table -> select.eq("table_name", table));
            query.rowId().ifPresent(row -> select.eq("row_id", row));
            // values_text: the old and new values' text (a generated column, 20261208100000_audit_free_text.sql).
            query.text().ifPresent(text -> select.ilike("values_text", AuditLogQuery.containing(text)));
            query.beforeSeq().ifPresent(seq -> select.lt("seq", seq));
            return select.order("seq", SelectQuery.Direction.DESC).limit(query.limit()).list(JsonNode.class);
        });
    }

    @Override
    public JsonNode verify(UUID company) throws RemoteException {
        return functions.call("verify_audit_chain", Map.of("company_id", company.toString()));
    }

    @Override
    public List<JsonNode> hashes(UUID company, Collection<Long> seqs) throws RemoteException {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return SupabaseFunctionPort.translated(() -> client.from("audit_log").select("seq,hash").eq("company_id", company)
                .in("seq", seqs).list(JsonNode.class));
    }
}
