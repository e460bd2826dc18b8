package com.fielddesk.cache.query;

import com.fielddesk.cache.outbox.Outbox;

/**
 * "This row has local changes the server has not confirmed" (queued or quarantined outbox
 * entries), as a value of each row: select it ({@code query.select(Pending.of(T))}, then
 * {@code row.get(Pending.of(T))}) or filter on it ({@code Pending.of(T).eq(true)}). One indexed
 * lookup per row, so a list shows "pending" without a query per row.
 */
public final class Pending extends Expr<Boolean> {

    private final Table table;

    private Pending(Table table) {
        super(Codecs.BOOL);
        this.table = table;
    }

    public static Pending of(Table table) {
        return new Pending(table);
    }

    @Override
    void render(Sql sql) {
        sql.append("exists (select 1 from " + Outbox.TABLE + " pending where pending.table_name = ").bind(table.name())
                .append(" and pending.row_id = ");
        table.id.render(sql);
        sql.append(")");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pending pending && pending.table.name().equals(table.name());
    }

    @Override
    public int hashCode() {
        return table.name().hashCode();
    }

    @Override
    public String toString() {
        return "pending(" + table.name() + ")";
    }
}
