package com.fielddesk.supabase.rest;

import java.util.Locale;
import com.fielddesk.supabase.http.ApiRequest;
import com.fielddesk.supabase.http.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Insert, upsert, update or delete. Writes are not retried after a failure that may have reached
 * the server, unless the caller declares the write {@link #idempotent()} (e.g. an upsert with
 * client-generated ids and ignore-duplicates). Update and delete refuse to run without a filter
 * unless {@link #allRows()} says that is intended.
 */
public final class WriteQuery extends FilteredRequest<WriteQuery> {

    private enum Kind { INSERT, UPSERT, UPDATE, DELETE }

    private final RestClient rest;
    private final String table;
    private final Kind kind;
    private final Object body;
    private final List<String> onConflict = new ArrayList<>();
    private boolean ignoreDuplicates;
    private boolean idempotent;
    private boolean allRows;

    private WriteQuery(RestClient rest, String table, Kind kind, Object body) {
        this.rest = rest;
        this.table = table;
        this.kind = kind;
        this.body = body;
        if (kind != Kind.DELETE && body == null) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " needs a value");
        }
    }

    static WriteQuery insert(RestClient rest, String table, Object rows) {
        return new WriteQuery(rest, table, Kind.INSERT, rows);
    }

    static WriteQuery upsert(RestClient rest, String table, Object rows) {
        return new WriteQuery(rest, table, Kind.UPSERT, rows);
    }

    static WriteQuery update(RestClient rest, String table, Object values) {
        return new WriteQuery(rest, table, Kind.UPDATE, values);
    }

    static WriteQuery delete(RestClient rest, String table) {
        return new WriteQuery(rest, table, Kind.DELETE, null);
    }

    @Override
    protected WriteQuery self() {
        return this;
    }

    /** Upsert target: the columns of a unique constraint ({@code on_conflict=a,b}). */
    public WriteQuery onConflict(String... columns) {
        requireKind(Kind.UPSERT, "onConflict");
        onConflict.addAll(List.of(columns));
        return this;
    }

    /** Upsert keeps existing rows untouched ({@code resolution=ignore-duplicates}) instead of merging. */
    public WriteQuery ignoreDuplicates() {
        requireKind(Kind.UPSERT, "ignoreDuplicates");
        ignoreDuplicates = true;
        return this;
    }

    /** The caller guarantees that repeating this write has no further effect, so it may be retried. */
    public WriteQuery idempotent() {
        idempotent = true;
        return this;
    }

    /** Lets update/delete run without any filter (the whole table). */
    public WriteQuery allRows() {
        allRows = true;
        return this;
    }

    /** Runs the write without returning rows ({@code return=minimal}). */
    public void execute() {
        send("return=minimal", null, false);
    }

    /** Runs the write and returns the written rows ({@code return=representation}). */
    public <T> List<T> returning(Class<T> rowType) {
        return rest.readList(send("return=representation", null, false), rowType);
    }

    /** As {@link #returning(Class)} with chosen columns, e.g. {@code returning("id,number", Ids.class)}. */
    public <T> List<T> returning(String columns, Class<T> rowType) {
        return rest.readList(send("return=representation", columns, false), rowType);
    }

    /** Exactly one row written and returned; otherwise PostgREST rolls the write back (PGRST116). */
    public <T> T returningSingle(Class<T> rowType) {
        return rest.readValue(send("return=representation", null, true), rowType);
    }

    private ApiResponse send(String returnPreference, String columns, boolean singleObject) {
        if ((kind == Kind.UPDATE || kind == Kind.DELETE) && !hasFilters() && !allRows) {
            throw new IllegalStateException(kind.name().toLowerCase(Locale.ROOT) + " on " + table
                    + " without a filter would touch every row; add a filter or call allRows()");
        }
        if ((kind == Kind.INSERT || kind == Kind.UPSERT) && hasFilters()) {
            throw new IllegalStateException(kind.name().toLowerCase(Locale.ROOT) + " does not take filters");
        }
        List<Map.Entry<String, String>> parameters = new ArrayList<>(filterParameters());
        if (columns != null) {
            parameters.add(Map.entry("select", Columns.clean(columns)));
        }
        if (!onConflict.isEmpty()) {
            parameters.add(Map.entry("on_conflict", String.join(",", onConflict)));
        }
        List<String> preferences = new ArrayList<>(List.of(returnPreference));
        if (kind == Kind.UPSERT) {
            preferences.add(ignoreDuplicates ? "resolution=ignore-duplicates" : "resolution=merge-duplicates");
        }
        String method = switch (kind) {
            case INSERT, UPSERT -> "POST";
            case UPDATE -> "PATCH";
            case DELETE -> "DELETE";
        };
        ApiRequest request = ApiRequest.write(method, rest.url(table, parameters).build(),
                        kind == Kind.DELETE ? null : rest.body(body))
                .header("Prefer", String.join(",", preferences))
                .idempotent(idempotent);
        if (singleObject) {
            request.header("Accept", RestClient.SINGLE_OBJECT);
        }
        return rest.execute(request);
    }

    private void requireKind(Kind expected, String option) {
        if (kind != expected) {
            throw new IllegalStateException(option + " applies to " + expected.name().toLowerCase(Locale.ROOT) + " only");
        }
    }
}
