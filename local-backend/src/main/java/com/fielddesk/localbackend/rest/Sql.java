package com.fielddesk.localbackend.rest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text assembled from catalog-checked identifiers and fixed keywords, with every value
 * from the request carried as a bound parameter. Values are bound untyped by default so that
 * PostgreSQL infers their type from the column they meet, as it does for literals.
 */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** A value bound without a type: PostgreSQL infers it from context (like a quoted literal). */
    private record Untyped(String value) {
    }

    Sql append(String fixed) {
        text.append(fixed);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    Sql identifier(String name) {
        text.append(quote(name));
        return this;
    }

    Sql value(String value) {
        text.append('?');
        parameters.add(new Untyped(value));
        return this;
    }

    Sql text(String value) {
        text.append("?::text");
        parameters.add(value);
        return this;
    }

    Sql integer(long value) {
        text.append("?::bigint");
        parameters.add(value);
        return this;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    String sql() {
        return text.toString();
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof Untyped untyped) {
                statement.setObject(i + 1, untyped.value(), Types.OTHER);
            } else if (parameter instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) parameter);
            }
        }
        return statement;
    }

    /** Double-quotes an identifier; only catalog-checked names and validated aliases get here. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in identifier");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
