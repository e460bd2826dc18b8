package com.fielddesk.desktop.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.repository.TableRepository;
import com.fielddesk.desktop.app.feature.RecordKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Global search over what is in the cache, so it works offline. */
public final class CachedSearch {

    private static final int LIMIT_PER_KIND = 8;

    private final TableRepository customers;
    private final TableRepository leadPool;
    private final TableRepository serviceRequests;
    private final TableRepository workOrders;

    public CachedSearch(TableRepository customers, TableRepository leadPool, TableRepository serviceRequests,
                        TableRepository workOrders) {
        this.customers = customers;
        this.leadPool = leadPool;
        this.serviceRequests = serviceRequests;
        this.workOrders = workOrders;
    }

    public List<SearchResult> search(String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<SearchResult> results = new ArrayList<>();
        if (needle.length() < 2) {
            return results;
        }
        collect(results, customers.list(), needle, RecordKind.CUSTOMER,
                row -> text(row, "full_name"), row -> join(text(row, "phone"), text(row, "email")),
                "full_name", "email", "phone");
        collect(results, leadPool.list(), needle, RecordKind.LEAD,
                row -> text(row, "trade").toUpperCase(Locale.ROOT) + " · " + text(row, "city") + " " + text(row, "postal_code"),
                row -> excerpt(text(row, "description")), "description", "city", "postal_code", "trade");
        collect(results, serviceRequests.list(), needle, RecordKind.LEAD,
                row -> text(row, "customer_name") + " (claimed)", row -> excerpt(text(row, "description")),
                "customer_name", "description", "city", "street_address", "customer_phone");
        collect(results, workOrders.list(), needle, RecordKind.JOB,
                row -> "#" + text(row, "number") + " " + text(row, "title"), row -> text(row, "status"),
                "title", "description", "number");
        return results;
    }

    private interface Text {
        String of(ObjectNode row);
    }

    private static void collect(List<SearchResult> into, List<ObjectNode> rows, String needle, RecordKind kind,
                                Text title, Text subtitle, String... columns) {
        int found = 0;
        for (ObjectNode row : rows) {
            if (!row.path("deleted_at").isNull() && row.has("deleted_at")) {
                continue;
            }
            for (String column : columns) {
                if (text(row, column).toLowerCase(Locale.ROOT).contains(needle)) {
                    SearchResult result = new SearchResult(kind, text(row, "id"), title.of(row), subtitle.of(row));
                    // A lead leaving the pool as it is claimed can be in both lists for a moment: show it once.
                    if (into.stream().noneMatch(earlier -> earlier.record().equals(result.record()))) {
                        into.add(result);
                        found++;
                    }
                    break;
                }
            }
            if (found >= LIMIT_PER_KIND) {
                return;
            }
        }
    }

    private static String text(ObjectNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String join(String a, String b) {
        return a.isBlank() ? b : b.isBlank() ? a : a + " · " + b;
    }

    private static String excerpt(String text) {
        return text.length() <= 70 ? text : text.substring(0, 69) + "…";
    }
}
