package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.localbackend.testing.TenantFixtures;
import com.fielddesk.localbackend.testing.TestBackend;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-in (or a Reset's reopening of the session) can finish after its window has closed. The
 * session it opens then has no screen to close it: its sync went on retrying in the background
 * for the rest of the process (seen in CI as a sync session of an earlier test, at another
 * backend's port, still running). The window closes such a session at once.
 */
class WindowClosedDuringSignInTest {

    @TempDir
    Path home;

    @Test
    void aSessionThatOpensAfterTheWindowClosedIsClosedAtOnce() throws Exception {
        TestBackend backend = TestBackend.shared();
        TenantFixtures.Company company = backend.tenants().company("Closing Co " + backend.uniqueEmail("c"));
        TestBackend.SignedInUser dispatcher = backend.staff(company, "dispatcher");
        CountDownLatch signInReachedTheBackend = new CountDownLatch(1);
        CountDownLatch windowClosed = new CountDownLatch(1);
        LocalDemo heldUntilTheWindowCloses = new LocalDemo() {
            @Override
            public Endpoint start(Consumer<SignInProgress> progress) {
                signInReachedTheBackend.countDown();
                try {
                    windowClosed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Endpoint(backend.url(), backend.anonKey());
            }

            @Override
            public void close() {
            }
        };
        FxToolkit.registerPrimaryStage();
        try (Services services = new Services(home, heldUntilTheWindowCloses, Platform::runLater, Clock.systemUTC(),
                List.of(new DemoLogin(dispatcher.email(), dispatcher.password(), "dispatcher", company.name())))) {
            AtomicReference<Stage> stage = new AtomicReference<>();
            AtomicReference<ConsoleWindow> window = new AtomicReference<>();
            AtomicReference<PasswordField> password = new AtomicReference<>();
            Fx.run(() -> {
                stage.set(new Stage());
                window.set(new ConsoleWindow(stage.get(), services));
                window.get().showSignIn(null, false);
                stage.get().show();
                ComboBox<?> logins = (ComboBox<?>) stage.get().getScene().lookup("#" + SignInView.DEMO_LOGINS_ID);
                logins.getSelectionModel().selectFirst();
                password.set((PasswordField) stage.get().getScene().lookup("#" + SignInView.PASSWORD_ID));
                ((Button) stage.get().getScene().lookup("#" + SignInView.SIGN_IN_BUTTON_ID)).fire();
            });
            assertThat(signInReachedTheBackend.await(30, TimeUnit.SECONDS)).as("the sign-in started").isTrue();
            Fx.run(() -> stage.get().hide());
            windowClosed.countDown();
            // The form forgets the password just before it hands the opened session to the window.
            Fx.waitUntil("the sign-in finished after the window closed", Duration.ofSeconds(30),
                    () -> password.get().getText().isEmpty());
            Fx.run(() -> assertThat(window.get().currentSession()).as("a session no window shows").isNull());
            assertThat(files(home, ".sqlite-wal")).as("the late session's cache was closed (SQLite removes its"
                    + " write-ahead log when the last connection closes)").isEmpty();
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
