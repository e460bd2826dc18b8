package com.fielddesk.localbackend.demo;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A per-table fingerprint of everything in a database that the demo generator decides. Left out
 * are only values the database invents on its own: sync_xid and updated_at (transaction ids and
 * now()), bcrypt salts, and the ids and clock times of rows written by triggers (status history,
 * lead pool tombstones, audit entries and therefore their hashes).
 */
final class DemoDigest {

    private static final Map<String, String[]> TABLES = new LinkedHashMap<>();

    static {
        // table -> {columns left out, order}
        TABLES.put("auth.users", new String[] {"encrypted_password", "id"});
        for (String table : DemoDataGenerator.COUNTED_TABLES) {
            if (table.startsWith("public.")) {
                TABLES.put(table, new String[] {"sync_xid,updated_at", "id"});
            }
        }
        TABLES.put("public.lead_pool", new String[] {"sync_xid,updated_at,created_at,deleted_at", "id"});
        TABLES.put("public.work_order_status_history",
                new String[] {"sync_xid,updated_at,created_at,id,changed_at", "r->>'work_order_id', r->>'status_field'"});
        TABLES.put("public.audit_log",
                new String[] {"sync_xid,updated_at,created_at,id,occurred_at,prev_hash,hash", "r->>'company_id', (r->>'seq')::bigint"});
    }

    private DemoDigest() {
    }

    /** Table name to md5 of its rows (as JSON, in a fixed order) with row count. */
    static Map<String, String> of(DataSource database) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
                String leftOut = "array['" + table.getValue()[0].replace(",", "','") + "']";
                String order = table.getValue()[1].equals("id") ? "r->>'id'" : table.getValue()[1];
                String sql = "select count(*) || ':' || md5(coalesce(string_agg(r::text, E'\\n' order by " + order
                        + "), '')) from (select to_jsonb(t) - " + leftOut + " as r from " + table.getKey() + " t) x";
                try (ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    digests.put(table.getKey(), result.getString(1));
                }
            }
        }
        return digests;
    }
}
