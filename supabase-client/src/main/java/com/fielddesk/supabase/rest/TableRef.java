package com.fielddesk.supabase.rest;

/** A table or view; every verb starts here. */
public final class TableRef {

    private final RestClient rest;
    private final String table;

    TableRef(RestClient rest, String table) {
        this.rest = rest;
        this.table = table;
    }

    /** {@code select("id,title,customer:customers(name)")}; whitespace outside quotes is dropped. */
    public SelectQuery select(String columns) {
        return new SelectQuery(rest, table, columns);
    }

    public SelectQuery select() {
        return select("*");
    }

    /** Inserts one row (a record, Map or JsonNode) or many (a Collection). */
    public WriteQuery insert(Object rows) {
        return WriteQuery.insert(rest, table, rows);
    }

    /** Insert-or-update on the primary key, or on {@link WriteQuery#onConflict(String...)} columns. */
    public WriteQuery upsert(Object rows) {
        return WriteQuery.upsert(rest, table, rows);
    }

    /** PATCH the given columns on every row the filters match (a Map or record of the new values). */
    public WriteQuery update(Object values) {
        return WriteQuery.update(rest, table, values);
    }

    public WriteQuery delete() {
        return WriteQuery.delete(rest, table);
    }
}
