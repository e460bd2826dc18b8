package com.fielddesk.supabase.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What to listen to: {@code PostgresChangesFilter.table("public", "service_requests").on(ChangeType.INSERT)
 * .where("company_id", "eq", companyId)}. Realtime filters support eq, neq, lt, lte, gt, gte and in.
 */
public record PostgresChangesFilter(ChangeType event, String schema, String table, String filter) {

    public PostgresChangesFilter {
        if (schema == null || schema.isBlank() || table == null || table.isBlank()) {
            throw new IllegalArgumentException("schema and table are required");
        }
    }

    public static PostgresChangesFilter table(String schema, String table) {
        return new PostgresChangesFilter(ChangeType.ALL, schema, table, null);
    }

    public PostgresChangesFilter on(ChangeType changeType) {
        return new PostgresChangesFilter(changeType, schema, table, filter);
    }

    public PostgresChangesFilter where(String column, String operator, Object value) {
        if (!operator.matches("eq|neq|lt|lte|gt|gte|in")) {
            throw new IllegalArgumentException("Realtime does not filter with " + operator);
        }
        return new PostgresChangesFilter(event, schema, table, column + "=" + operator + "." + value);
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("event", event.wireName()).put("schema", schema).put("table", table);
        if (filter != null) {
            node.put("filter", filter);
        }
        return node;
    }
}
