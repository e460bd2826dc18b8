package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.app.ConsoleWindow;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.app.Services;
import com.fielddesk.desktop.signin.SignInView;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The real console window on TestFX's primary stage, signed in against a {@link ConsoleBackend}
 * through the Local-demo path, with its own data folder. Closing it closes the window, the
 * services and the backend.
 */
public final class ConsoleUnderTest implements AutoCloseable {

    private final ConsoleBackend backend;
    private final Services services;
    private ConsoleWindow window;

    private ConsoleUnderTest(ConsoleBackend backend, Services services) {
        this.backend = backend;
        this.services = services;
    }

    /** Shows the sign-in screen ({@code resume}: try the remembered session first, as at startup). */
    public static ConsoleUnderTest open(ConsoleBackend backend, LiveUpdateTimings timings, boolean resume) {
        return open(backend, backend.asLocalDemo(), timings, resume);
    }

    /** As above, with the Local demo reached through {@code localDemo} (e.g. a relay that can cut the network). */
    public static ConsoleUnderTest open(ConsoleBackend backend, com.fielddesk.desktop.app.LocalDemo localDemo,
                                        LiveUpdateTimings timings, boolean resume) {
        try {
            FxToolkit.registerPrimaryStage();
            Services services = new Services(Files.createTempDirectory("fielddesk-console-home-"), localDemo,
                    Platform::runLater, Clock.systemDefaultZone(), List.of(backend.acmeDispatcher), timings);
            ConsoleUnderTest console = new ConsoleUnderTest(backend, services);
            FxToolkit.setupStage(stage -> {
                console.window = new ConsoleWindow(stage, services);
                console.window.showSignIn(null, resume);
                stage.show();
            });
            return console;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The console window did not open", e);
        }
    }

    /** Picks the first demo login (the Acme dispatcher) and signs in, as a user would. */
    public void signInWithTheDemoLogin(FxRobot robot) {
        Fx.run(() -> robot.lookup("#" + SignInView.DEMO_LOGINS_ID).<ComboBox<Object>>query().getSelectionModel().selectFirst());
        robot.clickOn("#" + SignInView.SIGN_IN_BUTTON_ID);
    }

    public Services services() {
        return services;
    }

    public ConsoleWindow window() {
        return window;
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupStages();
        services.close();
        backend.close();
    }
}
