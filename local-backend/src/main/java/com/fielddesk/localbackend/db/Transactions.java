package com.fielddesk.localbackend.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** One unit of work in one database transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

    private Transactions() {
    }

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a new transaction on a connection of {@code database}, as {@code caller}
     * (so RLS and grants apply; see {@link RequestIdentity#applyTo}) or, when {@code caller} is
     * null, as the connection's own user. Callers map the SQLException to their API's error shape.
     */
    public static <T> T inTransaction(DataSource database, RequestIdentity caller, Work<T> work) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (caller != null) {
                    caller.applyTo(connection);
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure); // a broken connection has nothing left to roll back
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
