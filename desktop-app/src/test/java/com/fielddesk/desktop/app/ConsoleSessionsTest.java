package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.RememberedWorkspace;
import com.fielddesk.desktop.signin.SignInException;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.SignInViewModel;
import com.fielddesk.desktop.signin.Workspace;
import com.fielddesk.desktop.testing.DirectExecutor;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in against the real local-backend: the messages a user sees, and opening offline. */
class ConsoleSessionsTest {

    /** An address where nothing listens (port 1 is reserved and closed on test machines). */
    private static final Endpoint NOWHERE = new Endpoint(URI.create("http://127.0.0.1:1"), "anon-key");

    @TempDir
    Path home;

    private final TestBackend backend = TestBackend.shared();
    private final AtomicReference<Endpoint> localDemoAt = new AtomicReference<>();
    private ConsoleSessions sessions;
    private TestBackend.SignedInUser dispatcher;
    private TenantFixtures.Company company;

    @BeforeEach
    void setUp() {
        localDemoAt.set(new Endpoint(backend.url(), backend.anonKey()));
        sessions = new ConsoleSessions(home.resolve("workspaces"), new LocalDemo() {
            @Override
            public Endpoint start(Consumer<SignInProgress> progress) {
                return localDemoAt.get();
            }

            @Override
            public void close() {
            }
        }, Clock.systemUTC());
        company = backend.tenants().company("Sessions Co " + backend.uniqueEmail("c"));
        dispatcher = backend.staff(company, "dispatcher");
    }

    @Test
    void wrongPasswordIsNamedOnTheForm() {
        List<ConsoleSession> opened = new ArrayList<>();
        SignInViewModel<ConsoleSession> form = new SignInViewModel<>(sessions,
                new RememberedWorkspace(new ViewSettings(home.resolve("console.properties"))), List.of(),
                DirectExecutor.tasks(), opened::add);
        form.emailProperty().set(dispatcher.email());
        form.passwordProperty().set("not-" + dispatcher.password());
        form.signIn();
        assertThat(form.errorProperty().get()).startsWith("Wrong email or password");
        assertThat(form.busyProperty().get()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void demoLoginFillsTheFormAndSignsIn() {
        List<ConsoleSession> opened = new ArrayList<>();
        SignInViewModel<ConsoleSession> form = new SignInViewModel<>(sessions,
                new RememberedWorkspace(new ViewSettings(home.resolve("console.properties"))),
                List.of(new DemoLogin(dispatcher.email(), dispatcher.password(), "dispatcher", "Sessions Co")),
                DirectExecutor.tasks(), opened::add);
        form.useDemoLogin(form.demoLogins().get(0));
        form.signIn();
        assertThat(form.errorProperty().get()).isEmpty();
        assertThat(opened).singleElement().satisfies(session -> {
            assertThat(session.userId()).isEqualTo(dispatcher.id());
            assertThat(session.openedOffline()).isFalse();
            assertThat(session.serverReachable()).as("the sign-in was the server's answer").isTrue();
            session.close();
        });
        assertThat(form.passwordProperty().get()).as("the password is not kept in the form").isEmpty();
    }

    @Test
    void aTechnicianIsRefusedAtSignInWithTheReason() throws Exception {
        TestBackend.SignedInUser technician = backend.staff(company, "technician");
        List<ConsoleSession> opened = new ArrayList<>();
        RememberedWorkspace remembered = new RememberedWorkspace(new ViewSettings(home.resolve("console.properties")));
        SignInViewModel<ConsoleSession> form = new SignInViewModel<>(sessions, remembered, List.of(),
                DirectExecutor.tasks(), opened::add);
        form.emailProperty().set(technician.email());
        form.passwordProperty().set(technician.password());
        form.signIn();
        assertThat(form.errorProperty().get()).isEqualTo("FieldDesk's console is for the office; technicians use the mobile app.");
        assertThat(opened).isEmpty();
        assertThat(sessions.resume(new Workspace.LocalDemo(), step -> { })).as("no session is kept for a technician").isEmpty();
        assertThat(java.nio.file.Files.list(home.resolve("workspaces").resolve(new Workspace.LocalDemo().key()))
                .filter(file -> file.getFileName().toString().startsWith("cache-")).toList())
                .as("none of the company's data was downloaded").isEmpty();
    }

    @Test
    void offlineTheCopysProfileRefusesSomeoneWhoBecameATechnician() throws Exception {
        TestBackend.SignedInUser changing = backend.staff(company, "dispatcher");
        Workspace localDemo = new Workspace.LocalDemo();
        try (ConsoleSession first = sessions.signIn(localDemo, changing.email(), changing.password(), step -> { })) {
            backend.sql("update public.profiles set role = 'technician' where id = '" + changing.id() + "'");
            first.sync().pullTables(List.of("profiles"));
        }
        localDemoAt.set(NOWHERE);
        assertThatThrownBy(() -> sessions.signIn(localDemo, changing.email(), changing.password(), step -> { }))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInException.Reason.NOT_FOR_THIS_ROLE);
                    assertThat(e.sentence()).isEqualTo("FieldDesk's console is for the office; technicians use the mobile app.");
                });
    }

    @Test
    void signInAndSignOutAreInTheCompanysAuditLog() throws Exception {
        ConsoleSession session = sessions.signIn(new Workspace.LocalDemo(), dispatcher.email(), dispatcher.password(), step -> { });
        try {
            assertThat(auditActionsOf(dispatcher.id())).containsExactly("sign_in");
            session.signOut();
        } finally {
            session.close();
        }
        assertThat(auditActionsOf(dispatcher.id())).containsExactly("sign_in", "sign_out");
    }

    @Test
    void signingOutStopsSyncingBeforeTheServerEndsTheSession() throws Exception {
        ConsoleSession session = sessions.signIn(new Workspace.LocalDemo(), dispatcher.email(), dispatcher.password(), step -> { });
        List<Exception> syncFailures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            session.start(syncFailures::add);
            assertThat(session.syncing()).isTrue();
            session.signOut();
            // A pass still running after the server ended the session could only fail with a 401.
            assertThat(session.syncing()).as("the watch loop ended before the sign-out returned").isFalse();
        } finally {
            session.close();
        }
        assertThat(syncFailures).isEmpty();
    }

    private List<String> auditActionsOf(java.util.UUID person) throws java.sql.SQLException {
        List<String> actions = new ArrayList<>();
        try (java.sql.Connection connection = backend.admin().getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement(
                     "select action from public.audit_log where actor_id = ? and action in ('sign_in', 'sign_out') order by seq")) {
            query.setObject(1, person);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        }
        return actions;
    }

    @Test
    void unreachableServerWithoutAnEarlierSignInSaysSo() {
        Workspace project = new Workspace.SupabaseProject(NOWHERE.url(), NOWHERE.anonKey());
        assertThatThrownBy(() -> sessions.signIn(project, dispatcher.email(), dispatcher.password(), step -> { }))
                .isInstanceOfSatisfying(SignInException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("Cannot reach").contains("127.0.0.1:1");
                });
    }

    @Test
    void userWhoSignedInBeforeOpensOfflineFromTheCachedSession() throws Exception {
        Workspace localDemo = new Workspace.LocalDemo();
        sessions.signIn(localDemo, dispatcher.email(), dispatcher.password(), step -> { }).close();
        localDemoAt.set(NOWHERE);
        try (ConsoleSession offline = sessions.signIn(localDemo, dispatcher.email(), dispatcher.password(), step -> { })) {
            assertThat(offline.openedOffline()).isTrue();
            assertThat(offline.serverReachable()).isFalse();
            assertThat(offline.userId()).isEqualTo(dispatcher.id());
        }
        assertThatThrownBy(() -> sessions.signIn(localDemo, "someone-else@example.test", "x", step -> { }))
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.UNREACHABLE));
    }

    @Test
    void malformedProjectAddressIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> Workspace.SupabaseProject.parse("ftp://example.com", "key"))
                .hasMessageContaining("project URL");
        assertThatThrownBy(() -> Workspace.SupabaseProject.parse("https://abcd.supabase.co", " "))
                .hasMessageContaining("anon key");
    }
}
