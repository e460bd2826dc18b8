package com.fielddesk.localbackend.schema;

import java.sql.SQLException;

/** Captures the SQLException a piece of database work must end with. */
final class Refusals {

    @FunctionalInterface
    interface DatabaseWork {
        void run() throws SQLException;
    }

    private Refusals() {
    }

    static SQLException of(DatabaseWork work) {
        try {
            work.run();
        } catch (SQLException refused) {
            return refused;
        }
        throw new AssertionError("Expected the database to refuse this, but it was accepted");
    }
}
