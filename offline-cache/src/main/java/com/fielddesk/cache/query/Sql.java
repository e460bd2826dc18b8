package com.fielddesk.cache.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL text being built together with its bound values, in order. Identifiers come only from declarations. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    Sql append(String fragment) {
        text.append(fragment);
        return this;
    }

    /** A placeholder and its value (never spliced into the text). */
    Sql bind(Object value) {
        text.append('?');
        values.add(value);
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> values() {
        return values;
    }

    PreparedStatement prepare(java.sql.Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    @Override
    public String toString() {
        return text + " " + values;
    }
}
