package com.fielddesk.localbackend.rest;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What PostgREST calls its schema cache: the tables, views, columns, keys, foreign keys and
 * functions of the exposed schemas, read from the catalog. Every identifier in a request is
 * checked against it before it reaches SQL. Reloaded after migrations (and on demand).
 */
public final class SchemaCache {

    public record Column(String name, String type, boolean generated) {
    }

    public record ForeignKey(String name, String fromTable, List<String> fromColumns, String toTable,
                             List<String> toColumns) {
    }

    /** A table, view or function result: something rows can be selected from. */
    public record Relation(String schema, String name, boolean table, Map<String, Column> columns,
                           List<String> primaryKey, List<List<String>> uniqueKeys) {

        public Optional<Column> column(String columnName) {
            return Optional.ofNullable(columns.get(columnName));
        }

        public boolean isUnique(List<String> columnSet) {
            List<String> sorted = columnSet.stream().sorted().toList();
            return uniqueKeys.stream().anyMatch(key -> key.stream().sorted().toList().equals(sorted));
        }
    }

    public enum ReturnKind { VOID, SCALAR, ROWS }

    public record Argument(String name, String type, boolean hasDefault) {
    }

    /** A callable function; {@code result} describes its rows when {@code returnKind} is ROWS. */
    public record Function(String schema, String name, List<Argument> arguments, boolean returnsSet,
                           ReturnKind returnKind, String returnType, boolean volatile_, Relation result) {
    }

    /** One consistent snapshot of the catalog. */
    public record Snapshot(Map<String, Relation> relations, List<ForeignKey> foreignKeys,
                           Map<String, List<Function>> functions, Map<String, Map<String, String>> roleSettings) {

        /** The {@code alter role ... set} values of an API role, which SET ROLE alone does not apply. */
        public Map<String, String> settingsOf(String role) {
            return roleSettings.getOrDefault(role, Map.of());
        }

        public Optional<Relation> relation(String name) {
            return Optional.ofNullable(relations.get(name));
        }
    }

    private final DataSource database;
    private final String schema;
    private final Map<String, Optional<String>> resolvedTypes = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    public SchemaCache(DataSource database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            return reload();
        }
        return current;
    }

    public synchronized Snapshot reload() {
        try (Connection connection = database.getConnection()) {
            Snapshot loaded = load(connection);
            snapshot = loaded;
            return loaded;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the schema catalog: " + e.getMessage(), e);
        }
    }

    /** The canonical name of a type written in a cast ({@code ::int} → {@code integer}), if it exists. */
    public Optional<String> resolveType(String typeText) {
        return resolvedTypes.computeIfAbsent(typeText, text -> {
            try (Connection connection = database.getConnection();
                 PreparedStatement statement = connection.prepareStatement("select format_type(to_regtype(?), null)")) {
                statement.setString(1, text);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return Optional.ofNullable(rows.getString(1));
                }
            } catch (SQLException e) {
                return Optional.empty();
            }
        });
    }

    private Snapshot load(Connection connection) throws SQLException {
        Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attgenerated <> ''
                  from pg_attribute a
                  join pg_class c on c.oid = a.attrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and c.relkind in ('r', 'v', 'm', 'p', 'f')
                   and a.attnum > 0 and not a.attisdropped
                 order by c.relname, a.attnum
                """)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
                            .put(rows.getString(2), new Column(rows.getString(2), rows.getString(3), rows.getBoolean(4)));
                }
            }
        }
        Map<String, Boolean> isTable = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, c.relkind in ('r', 'p', 'f')
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and c.relkind in ('r', 'v', 'm', 'p', 'f')
                """)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    isTable.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
        Map<String, List<List<String>>> uniqueKeys = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.relname, i.indisprimary,
                       array(select a.attname from unnest(i.indkey) with ordinality k(attnum, ord)
                               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                              order by k.ord)
                  from pg_index i
                  join pg_class c on c.oid = i.indrelid
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and i.indisunique and i.indpred is null and i.indexprs is null
                """)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> key = strings(rows.getArray(3));
                    uniqueKeys.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(key);
                    if (rows.getBoolean(2)) {
                        primaryKeys.put(rows.getString(1), key);
                    }
                }
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select con.conname, c.relname,
                       array(select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
                               join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord),
                       fc.relname,
                       array(select a.attname from unnest(con.confkey) with ordinality k(attnum, ord)
                               join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord)
                  from pg_constraint con
                  join pg_class c on c.oid = con.conrelid
                  join pg_class fc on fc.oid = con.confrelid
                 where con.contype = 'f' and c.relnamespace = ?::regnamespace and fc.relnamespace = ?::regnamespace
                 order by con.conname
                """)) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    foreignKeys.add(new ForeignKey(rows.getString(1), rows.getString(2), strings(rows.getArray(3)),
                            rows.getString(4), strings(rows.getArray(5))));
                }
            }
        }
        Map<String, Relation> relations = new LinkedHashMap<>();
        columns.forEach((name, cols) -> relations.put(name, new Relation(schema, name, isTable.getOrDefault(name, true),
                java.util.Collections.unmodifiableMap(cols),
                primaryKeys.getOrDefault(name, List.of()), List.copyOf(uniqueKeys.getOrDefault(name, List.of())))));
        return new Snapshot(java.util.Collections.unmodifiableMap(relations), List.copyOf(foreignKeys),
                loadFunctions(connection, relations), loadRoleSettings(connection));
    }

    /**
     * Timeouts set on the API roles ({@code alter role authenticated set statement_timeout = '8s'}).
     * PostgREST applies them per request because SET ROLE does not; so does local-backend.
     */
    private static Map<String, Map<String, String>> loadRoleSettings(Connection connection) throws SQLException {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select r.rolname, split_part(s.setting, '=', 1), substr(s.setting, strpos(s.setting, '=') + 1)
                  from pg_db_role_setting d
                  join pg_roles r on r.oid = d.setrole
                 cross join unnest(d.setconfig) as s(setting)
                 where d.setdatabase in (0, (select oid from pg_database where datname = current_database()))
                   and r.rolname in ('anon', 'authenticated', 'service_role')
                   and split_part(s.setting, '=', 1) in ('statement_timeout', 'lock_timeout',
                                                         'idle_in_transaction_session_timeout')
                 order by d.setdatabase
                """)) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    settings.computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return settings;
    }

    private Map<String, List<Function>> loadFunctions(Connection connection, Map<String, Relation> relations)
            throws SQLException {
        Map<String, List<Function>> functions = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select p.proname, p.proretset, t.typtype, format_type(p.prorettype, null), p.provolatile = 'v',
                       coalesce(p.proargnames, '{}'), coalesce(p.proargmodes::text[], '{}'),
                       array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) x),
                       p.pronargdefaults, t.typrelid <> 0, tc.relname
                  from pg_proc p
                  join pg_namespace n on n.oid = p.pronamespace
                  join pg_type t on t.oid = p.prorettype
                  left join pg_class tc on tc.oid = t.typrelid
                 where n.nspname = ? and p.prokind = 'f'
                """)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    boolean returnsSet = rows.getBoolean(2);
                    String returnType = rows.getString(4);
                    List<String> argNames = strings(rows.getArray(6));
                    List<String> argModes = strings(rows.getArray(7));
                    List<String> argTypes = strings(rows.getArray(8));
                    int defaults = rows.getInt(9);
                    boolean composite = rows.getBoolean(10);
                    String returnRelation = rows.getString(11);

                    List<Argument> inputs = new ArrayList<>();
                    Map<String, Column> outputs = new LinkedHashMap<>();
                    for (int i = 0; i < argTypes.size(); i++) {
                        String mode = argModes.isEmpty() ? "i" : argModes.get(i);
                        String argName = i < argNames.size() ? argNames.get(i) : "";
                        if (mode.equals("i") || mode.equals("b") || mode.equals("v")) {
                            inputs.add(new Argument(argName, argTypes.get(i), false));
                        }
                        if (mode.equals("o") || mode.equals("b") || mode.equals("t")) {
                            outputs.put(argName, new Column(argName, argTypes.get(i), false));
                        }
                    }
                    for (int i = inputs.size() - defaults; i < inputs.size(); i++) {
                        Argument plain = inputs.get(i);
                        inputs.set(i, new Argument(plain.name(), plain.type(), true));
                    }
                    ReturnKind kind;
                    Relation result = null;
                    if ("void".equals(returnType)) {
                        kind = ReturnKind.VOID;
                    } else if (composite && returnRelation != null && relations.containsKey(returnRelation)) {
                        kind = ReturnKind.ROWS;
                        result = relations.get(returnRelation);
                    } else if (!outputs.isEmpty() && ("record".equals(returnType) || composite)) {
                        kind = ReturnKind.ROWS;
                        result = new Relation(schema, name, false, java.util.Collections.unmodifiableMap(outputs),
                                List.of(), List.of());
                    } else {
                        kind = ReturnKind.SCALAR;
                    }
                    functions.computeIfAbsent(name, k -> new ArrayList<>()).add(new Function(schema, name,
                            List.copyOf(inputs), returnsSet, kind, returnType, rows.getBoolean(5), result));
                }
            }
        }
        return java.util.Collections.unmodifiableMap(functions);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v == null ? "" : v.toString()).toList();
    }
}
