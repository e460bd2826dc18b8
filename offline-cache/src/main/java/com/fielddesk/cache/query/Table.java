package com.fielddesk.cache.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A synced table declared in code, with typed columns. Subclass it and declare the columns you
 * use as fields; the sync columns every table has are declared here. {@link SchemaCheck}
 * verifies declarations against the cache's own catalog. {@link CacheTables} declares the
 * cache's tables with storage-level types; a domain narrows a column with {@link Column#as}.
 *
 * <pre>{@code
 * public final class Customers extends Table {
 *     public static final Customers CUSTOMERS = new Customers();
 *     public final Column<String> fullName = column("full_name", Codecs.TEXT);
 *     private Customers() { super("customers"); }
 * }
 * }</pre>
 */
public abstract class Table {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    // Declared before the columns below: field initialisers run in text order.
    private final List<Column<?>> columns = new ArrayList<>();
    private final String name;

    public final Column<UUID> id;
    public final Column<Instant> createdAt;
    public final Column<Instant> updatedAt;
    /** Set on a tombstone; queries leave tombstones out unless asked ({@link Query#includeDeleted}). */
    public final Column<Instant> deletedAt;
    /** The server's row version (null for a row never synced). */
    public final Column<Long> version;

    protected Table(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a table name: " + name);
        }
        this.name = name;
        this.id = column("id", Codecs.UUID_TEXT);
        this.createdAt = column("created_at", Codecs.INSTANT);
        this.updatedAt = column("updated_at", Codecs.INSTANT);
        this.deletedAt = column("deleted_at", Codecs.INSTANT);
        this.version = column("version", Codecs.LONG);
    }

    protected final <T> Column<T> column(String columnName, Codec<T> codec) {
        Column<T> column = new Column<>(this, columnName, codec);
        if (columns.stream().anyMatch(c -> c.name().equals(columnName))) {
            throw new IllegalArgumentException(name + "." + columnName + " is declared twice");
        }
        columns.add(column);
        return column;
    }

    public final String name() {
        return name;
    }

    /** The declared columns, in declaration order (sync columns first). */
    public final List<Column<?>> columns() {
        return Collections.unmodifiableList(columns);
    }

    @Override
    public String toString() {
        return name;
    }
}
