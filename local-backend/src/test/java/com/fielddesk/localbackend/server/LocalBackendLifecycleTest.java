package com.fielddesk.localbackend.server;

import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.auth.ProjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBackendLifecycleTest {

    @Test
    void aSecondStartKeepsKeysAndDataAndAResetStartsOver(@TempDir Path data) throws Exception {
        List<String> progress = new ArrayList<>();
        String anonKey;
        try (LocalBackend first = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.none()),
                LocalBackendOptions.defaults().withProgress(progress::add))) {
            anonKey = first.anonKey();
            execute(first, "insert into auth.users (email) values ('kept@test.local')");
            assertThat(health(first)).isEqualTo(200);
            // An acknowledged commit is on disk (zonky's own default is synchronous_commit off).
            assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(first, "fsync")).isEqualTo("on");
        }
        assertThat(progress).contains("Starting database…", "Applying migrations…");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(ProjectKeys.FILE_NAME))))
                    .isEqualTo("rw-------");
        }

        try (LocalBackend second = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.none()))) {
            assertThat(second.anonKey()).isEqualTo(anonKey);
            assertThat(count(second, "select count(*) from auth.users where email = 'kept@test.local'")).isOne();
            assertThat(count(second, "select count(*) from supabase_migrations.schema_migrations")).isPositive();
        }

        try (LocalBackend reset = LocalBackend.start(new LocalBackendConfig(data, 0, true, DemoDataOption.none()))) {
            assertThat(reset.anonKey()).isNotEqualTo(anonKey);
            assertThat(count(reset, "select count(*) from auth.users where email = 'kept@test.local'")).isZero();
        }
    }

    @Test
    void aFirstStartWithDemoDataLetsTheDocumentedLoginsSignIn(@TempDir Path data) throws Exception {
        try (LocalBackend backend = LocalBackend.start(new LocalBackendConfig(data, 0, false, DemoDataOption.scaled(20)))) {
            assertThat(backend.demoLogins()).isNotEmpty();
            var login = backend.demoLogins().get(0);
            HttpRequest signIn = HttpRequest.newBuilder(URI.create(backend.url() + "/auth/v1/token?grant_type=password"))
                    .header("apikey", backend.anonKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + login.email() + "\",\"password\":\""
                            + login.password() + "\"}")).build();
            assertThat(HttpClient.newHttpClient().send(signIn, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            assertThat(count(backend, "select count(*) from public.work_orders")).isGreaterThanOrEqualTo(20);
        }
    }

    private static int health(LocalBackend backend) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(backend.url() + "/auth/v1/health"))
                .header("apikey", backend.anonKey()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void execute(LocalBackend backend, String sql) throws SQLException {
        try (Connection connection = backend.adminDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(LocalBackend backend, String sql) throws SQLException {
        try (Connection connection = backend.adminDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String setting(LocalBackend backend, String name) throws SQLException {
        try (Connection connection = backend.adminDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
