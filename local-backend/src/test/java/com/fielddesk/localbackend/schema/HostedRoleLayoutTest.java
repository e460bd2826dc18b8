package com.fielddesk.localbackend.schema;

import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.db.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every cluster gets hosted Supabase's roles (superuser supabase_admin, a non-superuser postgres),
 * and a data folder made before that layout — migrations applied as the superuser — is recreated
 * rather than left half-usable.
 */
class HostedRoleLayoutTest {

    @Test
    void aDataFolderWhoseMigrationsRanAsTheSuperuserIsRecreatedWithTheHostedRoles(@TempDir Path data) throws Exception {
        Path postgresFolder = data.resolve("postgres");
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(postgresFolder)
                .setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // What an older local-backend left: migrations recorded, applied by the superuser postgres.
            statement.execute("create schema supabase_migrations");
            statement.execute("create table public.left_by_the_old_layout (id int)");
        }
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(postgresFolder, 0).close())
                .isInstanceOf(EmbeddedPostgresServer.LegacyDataFolderException.class);

        List<String> progress = new ArrayList<>();
        try (LocalBackend backend = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.none()),
                LocalBackendOptions.defaults().withProgress(progress::add));
             Connection connection = backend.adminDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(progress).contains("Recreating the local database made by an older version…");
            var roles = statement.executeQuery("""
                    select current_user, (select rolsuper from pg_roles where rolname = 'postgres'),
                           to_regclass('public.left_by_the_old_layout') is null,
                           (select count(*) from supabase_migrations.schema_migrations)""");
            roles.next();
            assertThat(roles.getString(1)).isEqualTo(EmbeddedPostgresServer.SUPERUSER);
            assertThat(roles.getBoolean(2)).as("postgres is a superuser").isFalse();
            assertThat(roles.getBoolean(3)).as("the old database is gone").isTrue();
            assertThat(roles.getLong(4)).isPositive();
        }
    }
}
