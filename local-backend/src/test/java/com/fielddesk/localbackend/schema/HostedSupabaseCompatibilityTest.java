package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.db.SchemaInstaller;
import com.fielddesk.localbackend.db.SchemaInstaller.SchemaInstallException;
import com.fielddesk.localbackend.db.SqlScript;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migrations apply on a hosted Supabase project as it is today. {@code supabase db push} runs them
 * as {@code postgres}, which is not a superuser, since Supabase's 2025 permission change is no member
 * of the auth, storage or realtime admin roles and may not create anything in those schemas; it may
 * still read and write the auth and storage tables, and put policies on a few of them through
 * supautils. {@code storage.objects} and {@code storage.buckets} have the current columns and refuse
 * plain SQL deletes. The local bootstrap ({@code platform/*.sql}, {@code db.HostedRoleLayout}) models
 * these Supabase platform migrations, and the schema installer applies every migration that way:
 * <ul>
 *   <li>supabase/postgres {@code migrations/db/migrations/10000000000000_demote-postgres.sql}</li>
 *   <li>supabase/postgres {@code migrations/db/migrations/20250421084701_revoke_admin_roles_from_postgres.sql}</li>
 *   <li>supabase/postgres {@code migrations/db/migrations/20250623125453_tmp_grant_storage_tables_to_postgres_with_grant_option.sql}
 *       and {@code 20250709135250_grant_storage_schema_to_postgres_with_grant_option.sql}</li>
 *   <li>supabase/postgres {@code ansible/files/postgresql_config/supautils.conf.j2} ({@code supautils.policy_grants})</li>
 *   <li>supabase/storage {@code migrations/tenant/0055-prevent-direct-deletes.sql} and
 *       {@code migrations/tenant/0062-object-versioning-core.sql}</li>
 * </ul>
 */
class HostedSupabaseCompatibilityTest {

    private static final TestPostgres POSTGRES = TestPostgres.shared();

    @Test
    void everyMigrationAppliesAsTheNonSuperuserPostgresRoleWithTodaysHostedPrivileges() throws Exception {
        String databaseName = POSTGRES.newEmptyDatabase();
        DataSource superuser = POSTGRES.superuser(databaseName);
        SchemaInstaller installer = SchemaInstaller.fromClasspath();

        installer.install(POSTGRES.logins(databaseName));

        assertThat(Sql.count(superuser, "select count(*) from supabase_migrations.schema_migrations"))
                .isEqualTo(installer.migrations().size());
        assertThat(Sql.rows(superuser, """
                select rolsuper, rolbypassrls, rolcreaterole,
                       pg_has_role('postgres', 'supabase_auth_admin', 'member') as auth_admin,
                       pg_has_role('postgres', 'supabase_storage_admin', 'member') as storage_admin,
                       pg_has_role('postgres', 'supabase_realtime_admin', 'member') as realtime_admin,
                       has_schema_privilege('postgres', 'auth', 'create') as create_in_auth,
                       has_schema_privilege('postgres', 'storage', 'create') as create_in_storage,
                       has_schema_privilege('postgres', 'realtime', 'create') as create_in_realtime
                  from pg_roles where rolname = 'postgres'""")).singleElement().satisfies(postgres -> {
            assertThat(postgres).containsEntry("rolsuper", false).containsEntry("rolbypassrls", true)
                    .containsEntry("rolcreaterole", true);
            assertThat(postgres).containsEntry("auth_admin", false).containsEntry("storage_admin", false)
                    .containsEntry("realtime_admin", false);
            assertThat(postgres).containsEntry("create_in_auth", false).containsEntry("create_in_storage", false)
                    .containsEntry("create_in_realtime", false);
        });
        assertThat(Sql.count(superuser, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                   and pg_get_userbyid(c.relowner) <> 'postgres'""")).as("public tables not owned by postgres").isZero();
        assertThat(Sql.count(superuser, """
                select (select count(*) from pg_proc p where p.pronamespace::regnamespace::text in ('auth', 'storage', 'realtime')
                          and pg_get_userbyid(p.proowner) = 'postgres')
                     + (select count(*) from pg_class c where c.relnamespace::regnamespace::text in ('auth', 'storage', 'realtime')
                          and pg_get_userbyid(c.relowner) = 'postgres')""")).as("objects of ours in platform schemas").isZero();
        assertThat(Sql.count(superuser, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                   and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert'))""")).isZero();
        assertThat(Sql.count(superuser, """
                select count(*) from pg_proc p where p.pronamespace = 'public'::regnamespace
                   and has_function_privilege('anon', p.oid, 'execute')""")).isZero();

        TenantFixtures fixtures = new TenantFixtures(superuser);
        AppUser csr = fixtures.staff(fixtures.company("Hosted HVAC", LeadPreferences.serving("hvac", "94103")), "csr");
        UUID lead = fixtures.openLead("hvac", "94103");
        Object claim = AsUser.run(superuser, csr.identity(), c -> Sql.value(c, "select public.claim_service_request(?)", lead));
        assertThat(Sql.json(claim).path("work_order_id").asText()).isNotBlank();
        assertThat(AsUser.<Long>run(superuser, csr.identity(), c -> Sql.count(c, "select count(*) from public.audit_log")))
                .as("a csr does not read the audit log").isZero();
        assertThat(Sql.count(superuser, "select count(*) from public.audit_log where action = 'claim'")).isOne();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a function in storage        | create function storage.helper() returns int language sql as 'select 1'     | permission denied for schema storage
            a function in auth           | create function auth.helper() returns int language sql as 'select 1'        | permission denied for schema auth
            a table in realtime          | create table realtime.notes (id int)                                       | permission denied for schema realtime
            a column on storage.objects  | alter table storage.objects add column note text                           | must be owner of table storage.objects
            a trigger on storage.objects | create trigger t before insert on storage.objects for each row execute function storage.update_updated_at_column() | must be owner of trigger
            an index on auth.users       | create index on auth.users (last_sign_in_at)                               | permission denied for schema auth
            dropping a storage trigger   | drop trigger protect_objects_delete on storage.objects                     | must be owner of trigger protect_objects_delete
            a plain delete of objects    | delete from storage.objects                                                | Direct deletion from storage tables is not allowed
            """)
    void aMigrationThatSupabaseRefusesFailsHereToo(String what, String statement, String expectedError) throws SQLException {
        String database = POSTGRES.newDatabase();
        SqlScript migration = SqlScript.fromFileName("29990101000000_refused_on_supabase.sql", statement + ";");

        assertThatThrownBy(() -> onlyNew(migration).install(POSTGRES.logins(database)))
                .as(what).isInstanceOf(SchemaInstallException.class).hasMessageContaining(expectedError);
        assertThat(Sql.count(POSTGRES.superuser(database),
                "select count(*) from supabase_migrations.schema_migrations where version = '29990101000000'")).isZero();
    }

    @Test
    void policiesOnStorageObjectsApplyAsSupautilsAllowsThem() throws SQLException {
        String database = POSTGRES.newDatabase();
        SqlScript migration = SqlScript.fromFileName("29990101000000_storage_policy.sql", """
                create policy "anyone reads branding" on storage.objects for select to authenticated
                  using (bucket_id = 'branding');
                alter policy "anyone reads branding" on storage.objects using (bucket_id = 'branding' and name <> '');
                drop policy "anyone reads branding" on storage.objects;
                """);

        assertThat(onlyNew(migration).install(POSTGRES.logins(database))).isOne();
    }

    @Test
    void storageTablesHaveTodaysColumnsAndRefuseDeletesOutsideTheStorageApi() throws SQLException {
        DataSource database = POSTGRES.superuser(POSTGRES.newDatabase());
        List<String> objectColumns = columns(database, "objects");
        List<String> bucketColumns = columns(database, "buckets");
        Sql.update(database, "insert into storage.objects (bucket_id, name, version) values ('branding', 'x/logo.png', 'v1')");

        SQLException plainDelete = Refusals.of(() -> Sql.update(database, "delete from storage.objects"));
        int deletedByStorageApi;
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("select set_config('storage.allow_delete_query', 'true', true)");
            deletedByStorageApi = statement.executeUpdate("delete from storage.objects where name = 'x/logo.png'");
            connection.commit();
        }

        assertThat(objectColumns).contains("path_tokens", "version", "owner_id", "user_metadata", "archived_at",
                "is_delete_marker", "is_versioned");
        assertThat(bucketColumns).contains("public", "avif_autodetection", "file_size_limit", "allowed_mime_types",
                "owner_id", "type", "versioning_status");
        assertThat(plainDelete.getSQLState()).isEqualTo("42501");
        assertThat(deletedByStorageApi).isOne();
    }

    /** An installer that has nothing to add to a migrated copy of the template but this one file. */
    private static SchemaInstaller onlyNew(SqlScript migration) {
        List<SqlScript> migrations = new ArrayList<>(SchemaInstaller.fromClasspath().migrations());
        migrations.add(migration);
        return new SchemaInstaller(List.of(), migrations);
    }

    private static List<String> columns(DataSource database, String storageTable) throws SQLException {
        return Sql.rows(database, "select column_name from information_schema.columns where table_schema = 'storage' "
                + "and table_name = ? order by ordinal_position", storageTable).stream()
                .map(row -> (String) row.get("column_name")).toList();
    }
}
