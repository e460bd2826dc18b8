package com.fielddesk.supabase.rest;

import com.fielddesk.supabase.errors.ValidationException;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GET on a table or view. Reads are idempotent and retried with backoff on transient failures. */
public final class SelectQuery extends FilteredRequest<SelectQuery> {

    public enum Direction { ASC, DESC }

    public enum Nulls { FIRST, LAST }

    private final RestClient rest;
    private final String table;
    private final String columns;
    private final Map<String, List<String>> orders = new LinkedHashMap<>();
    private Long offset;
    private Long limit;
    private CountMethod count;

    SelectQuery(RestClient rest, String table, String columns) {
        this.rest = rest;
        this.table = table;
        this.columns = Columns.clean(columns);
    }

    @Override
    protected SelectQuery self() {
        return this;
    }

    public SelectQuery order(String column) {
        return order(column, Direction.ASC);
    }

    public SelectQuery order(String column, Direction direction) {
        return addOrder("order", column, direction, null);
    }

    public SelectQuery order(String column, Direction direction, Nulls nulls) {
        return addOrder("order", column, direction, nulls);
    }

    /** Orders the rows of an embedded resource: {@code orderEmbedded("items", "position", ASC)} → {@code items.order=position.asc}. */
    public SelectQuery orderEmbedded(String embed, String column, Direction direction) {
        return addOrder(embed + ".order", column, direction, null);
    }

    /** Rows {@code from}..{@code to}, both inclusive and 0-based (supabase-js {@code range}). */
    public SelectQuery range(long from, long to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("invalid range " + from + ".." + to);
        }
        this.offset = from;
        this.limit = to - from + 1;
        return this;
    }

    public SelectQuery limit(long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = maxRows;
        return this;
    }

    /** Ask for the total row count; read it with {@link #page(Class)}. */
    public SelectQuery count(CountMethod method) {
        this.count = method;
        return this;
    }

    public <T> List<T> list(Class<T> rowType) {
        return rest.readList(send(false), rowType);
    }

    /** Rows plus the total count (requires {@link #count(CountMethod)}). */
    public <T> Page<T> page(Class<T> rowType) {
        ApiResponse response = send(false);
        return new Page<>(rest.readList(response, rowType), Page.parseTotal(response.header("Content-Range")));
    }

    /** Just the number of matching rows (HEAD, no rows transferred). */
    public long countRows() {
        if (count == null) {
            count = CountMethod.EXACT;
        }
        ApiResponse response = rest.execute(ApiRequest.head(rest.url(table, parameters()).build())
                .header("Prefer", count.preference()));
        return Page.parseTotal(response.header("Content-Range"))
                .orElseThrow(() -> new IllegalStateException("server sent no count in Content-Range"));
    }

    /** Exactly one row; 0 rows → {@link com.fielddesk.supabase.errors.NotFoundException}, more → {@link ValidationException} (PGRST116). */
    public <T> T single(Class<T> rowType) {
        return rest.readValue(send(true), rowType);
    }

    /** Zero or one row; more than one → {@link ValidationException} (PGRST116). */
    public <T> Optional<T> maybeSingle(Class<T> rowType) {
        List<T> rows = list(rowType);
        if (rows.size() > 1) {
            throw new ValidationException(406, "PGRST116", "JSON object requested, multiple (or no) rows returned",
                    "The result contains " + rows.size() + " rows", null);
        }
        return rows.stream().findFirst();
    }

    private ApiResponse send(boolean singleObject) {
        ApiRequest request = ApiRequest.get(rest.url(table, parameters()).build());
        if (singleObject) {
            request.header("Accept", RestClient.SINGLE_OBJECT);
        }
        if (count != null) {
            request.header("Prefer", count.preference());
        }
        return rest.execute(request);
    }

    private List<Map.Entry<String, String>> parameters() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        parameters.add(Map.entry("select", columns));
        parameters.addAll(filterParameters());
        orders.forEach((key, terms) -> parameters.add(Map.entry(key, String.join(",", terms))));
        if (offset != null && offset > 0) {
            parameters.add(Map.entry("offset", Long.toString(offset)));
        }
        if (limit != null) {
            parameters.add(Map.entry("limit", Long.toString(limit)));
        }
        return parameters;
    }

    private SelectQuery addOrder(String key, String column, Direction direction, Nulls nulls) {
        RestClient.requireIdentifier(column, "order column");
        String term = column + "." + direction.name().toLowerCase(java.util.Locale.ROOT);
        if (nulls != null) {
            term += ".nulls" + nulls.name().toLowerCase(java.util.Locale.ROOT);
        }
        orders.computeIfAbsent(key, k -> new ArrayList<>()).add(term);
        return this;
    }

    /** The query string this request sends, e.g. for logs and tests. */
    public String toQueryString() {
        return rest.url(table, parameters()).build().encodedQuery();
    }
}
