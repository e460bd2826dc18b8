package com.fielddesk.localbackend.realtime;

import java.util.Locale;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables of publication {@code supabase_realtime}, their primary keys and which API role may
 * select which column — read once at start, after installing the change triggers on them.
 *
 * <p>Hosted Supabase reads changes from the WAL. Locally a row trigger NOTIFYs only the table, the
 * operation and the primary key (NOTIFY is delivered at commit, in commit order, and never for a
 * rolled-back transaction); the server then re-reads the row as each subscriber. The triggers are
 * installed here, not in supabase/migrations, so nothing of this reaches a hosted project.
 */
final class PublishedTables {

    static final String NOTIFY_CHANNEL = "fielddesk_realtime";
    private static final String TRIGGER_NAME = "fielddesk_realtime_notify";
    private static final List<String> API_ROLES = List.of("anon", "authenticated", "service_role");

    record Column(String name, String typeName, String sqlType, Set<String> selectableBy) {
    }

    record Table(String schema, String name, List<String> primaryKey, List<Column> columns, Set<String> selectableBy) {

        Optional<Column> column(String columnName) {
            return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
        }

        List<Column> visibleTo(String role) {
            return columns.stream().filter(column -> column.selectableBy().contains(role)).toList();
        }

        String qualifiedName() {
            return quote(schema) + "." + quote(name);
        }
    }

    private final Map<String, Table> tables;

    private PublishedTables(Map<String, Table> tables) {
        this.tables = tables;
    }

    /** Installs the NOTIFY trigger on every published table and reads their shape. */
    static PublishedTables install(DataSource superuser) {
        try (Connection connection = superuser.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists realtime");
                statement.execute(String.format(Locale.ROOT, """
                        create or replace function realtime.fielddesk_notify_change() returns trigger
                        language plpgsql
                        set search_path = ''
                        as $$
                        declare
                          changed jsonb := to_jsonb(case when tg_op = 'DELETE' then old else new end);
                          primary_key jsonb := '{}';
                          key_column text;
                        begin
                          foreach key_column in array tg_argv loop
                            primary_key := primary_key || jsonb_build_object(key_column, changed -> key_column);
                          end loop;
                          perform pg_notify('%s', json_build_object(
                            'schema', tg_table_schema, 'table', tg_table_name, 'type', tg_op, 'pk', primary_key,
                            'at', floor(extract(epoch from clock_timestamp()) * 1000))::text);
                          return null;
                        end
                        $$
                        """, NOTIFY_CHANNEL));
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            for (String[] published : publishedTables(connection)) {
                Table table = describe(connection, published[0], published[1]);
                if (table.primaryKey().isEmpty()) {
                    continue;
                }
                String arguments = String.join(", ", table.primaryKey().stream().map(PublishedTables::literal).toList());
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create or replace trigger " + TRIGGER_NAME
                            + " after insert or update or delete on " + table.qualifiedName()
                            + " for each row execute function realtime.fielddesk_notify_change(" + arguments + ")");
                }
                tables.put(key(table.schema(), table.name()), table);
            }
            return new PublishedTables(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not install the realtime change triggers: " + e.getMessage(), e);
        }
    }

    Optional<Table> table(String schema, String name) {
        return Optional.ofNullable(tables.get(key(schema, name)));
    }

    /** The published tables an entry names; {@code "*"} (or no table) means every table of the schema. */
    List<Table> matching(String schema, String table) {
        return tables.values().stream()
                .filter(t -> schema.equals("*") || t.schema().equals(schema))
                .filter(t -> table == null || table.equals("*") || t.name().equals(table))
                .toList();
    }

    private static List<String[]> publishedTables(Connection connection) throws SQLException {
        List<String[]> published = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select schemaname, tablename from pg_publication_tables
                     where pubname = 'supabase_realtime' order by schemaname, tablename
                     """)) {
            while (rows.next()) {
                published.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return published;
    }

    private static Table describe(Connection connection, String schema, String name) throws SQLException {
        List<String> primaryKey = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Set<String> tableReaders = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.attname, t.typname, format_type(a.atttypid, a.atttypmod),
                       coalesce(a.attnum = any(i.indkey), false),
                       has_column_privilege('anon', c.oid, a.attnum, 'SELECT'),
                       has_column_privilege('authenticated', c.oid, a.attnum, 'SELECT'),
                       has_column_privilege('service_role', c.oid, a.attnum, 'SELECT')
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace
                join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                join pg_type t on t.oid = a.atttypid
                left join pg_index i on i.indrelid = c.oid and i.indisprimary
                where n.nspname = ? and c.relname = ?
                order by a.attnum
                """)) {
            statement.setString(1, schema);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Set<String> readers = new LinkedHashSet<>();
                    for (int i = 0; i < API_ROLES.size(); i++) {
                        if (rows.getBoolean(5 + i)) {
                            readers.add(API_ROLES.get(i));
                        }
                    }
                    tableReaders.addAll(readers);
                    columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3), Set.copyOf(readers)));
                    if (rows.getBoolean(4)) {
                        primaryKey.add(rows.getString(1));
                    }
                }
            }
        }
        return new Table(schema, name, List.copyOf(primaryKey), List.copyOf(columns), Set.copyOf(tableReaders));
    }

    private static String key(String schema, String name) {
        return schema + "." + name;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
