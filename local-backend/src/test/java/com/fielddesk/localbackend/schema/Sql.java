package com.fielddesk.localbackend.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers for the schema tests: bound parameters only, results as plain values. */
final class Sql {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Sql() {
    }

    static List<Map<String, Object>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), resultSet.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The first column of the only row, or null when there is no row. */
    @SuppressWarnings("unchecked")
    static <T> T value(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(connection, sql, parameters);
        return rows.isEmpty() ? null : (T) rows.get(0).values().iterator().next();
    }

    static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        Number number = value(connection, sql, parameters);
        return number == null ? 0 : number.longValue();
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static List<Map<String, Object>> rows(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return rows(connection, sql, parameters);
        }
    }

    static <T> T value(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return value(connection, sql, parameters);
        }
    }

    static long count(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return count(connection, sql, parameters);
        }
    }

    static int update(DataSource database, String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return update(connection, sql, parameters);
        }
    }

    static JsonNode json(Object value) {
        try {
            return JSON.readTree(String.valueOf(value));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not JSON: " + value, e);
        }
    }

    /**
     * The PostgREST error an RPC raised with SQLSTATE PGRST: its {code,message,...} body and the
     * HTTP status from the detail.
     */
    record ApiError(String code, String message, int httpStatus) {
        static ApiError of(SQLException exception) {
            if (!"PGRST".equals(exception.getSQLState())) {
                throw new AssertionError("Expected a PostgREST API error but got " + exception.getSQLState()
                        + ": " + exception.getMessage(), exception);
            }
            org.postgresql.util.ServerErrorMessage server = ((org.postgresql.util.PSQLException) exception).getServerErrorMessage();
            JsonNode body = json(server.getMessage());
            JsonNode detail = json(server.getDetail());
            return new ApiError(body.path("code").asText(), body.path("message").asText(), detail.path("status").asInt());
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
