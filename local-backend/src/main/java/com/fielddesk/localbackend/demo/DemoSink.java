package com.fielddesk.localbackend.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Where generated rows go, in load order: a database over JDBC or the seed.sql script. Rows of
 * one table are gathered into multi-row INSERTs; both sinks split statements and place
 * checkpoints at exactly the same rows, so they load identical data.
 */
abstract class DemoSink {

    /**
     * Rows per INSERT statement, the same in every sink: AFTER ROW triggers (invoice totals, audit)
     * fire at the end of each statement, so where statements split decides which intermediate
     * states the audit log records.
     */
    static final int ROWS_PER_STATEMENT = 500;

    /**
     * Rows between checkpoints. Numbering updates the company row once per work order and invoice,
     * and the audit log looks up each company's last entry; within one transaction neither the
     * superseded row versions can be pruned nor do cached plans learn that tables grew, so the cost
     * per row would keep rising. A checkpoint lets the database catch up (see the subclasses).
     */
    static final int ROWS_PER_CHECKPOINT = 10_000;

    private final List<String[]> pending = new ArrayList<>();
    private final Set<DemoTable> writtenSinceCheckpoint = new LinkedHashSet<>();
    private DemoTable pendingTable;
    private int rowsSinceCheckpoint;
    private long rowsWritten;
    private LongConsumer rowsWrittenListener = rows -> { };

    /** Told the rows written so far after each multi-row INSERT. */
    final void onRowsWritten(LongConsumer listener) {
        rowsWrittenListener = listener;
    }

    final long rowsWritten() {
        return rowsWritten;
    }

    /** One row; values are the text form of each of the table's columns, in order (null = SQL null). */
    final void insert(DemoTable table, String... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table + " has " + table.columns().size() + " columns, got "
                    + values.length + " values");
        }
        if (pendingTable != table) {
            flush();
            pendingTable = table;
        }
        pending.add(values);
        if (pending.size() == ROWS_PER_STATEMENT) {
            flush();
        }
    }

    /** A set-based statement that finishes rows already written (e.g. linking leads to their jobs). */
    final void execute(String statement) {
        flush();
        executeStatement(statement);
    }

    /** Writes anything still buffered. */
    final void finish() {
        flush();
        if (rowsSinceCheckpoint > 0) {
            checkpoint();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        writeRows(pendingTable, pending);
        writtenSinceCheckpoint.add(pendingTable);
        rowsSinceCheckpoint += pending.size();
        rowsWritten += pending.size();
        pending.clear();
        rowsWrittenListener.accept(rowsWritten);
        if (rowsSinceCheckpoint >= ROWS_PER_CHECKPOINT) {
            checkpoint();
        }
    }

    private void checkpoint() {
        Set<String> tables = new LinkedHashSet<>(List.of("public.audit_log", "public.companies"));
        for (DemoTable table : writtenSinceCheckpoint) {
            tables.add(table.qualifiedName());
        }
        // Item and payment triggers update their invoice; claims link requests and jobs.
        if (writtenSinceCheckpoint.contains(DemoTable.INVOICE_ITEMS) || writtenSinceCheckpoint.contains(DemoTable.PAYMENTS)) {
            tables.add(DemoTable.INVOICES.qualifiedName());
        }
        tables.remove(DemoTable.AUTH_USERS.qualifiedName());
        checkpoint("analyze " + String.join(", ", tables));
        writtenSinceCheckpoint.clear();
        rowsSinceCheckpoint = 0;
    }

    /** One multi-row INSERT of the given rows (at most {@link #ROWS_PER_STATEMENT}). */
    abstract void writeRows(DemoTable table, List<String[]> rows);

    abstract void executeStatement(String statement);

    /** Refreshes planner statistics with the given ANALYZE (and, over JDBC, commits first). */
    abstract void checkpoint(String analyzeStatement);

    /** Writes nothing: counts the rows a load would write, so its progress can say "n of N". */
    static final class Counting extends DemoSink {
        @Override
        void writeRows(DemoTable table, List<String[]> rows) {
        }

        @Override
        void executeStatement(String statement) {
        }

        @Override
        void checkpoint(String analyzeStatement) {
        }
    }
}
