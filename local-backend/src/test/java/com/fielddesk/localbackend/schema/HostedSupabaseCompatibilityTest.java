package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.db.SchemaInstaller;
import com.fielddesk.localbackend.db.SqlScript;
import com.fielddesk.localbackend.testing.AsUser;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TenantFixtures.AppUser;
import com.fielddesk.localbackend.testing.TenantFixtures.LeadPreferences;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a hosted Supabase project migrations run as {@code postgres}, which is not a superuser: it
 * owns schema public and the realtime publication, may reference auth.users, is a member of the
 * storage admin role, and its default privileges grant everything in public to the API roles. This applies the migrations as such a
 * role, then checks that the result still locks anon out and still enforces the lead rules.
 */
class HostedSupabaseCompatibilityTest {

    private static final String MIGRATOR = "hosted_postgres";

    @Test
    void migrationsApplyAsANonSuperuserOwnerLikeHostedSupabasesPostgresRole() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String databaseName = postgres.newEmptyDatabase();
        DataSource superuser = postgres.superuser(databaseName);
        SchemaInstaller installer = SchemaInstaller.fromClasspath();
        installPlatformOnly(superuser);
        prepareHostedLikeMigrator(superuser);

        int applied = installer.install(asMigrator(postgres.jdbcUrl(databaseName)));

        assertThat(applied).isEqualTo(installer.migrations().size());
        assertThat(Sql.count(superuser, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                   and (has_table_privilege('anon', c.oid, 'select') or has_table_privilege('anon', c.oid, 'insert'))""")).isZero();
        assertThat(Sql.count(superuser, """
                select count(*) from pg_proc p where p.pronamespace = 'public'::regnamespace
                   and has_function_privilege('anon', p.oid, 'execute')""")).isZero();
        assertThat(Sql.count(superuser, """
                select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                   and pg_get_userbyid(c.relowner) <> ?""", MIGRATOR)).isZero();

        TenantFixtures fixtures = new TenantFixtures(superuser);
        AppUser csr = fixtures.staff(fixtures.company("Hosted HVAC", LeadPreferences.serving("hvac", "94103")), "csr");
        UUID lead = fixtures.openLead("hvac", "94103");
        Object claim = AsUser.run(superuser, csr.identity(), c -> Sql.value(c, "select public.claim_service_request(?)", lead));
        assertThat(Sql.json(claim).path("work_order_id").asText()).isNotBlank();
        assertThat(AsUser.<Long>run(superuser, csr.identity(), c -> Sql.count(c, "select count(*) from public.audit_log")))
                .as("a csr does not read the audit log").isZero();
        assertThat(Sql.count(superuser, "select count(*) from public.audit_log where action = 'claim'")).isOne();
    }

    /** The platform bootstrap alone, as the superuser: what Supabase provisions before any migration. */
    private static void installPlatformOnly(DataSource superuser) throws Exception {
        URL folder = HostedSupabaseCompatibilityTest.class.getClassLoader().getResource(SchemaInstaller.PLATFORM_FOLDER);
        List<SqlScript> platform = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                platform.add(SqlScript.fromFileName(file.getFileName().toString(), Files.readString(file)));
            }
        }
        assertThat(platform).isNotEmpty();
        new SchemaInstaller(platform, List.of()).install(superuser);
    }

    private static void prepareHostedLikeMigrator(DataSource superuser) throws SQLException {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    do $$
                    begin
                      if not exists (select 1 from pg_roles where rolname = 'hosted_postgres') then
                        create role hosted_postgres login nosuperuser createdb createrole;
                      end if;
                      -- Supabase grants its storage admin role (owner of schema storage) to postgres.
                      if not exists (select 1 from pg_roles where rolname = 'hosted_storage_admin') then
                        create role hosted_storage_admin nologin nosuperuser;
                      end if;
                    end
                    $$""");
            statement.execute("""
                    do $$ begin execute format('grant create on database %I to hosted_postgres', current_database()); end $$;
                    alter schema public owner to hosted_postgres;
                    alter publication supabase_realtime owner to hosted_postgres;
                    grant usage on schema auth, extensions to hosted_postgres;
                    alter schema storage owner to hosted_storage_admin;
                    alter table storage.buckets owner to hosted_storage_admin;
                    alter table storage.objects owner to hosted_storage_admin;
                    grant hosted_storage_admin to hosted_postgres;
                    grant select, references on auth.users to hosted_postgres;
                    alter schema supabase_migrations owner to hosted_postgres;
                    alter table supabase_migrations.schema_migrations owner to hosted_postgres;
                    alter table supabase_migrations.platform_history owner to hosted_postgres;
                    alter default privileges for role hosted_postgres in schema public
                      grant all on tables to anon, authenticated, service_role;
                    alter default privileges for role hosted_postgres in schema public
                      grant all on functions to anon, authenticated, service_role;
                    alter default privileges for role hosted_postgres in schema public
                      grant all on sequences to anon, authenticated, service_role;
                    """);
        }
    }

    private static DataSource asMigrator(String superuserJdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(superuserJdbcUrl);
        dataSource.setUser(MIGRATOR);
        return dataSource;
    }
}
