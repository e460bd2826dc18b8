package com.fielddesk.localbackend.realtime;

import com.fielddesk.localbackend.db.RequestIdentity;
import com.fielddesk.localbackend.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** When subscribers may share a re-read: decided from the database's policies and functions, not assumed. */
class VisibilityKeysTest {

    private static final String USER = "7d5b5f0e-8c1e-4a51-9a57-2f1a4f7f0a01";
    private static final RequestIdentity MORNING_TOKEN = new RequestIdentity("authenticated", USER, "a@b.test",
            "{\"sub\":\"" + USER + "\",\"role\":\"authenticated\",\"email\":\"a@b.test\",\"iat\":1,\"exp\":3601,\"session_id\":\"s1\"}");
    private static final RequestIdentity AFTERNOON_TOKEN = new RequestIdentity("authenticated", USER, "a@b.test",
            "{\"sub\":\"" + USER + "\",\"role\":\"authenticated\",\"email\":\"a@b.test\",\"iat\":9,\"exp\":9999,\"session_id\":\"s2\"}");
    private static final RequestIdentity OTHER_USER = new RequestIdentity("authenticated",
            "0b8e7d0c-3f7a-4d4e-bb0e-6f3c2a1d9e02", "c@d.test",
            "{\"sub\":\"0b8e7d0c-3f7a-4d4e-bb0e-6f3c2a1d9e02\",\"role\":\"authenticated\",\"email\":\"c@d.test\"}");

    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void fieldDesksPoliciesReadOnlySubjectAndRoleSoTokensOfOneUserShare() throws SQLException {
        VisibilityKeys keys = inspect(postgres.superuser(postgres.newDatabase()));

        assertThat(keys.keysBySubject()).isTrue();
        assertThat(keys.keyOf(MORNING_TOKEN)).isEqualTo(keys.keyOf(AFTERNOON_TOKEN));
        assertThat(keys.keyOf(MORNING_TOKEN)).isNotEqualTo(keys.keyOf(OTHER_USER));
        assertThat(keys.keyOf(MORNING_TOKEN))
                .isNotEqualTo(keys.keyOf(new RequestIdentity("service_role", USER, null, "{\"role\":\"service_role\"}")));
    }

    @Test
    void aPolicyReadingOtherClaimsMakesOnlyIdenticalClaimsShare() throws SQLException {
        DataSource database = postgres.superuser(postgres.newDatabase());
        execute(database, """
                create policy work_orders_select_by_email_domain on public.work_orders for select to authenticated
                  using ((select auth.jwt()) ->> 'email' like '%@b.test')""");

        VisibilityKeys keys = inspect(database);

        assertThat(keys.keysBySubject()).isFalse();
        assertThat(keys.keyOf(MORNING_TOKEN)).isNotEqualTo(keys.keyOf(AFTERNOON_TOKEN));
        assertThat(keys.keyOf(MORNING_TOKEN)).isEqualTo(keys.keyOf(new RequestIdentity("authenticated", USER, "a@b.test",
                MORNING_TOKEN.claimsJson())));
    }

    @Test
    void aFunctionReadingTheClaimsSettingItselfAlsoCounts() throws SQLException {
        DataSource database = postgres.superuser(postgres.newDatabase());
        execute(database, """
                create function public.current_session_id() returns text language sql stable as $$
                  select current_setting('request.jwt.claims', true)::jsonb ->> 'session_id'
                $$""");

        assertThat(inspect(database).keysBySubject()).isFalse();
    }

    @Test
    void readingANamedSettingOutsideRequestIsNoClaimRead() throws SQLException {
        DataSource database = postgres.superuser(postgres.newDatabase());
        // Like Storage's guard against plain deletes (storage.protect_delete), which the platform bootstrap installs.
        execute(database, """
                create function public.imports_allowed() returns boolean language sql stable as $$
                  select coalesce(current_setting('fielddesk.allow_import', true), 'false') = 'true'
                $$""");

        assertThat(inspect(database).keysBySubject()).isTrue();
    }

    private static VisibilityKeys inspect(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return VisibilityKeys.inspect(connection);
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
