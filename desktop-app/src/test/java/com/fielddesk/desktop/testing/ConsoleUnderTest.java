package com.fielddesk.desktop.testing;

import com.fielddesk.desktop.app.ConsoleWindow;
import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.app.Services;
import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.localbackend.testing.TemporaryFolders;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The real console window on TestFX's primary stage, signed in against a {@link ConsoleBackend}
 * through the Local-demo path, with its own data folder. Closing it closes the window, the
 * services and the backend. {@link #openAnother} opens a second console (another person at another
 * desk) in a window of its own, on the same backend, which it leaves running when it closes.
 */
public final class ConsoleUnderTest implements AutoCloseable {

    private final ConsoleBackend backend;
    private final Services services;
    private final Path home;
    private final boolean primary;
    private ConsoleWindow window;
    private Stage stage;

    private ConsoleUnderTest(ConsoleBackend backend, Services services, Path home, boolean primary) {
        this.backend = backend;
        this.services = services;
        this.home = home;
        this.primary = primary;
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
            Path home = TemporaryFolders.create("fielddesk-console-home-");
            Services services = new Services(home, localDemo,
                    Platform::runLater, Clock.systemDefaultZone(), List.of(backend.acmeDispatcher), timings);
            ConsoleUnderTest console = new ConsoleUnderTest(backend, services, home, true);
            FxToolkit.setupStage(stage -> {
                console.stage = stage;
                console.window = new ConsoleWindow(stage, services);
                console.window.showSignIn(null, resume);
                stage.show();
            });
            return console;
        } catch (TimeoutException e) {
            throw new IllegalStateException("The console window did not open", e);
        }
    }

    /** A second console in a window of its own, whose one demo login is {@code login}. */
    public static ConsoleUnderTest openAnother(ConsoleBackend backend, DemoLogin login, LiveUpdateTimings timings) {
        Path home = TemporaryFolders.create("fielddesk-console-home-");
        Services services = new Services(home, backend.asLocalDemo(),
                Platform::runLater, Clock.systemDefaultZone(), List.of(login), timings);
        ConsoleUnderTest console = new ConsoleUnderTest(backend, services, home, false);
        Fx.run(() -> {
            console.stage = new Stage();
            console.window = new ConsoleWindow(console.stage, services);
            console.window.showSignIn(null, false);
            console.stage.show();
        });
        return console;
    }

    /**
     * The node this console's window shows for {@code selector} (call on the FX thread). With two
     * consoles open, a robot's lookup would search both windows.
     */
    public Optional<Node> find(String selector) {
        return Optional.ofNullable(stage.getScene()).map(scene -> scene.getRoot().lookup(selector));
    }

    /** Signs in with this console's first demo login without touching the keyboard or mouse (either window may have focus). */
    public void signInWithTheDemoLogin() {
        Fx.run(() -> {
            find("#" + SignInView.DEMO_LOGINS_ID).map(node -> (ComboBox<?>) node).orElseThrow().getSelectionModel().selectFirst();
            find("#" + SignInView.SIGN_IN_BUTTON_ID).map(node -> (Button) node).orElseThrow().fire();
        });
    }

    /** Picks the first demo login (the Acme dispatcher) and signs in, as a user would. */
    public void signInWithTheDemoLogin(FxRobot robot) {
        Fx.run(() -> robot.lookup("#" + SignInView.DEMO_LOGINS_ID).<ComboBox<Object>>query().getSelectionModel().selectFirst());
        robot.clickOn("#" + SignInView.SIGN_IN_BUTTON_ID);
    }

    public Services services() {
        return services;
    }

    /** This console's own folder (its workspaces and their cache files live under it). */
    public Path home() {
        return home;
    }

    public ConsoleWindow window() {
        return window;
    }

    @Override
    public void close() throws Exception {
        if (!primary) {
            Fx.run(() -> stage.close());
            services.close();
            TemporaryFolders.delete(home);
            return;
        }
        FxToolkit.cleanupStages();
        // The primary stage is TestFX's, shown again by later test classes: this window's close
        // handler must not outlive it, or hiding the stage later saves this console's settings
        // into its deleted folder (the fielddesk-console-home-* folders left in /tmp).
        Fx.run(() -> stage.setOnHidden(null));
        services.close();
        TemporaryFolders.delete(home);
        backend.close();
    }
}
