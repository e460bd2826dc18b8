package com.fielddesk.localbackend.demo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders rows as a plain SQL script (seed.sql) that loads the very same rows through the same
 * triggers when the Supabase CLI runs it. Checkpoints become ANALYZE statements (the script may
 * run as one transaction, where ANALYZE still refreshes the triggers' plans).
 */
final class SqlScriptDemoSink extends DemoSink {

    private final StringBuilder script;

    SqlScriptDemoSink(StringBuilder script) {
        this.script = script;
    }

    @Override
    void writeRows(DemoTable table, List<String[]> rows) {
        script.append(table.insertPrefix()).append('\n');
        script.append(rows.stream().map(values -> {
            StringBuilder row = new StringBuilder("(");
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    row.append(", ");
                }
                row.append(table.columns().get(i).literal(values[i]));
            }
            return row.append(')').toString();
        }).collect(Collectors.joining(",\n")));
        script.append(";\n\n");
    }

    @Override
    void executeStatement(String statement) {
        script.append(statement.strip()).append(";\n\n");
    }

    @Override
    void checkpoint(String analyzeStatement) {
        script.append(analyzeStatement).append(";\n\n");
    }
}
