package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.db.SchemaInstaller;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaInstallerTest {

    private static final TestPostgres POSTGRES = TestPostgres.shared();

    @Test
    void migrationsApplyToAnEmptyDatabaseAndASecondInstallChangesNothing() {
        String database = POSTGRES.newEmptyDatabase();
        SchemaInstaller installer = SchemaInstaller.fromClasspath();

        int firstRun = installer.install(POSTGRES.logins(database));
        int secondRun = installer.install(POSTGRES.logins(database));

        assertThat(installer.migrations()).isNotEmpty();
        assertThat(firstRun).isGreaterThan(installer.migrations().size());
        assertThat(secondRun).isZero();
    }

    @Test
    void twoFreshDatabasesGetTheSameSchema() throws SQLException {
        String first = POSTGRES.newEmptyDatabase();
        String second = POSTGRES.newEmptyDatabase();
        SchemaInstaller.fromClasspath().install(POSTGRES.logins(first));
        SchemaInstaller.fromClasspath().install(POSTGRES.logins(second));

        List<String> firstSchema = describeSchema(POSTGRES.superuser(first));
        assertThat(firstSchema).hasSizeGreaterThan(20);
        assertThat(describeSchema(POSTGRES.superuser(second))).containsExactlyElementsOf(firstSchema);
    }

    /**
     * Columns, constraints, policies, functions, triggers, indexes, grants, RLS flags and the realtime
     * publication of the schemas we own, in a stable order.
     */
    private static List<String> describeSchema(DataSource database) throws SQLException {
        String sql = """
                select 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type
                       || ' ' || is_nullable || ' ' || coalesce(column_default, '')
                  from information_schema.columns where table_schema in ('public', 'auth', 'storage')
                union all
                select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  from pg_constraint where connamespace in ('public'::regnamespace, 'auth'::regnamespace, 'storage'::regnamespace)
                union all
                select 'policy ' || schemaname || '.' || tablename || ' ' || policyname || ' ' || cmd || ' '
                       || array_to_string(roles, ',') || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '')
                  from pg_policies
                union all
                select 'function ' || p.oid::regprocedure || ' ' || md5(p.prosrc)
                  from pg_proc p where p.pronamespace in ('public'::regnamespace, 'auth'::regnamespace, 'storage'::regnamespace)
                union all
                select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger where not tgisinternal
                union all
                select 'index ' || schemaname || '.' || indexname || ' ' || indexdef
                  from pg_indexes where schemaname in ('public', 'auth', 'storage')
                union all
                select 'grants ' || c.oid::regclass || ' ' || coalesce(c.relacl::text, '') || ' rls=' || c.relrowsecurity
                  from pg_class c where c.relnamespace in ('public'::regnamespace, 'auth'::regnamespace, 'storage'::regnamespace)
                   and c.relkind in ('r', 'v')
                union all
                select 'execute ' || p.oid::regprocedure || ' ' || coalesce(p.proacl::text, '') || ' definer=' || p.prosecdef
                  from pg_proc p where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
                union all
                select 'publication ' || pubname || ' ' || schemaname || '.' || tablename from pg_publication_tables
                order by 1
                """;
        List<String> lines = new ArrayList<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }
}
