package com.fielddesk.cache.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CacheMigrationsTest {

    @TempDir
    Path folder;

    @Test
    void statementsSplitAtTheirEndsNotInsideTriggerBodiesStringsOrComments() {
        List<String> statements = CacheMigrations.splitStatements("""
                -- a comment; with a semicolon
                create table a (x text default 'a;b', "odd;name" text);
                create trigger a_after after insert on a begin
                  insert into b values (case when new.x = 'end;' then 1 else 2 end);
                  delete from b where y = 'begin';
                end;
                CREATE TRIGGER b_after AFTER DELETE ON a BEGIN delete from b; END;
                insert into a values ('it''s; fine', 'x')
                """);
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).startsWith("create table a").endsWith(";");
        assertThat(statements.get(1)).startsWith("create trigger a_after").endsWith("end;").contains("delete from b where");
        assertThat(statements.get(2)).startsWith("CREATE TRIGGER b_after").endsWith("END;");
        assertThat(statements.get(3)).isEqualTo("insert into a values ('it''s; fine', 'x')");
    }

    @Test
    void anOlderCacheIsUpgradedWithItsInstantsInTheOneTextFormAndItsRowsSearchable() throws Exception {
        Path file = folder.resolve("v2.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            CacheMigrations.fromClasspath(2).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        insert into work_orders (id, number, title, scheduled_start, created_at, updated_at)
                        values ('00000000-0000-0000-0000-000000000001', 7, 'Northwind boiler', '2026-11-21T11:30:00.5+02:00',
                                '2026-11-21T10:00:00+00:00', '2026-11-21T10:00:00.123456+00:00')""");
                statement.execute("""
                        insert into outbox (mutation_id, table_name, row_id, operation, changes, state, created_at)
                        values ('m1', 'work_orders', '00000000-0000-0000-0000-000000000001', 'update', '{}', 'quarantined',
                                '2026-11-21T10:00:00Z')""");
            }
        }
        try (CacheDatabase database = CacheDatabase.open(file)) {
            assertThat(database.catalog().require("work_orders").column("scheduled_start")).get()
                    .extracting(SyncedTable.Column::type).isEqualTo(ColumnType.INSTANT_TEXT);
            List<String> values = database.read(connection -> {
                List<String> found = new ArrayList<>();
                try (ResultSet rows = connection.createStatement().executeQuery(
                        "select scheduled_start, created_at, updated_at, title from work_orders")) {
                    rows.next();
                    for (int i = 1; i <= 4; i++) {
                        found.add(rows.getString(i));
                    }
                }
                try (ResultSet rows = connection.createStatement().executeQuery(
                        "select count(*) from search_work_orders where search_work_orders match 'north*'")) {
                    rows.next();
                    found.add(String.valueOf(rows.getInt(1)));
                }
                try (ResultSet rows = connection.createStatement().executeQuery("select error_details from outbox")) {
                    rows.next();
                    found.add(String.valueOf(rows.getString(1)));
                }
                return found;
            });
            assertThat(values).containsExactly("2026-11-21T09:30:00.500000Z", "2026-11-21T10:00:00.000000Z",
                    "2026-11-21T10:00:00.123456Z", "Northwind boiler", "1", "null");
        }
    }

    @Test
    void anAuditCopyKeptBeforeV17IsInTheTextIndexAfterTheUpgradeAndLeavesItWithTheEntries() throws Exception {
        Path file = folder.resolve("v16.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            SqlFunctions.register(connection);
            CacheMigrations.fromClasspath(16).migrate(connection);
            try (Statement statement = connection.createStatement()) {
                for (int seq = 1; seq <= 3; seq++) {
                    statement.execute("insert into audit_offline_entries (company_id, seq, id, occurred_at, actor_role, action,"
                            + " values_text, hash) values ('c', " + seq + ", 'e" + seq + "', '2026-12-0" + seq
                            + "T10:00:00.000000Z', 'supervisor', 'update', 'job " + (4240 + seq) + "\nzoë ångström', 'h')");
                }
            }
        }
        try (CacheDatabase database = CacheDatabase.open(file)) {
            List<Long> found = new ArrayList<>(database.read(connection -> {
                List<Long> seqs = new ArrayList<>();
                try (Statement statement = connection.createStatement()) {
                    seqs.add(count(statement, "select count(*) from audit_offline_text"));
                    seqs.add(count(statement, "select e.seq from audit_offline_text t join audit_offline_entries e on e.rowid = t.rowid"
                            + " where audit_offline_text match '\"job 4242\"'"));
                    seqs.add(count(statement, "select count(*) from audit_offline_text where audit_offline_text match '\"zoë å\"'"));
                }
                return seqs;
            }));
            database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("delete from audit_offline_entries where seq < 3");
                }
            });
            found.addAll(database.read(connection -> {
                try (Statement statement = connection.createStatement()) {
                    return List.of(count(statement, "select count(*) from audit_offline_text"),
                            count(statement, "select count(*) from audit_offline_text where audit_offline_text match '\"job 424\"'"));
                }
            }));
            assertThat(found).containsExactly(3L, 2L, 3L, 1L, 1L);
        }
    }

    private static long count(Statement statement, String query) throws java.sql.SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
