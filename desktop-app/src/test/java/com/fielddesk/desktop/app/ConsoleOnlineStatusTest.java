package com.fielddesk.desktop.app;

import com.fielddesk.cache.remote.RemoteException;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.Workspace;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.HangingRelay;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's online/offline is the sync engine's flag, fed to the screens with each of its
 * statuses ({@link SyncState}), against a running local-backend behind a relay that can stop
 * answering. "Online" lasts two full-sync intervals after the server's last answer; when a server
 * hangs instead of refusing, the status must turn offline when that runs out — long before the
 * hung call times out — without any call having failed.
 */
class ConsoleOnlineStatusTest {

    /** Online lasts two of these after an answer; the client's read timeout is 20 s. */
    private static final Duration FULL_SYNC = Duration.ofSeconds(1);
    /** Well under the 20 s read timeout: only the ageing rule can turn the status offline by then. */
    private static final Duration BEFORE_ANY_TIMEOUT = Duration.ofSeconds(12);

    @TempDir
    Path home;

    @Test
    void aServerThatStopsAnsweringReadsOfflineOnceItsLastAnswerIsTooOld() throws Exception {
        TestBackend backend = TestBackend.shared();
        TenantFixtures.Company company = backend.tenants().company("Hanging Co " + backend.uniqueEmail("c"));
        TestBackend.SignedInUser dispatcher = backend.staff(company, "dispatcher");
        List<RemoteException> failures = new CopyOnWriteArrayList<>();
        try (HangingRelay relay = new HangingRelay(backend.url())) {
            ConsoleSessions sessions = new ConsoleSessions(home.resolve("workspaces"), localDemoAt(
                    new Endpoint(relay.url(), backend.anonKey())), Clock.systemUTC(),
                    new LiveUpdateTimings(FULL_SYNC, Duration.ofMinutes(10)));
            try (ConsoleSession session = sessions.signIn(new Workspace.LocalDemo(), dispatcher.email(),
                    dispatcher.password(), step -> { })) {
                assertThat(session.serverReachable()).as("the sign-in was an answer").isTrue();
                // As ConsoleWindow wires it (there on the FX thread; plain properties need none here).
                SyncState screens = new SyncState(session.serverReachable());
                try (AutoCloseable feed = session.sync().status().subscribe(status -> {
                    screens.reachabilityChanged(status.online());
                    screens.publish(status);
                })) {
                    session.start(failures::add);
                    Fx.awaitOffFx("a first sync pass", Duration.ofSeconds(30),
                            () -> session.status().lastSuccessfulSync() != null);
                    assertThat(screens.onlineProperty().get()).isTrue();

                    relay.hang();
                    Fx.awaitOffFx("the screens say offline", BEFORE_ANY_TIMEOUT, () -> !screens.onlineProperty().get());
                    assertThat(failures).as("no call has failed yet: the answer aged out").isEmpty();
                    assertThat(session.serverReachable()).isFalse();
                }
            }
        }
    }

    private static LocalDemo localDemoAt(Endpoint endpoint) {
        return new LocalDemo() {
            @Override
            public Endpoint start(Consumer<SignInProgress> progress) {
                return endpoint;
            }

            @Override
            public void close() {
            }
        };
    }
}
