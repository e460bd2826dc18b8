package com.fielddesk.cache.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fielddesk.cache.calls.SupabaseFunctionPort;
import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.supabase.SupabaseClient;
import com.fielddesk.supabase.rest.SelectQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link AuditLogPort} over supabase-client: a PostgREST select on {@code audit_log} (the
 * audit_log_search RPC when the page filters by free text), and the verify RPC.
 */
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
        if (query.text().isPresent()) {
            return textSearch(query, query.text().get());
        }
        return SupabaseFunctionPort.translated(() -> {
            SelectQuery select = client.from("audit_log").select(COLUMNS);
            query.from().ifPresent(at -> select.gte("occurred_at", at.toString()));
            query.to().ifPresent(at -> select.lt("occurred_at", at.toString()));
            query.actor().ifPresent(actor -> select.eq("actor_id", actor));
            query.action().ifPresent(action -> select.eq("action", action));
            query.table().ifPresent(table -> select.eq("table_name", table));
            query.rowId().ifPresent(row -> select.eq("row_id", row));
            query.beforeSeq().ifPresent(seq -> select.lt("seq", seq));
            return select.order("seq", SelectQuery.Direction.DESC).limit(query.limit()).list(JsonNode.class);
        });
    }

    /**
     * A page with free text in the values: the server's audit_log_search (20261214100000), which
     * finds a rare text through the trigram index — through PostgREST's filter the row security
     * kept that index unused and the server read the whole chain (2–3 s over 1,000,000 entries).
     */
    private List<JsonNode> textSearch(AuditLogQuery query, String text) throws RemoteException {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("search", text);
        query.beforeSeq().ifPresent(seq -> arguments.put("before_seq", seq));
        query.from().ifPresent(at -> arguments.put("from_time", at.toString()));
        query.to().ifPresent(at -> arguments.put("to_time", at.toString()));
        query.actor().ifPresent(actor -> arguments.put("actor", actor.toString()));
        query.action().ifPresent(action -> arguments.put("action_is", action));
        query.table().ifPresent(table -> arguments.put("table_is", table));
        query.rowId().ifPresent(row -> arguments.put("record", row.toString()));
        arguments.put("max_rows", query.limit());
        JsonNode rows = functions.call("audit_log_search", arguments);
        List<JsonNode> page = new ArrayList<>();
        rows.forEach(page::add);
        return page;
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
