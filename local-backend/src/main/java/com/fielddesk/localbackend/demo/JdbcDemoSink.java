package com.fielddesk.localbackend.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes rows through multi-row INSERTs of bound text parameters. Every row still passes every
 * trigger (numbering, audit chain, pool mirror, invoice totals) — the load is only faster because
 * it makes fewer round trips.
 *
 * <p>A checkpoint commits, so superseded versions of the company counter rows become prunable,
 * then ANALYZEs, so the triggers' cached plans (e.g. the audit log's "last entry of this company")
 * are re-planned for the tables' real size instead of the empty tables they were planned for.
 */
final class JdbcDemoSink extends DemoSink {

    private final Connection connection;
    private final Map<DemoTable, String> fullStatementSql = new EnumMap<>(DemoTable.class);

    JdbcDemoSink(Connection connection) {
        this.connection = connection;
    }

    @Override
    void writeRows(DemoTable table, List<String[]> rows) {
        String sql = rows.size() == ROWS_PER_STATEMENT
                ? fullStatementSql.computeIfAbsent(table, t -> insertSql(t, ROWS_PER_STATEMENT))
                : insertSql(table, rows.size());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (String[] row : rows) {
                for (String value : row) {
                    statement.setString(index++, value);
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DemoLoadException("Could not insert demo rows into " + table.qualifiedName(), e);
        }
    }

    @Override
    void executeStatement(String statement) {
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new DemoLoadException("Demo statement failed: " + statement, e);
        }
    }

    @Override
    void checkpoint(String analyzeStatement) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new DemoLoadException("Could not commit demo rows", e);
        }
        executeStatement(analyzeStatement);
    }

    private static String insertSql(DemoTable table, int rows) {
        String row = table.columns().stream().map(DemoTable.Column::placeholder)
                .collect(Collectors.joining(", ", "(", ")"));
        return table.insertPrefix() + " " + String.join(", ", Collections.nCopies(rows, row));
    }
}
