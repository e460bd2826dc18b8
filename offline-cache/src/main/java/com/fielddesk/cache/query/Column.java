package com.fielddesk.cache.query;

import java.util.Objects;
import java.util.regex.Pattern;

/** A typed column of a declared {@link Table}: what queries filter, sort and read, and writes set. */
public final class Column<T> extends Expr<T> {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Table table;
    private final String name;

    Column(Table table, String name, Codec<T> codec) {
        super(codec);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a column name: " + name);
        }
        this.table = table;
        this.name = name;
    }

    public Table table() {
        return table;
    }

    public String name() {
        return name;
    }

    /**
     * The same column read and written through another codec of the same storage, e.g. a status
     * kept as text seen as the domain's enum: {@code WORK_ORDERS.status.as(Codecs.enumLike(...))}.
     */
    public <U> Column<U> as(Codec<U> codec) {
        if (codec.storage() != codec().storage()) {
            throw new IllegalArgumentException(this + " is stored as " + codec().storage() + ", not " + codec.storage());
        }
        return new Column<>(table, name, codec);
    }

    @Override
    void render(Sql sql) {
        sql.append(Sql.quote(table.name())).append(".").append(Sql.quote(name));
    }

    /** Same table and name (whatever the codec). */
    boolean sameAs(Column<?> other) {
        return table.name().equals(other.table.name()) && name.equals(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Column<?> column && sameAs(column) && codec().equals(column.codec());
    }

    @Override
    public int hashCode() {
        return Objects.hash(table.name(), name);
    }

    @Override
    public String toString() {
        return table.name() + "." + name;
    }
}
