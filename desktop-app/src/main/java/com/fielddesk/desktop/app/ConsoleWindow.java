package com.fielddesk.desktop.app;

import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.settings.ConsoleControls;
import com.fielddesk.desktop.settings.SystemTheme;
import com.fielddesk.desktop.shell.CachedSearch;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.ShellViewModel;
import com.fielddesk.desktop.shell.SyncIssueActions;
import com.fielddesk.desktop.signin.SignInView;
import com.fielddesk.desktop.signin.SignInViewModel;
import com.fielddesk.desktop.ui.AfterFramesShown;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.ControllerFactory;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one window: sign-in first, then the console for the opened session. The composition root
 * for per-session objects: it makes the FXML controllers (through a {@link ControllerFactory}),
 * the shell, and each registered feature's screen with the session's services.
 */
public final class ConsoleWindow {

    /**
     * Looked up at the first message, not at class load: this class is loaded before the first
     * frame, and starting the logging system then costs cold-start time for nothing.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(ConsoleWindow.class);
    }

    private final Stage stage;
    private final Services services;
    private final StackPane content = new StackPane();
    private final Scene scene;
    private Theme theme;
    private ConsoleSession session;
    private Runnable closeScreen = () -> { };
    /** Set once the window has closed: a session that opens after that is closed at once. */
    private boolean windowClosed;
    private SignInViewModel<ConsoleSession> signIn;

    public ConsoleWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        this.theme = Theme.parse(services.settings().get(ViewSettings.THEME).orElse("LIGHT"));
        theme.applyToApplication();
        this.scene = new Scene(content, 1280, 800);
        theme.applyTo(scene);
        stage.setScene(scene);
        WindowGeometry.remember(stage, services.settings());
        stage.setOnHidden(e -> shutDown());
        if (Boolean.parseBoolean(services.settings().get(ViewSettings.THEME_FOLLOWS_SYSTEM).orElse("false"))) {
            // The last answer shows first; the system is asked off the FX thread (it runs a command).
            services.tasks().run(SystemTheme::detect, system -> {
                if (system != theme) {
                    useTheme(system);
                }
            }, e -> log().warn("Could not ask the system for its theme; keeping {}", theme, e));
        }
    }

    public Scene scene() {
        return scene;
    }

    /**
     * The open session (null while signed out). Tests and the screenshot tour write through it
     * as screens not built yet (jobs) would.
     */
    public ConsoleSession currentSession() {
        return session;
    }

    /** Shows sign-in and, at startup, tries to reopen the remembered session. */
    public void showSignIn(String message, boolean resume) {
        closeScreen.run();
        SignInViewModel<ConsoleSession> viewModel = new SignInViewModel<>(services.sessions(),
                services.rememberedWorkspace(), services.demoLogins(), services.tasks(), this::showConsole);
        if (message != null) {
            viewModel.showError(message);
        }
        signIn = viewModel;
        ControllerFactory controllers = new ControllerFactory().with(SignInView.class, () -> new SignInView(viewModel));
        show(SignInView.load(controllers));
        stage.titleProperty().unbind();
        stage.setTitle("FieldDesk — Sign in");
        closeScreen = () -> { };
        if (resume) {
            viewModel.resumeRemembered();
        }
    }

    /**
     * Opens the console for a signed-in session: first the company's time zone (every time the
     * console shows is in it), read from the cache off the FX thread, then the shell and sections.
     */
    public void showConsole(ConsoleSession opened) {
        if (windowClosed) {
            // A sign-in (or a reset's reopening) that finished after the window closed: nobody
            // would ever close this session, and its sync would go on retrying in the background.
            opened.close();
            return;
        }
        closeScreen.run();
        this.session = opened;
        closeScreen = this::closeSession;
        services.tasks().run(() -> companyTimezone(opened.repositories(), opened.userId()),
                timezone -> {
                    if (session == opened) {
                        openConsole(opened, Formats.forCompanyZone(timezone));
                    }
                }, e -> {
                    log().warn("Could not read the company's time zone from the local copy; showing UTC", e);
                    if (session == opened) {
                        openConsole(opened, Formats.forCompanyZone(null));
                    }
                });
    }

    /** How long before opening a message may have been written and still be announced when it syncs. */
    private static final java.time.Duration ARRIVALS_GRACE = java.time.Duration.ofMinutes(2);

    private void openConsole(ConsoleSession opened, Formats formats) {
        Repositories repositories = opened.repositories();
        Clock companyClock = services.clock().withZone(formats.zone());
        // Online/offline, everywhere in the console, is the sync engine's flag, delivered with its status.
        SyncState sync = new SyncState(opened.serverReachable());
        AutoCloseable liveFeed = opened.onLiveUpdatesChange(live -> services.tasks().onUi(() -> sync.liveUpdatesChanged(live)));

        ChangeSource changes = ChangeSource.of(repositories);
        ShellViewModel shell = new ShellViewModel(opened.userId(), opened.email(), repositories.table("profiles"),
                repositories.table("companies"),
                new CachedSearch(opened.sync().cache()), changes,
                issueActions(opened), sync, services.tasks(), companyClock);
        SectionNavigator navigator = new SectionNavigator(FeatureRegistry.features(opened, controls(opened)));
        FeatureContext context = new FeatureContext(repositories, changes, services.tasks(), sync,
                services.settings(), companyClock, formats, navigator, services.chime());
        // The sections this role sees (the shell follows the role); until the profile is read (a few
        // ms) every section shows.
        navigator.start(feature -> feature.create(context), shell.roleProperty().get());
        ShellView shellView = new ShellView(shell, navigator, this::toggleTheme, this::signOut);
        // Any failure from here on reaches the status bar (and the log), never nowhere.
        show(shellView.node());
        // The title names the section and company, so the right window is easy to pick from the
        // taskbar when several consoles (or companies) are open. It changes once the console is on
        // screen, not while the first frame of a large table is still being drawn.
        AfterFramesShown.run(() -> stage.titleProperty().bind(Bindings.createStringBinding(
                () -> windowTitle(navigator.currentProperty().get(), shell.companyNameProperty().get(),
                        navigator.counts().totalProperty().get()),
                navigator.currentProperty(), shell.companyNameProperty(), navigator.counts().totalProperty())));
        navigator.counts().start(changes, services.tasks());
        // A message written shortly before the console opened and synced just after is still news;
        // the history a first sync brings in is not.
        navigator.arrivals().start(changes, services.tasks(), companyClock.instant().minus(ARRIVALS_GRACE));
        shell.start();
        AutoCloseable statusFeed = SyncStatusFeed.follow(opened.sync().status(), services.tasks(),
                status -> show(status, sync), e -> shell.reportProblem(
                        Failures.sentence("Could not read the sync status from this computer's copy.", e)));
        // The engine also puts each failure into its status (shown in the status bar with retry
        // state); the log keeps the cause for support.
        opened.start(failure -> {
            log().warn("Sync failed ({}); retrying with backoff", failure.toString());
            log().debug("Sync failure", failure);
        });
        closeScreen = () -> {
            closeQuietly(navigator);
            shell.close();
            closeQuietly(statusFeed);
            closeQuietly(liveFeed);
            closeSession();
        };
        shell.signInRequiredProperty().addListener((o, a, required) -> {
            if (required) {
                // Auth refused the refresh token: the cache stays on disk, the user signs in again.
                services.rememberedWorkspace().forgetSession();
                javafx.application.Platform.runLater(
                        () -> showSignIn("Your session has expired. Sign in again to continue.", false));
            }
        });
    }

    /** The company's stored time zone ({@code companies.timezone}) of the signed-in user, or null if not in the cache. */
    private static String companyTimezone(Repositories repositories, UUID userId) {
        return repositories.table("profiles").get(userId.toString())
                .flatMap(profile -> repositories.table("companies").get(profile.path("company_id").asText()))
                .map(company -> company.path("timezone").asText(null))
                .orElse(null);
    }

    /** A status of the sync engine on screen: its online flag first, so the status's listeners read the matching one. */
    private static void show(SyncStatus status, SyncState sync) {
        sync.reachabilityChanged(status.online());
        sync.publish(status);
    }

    /** "FieldDesk (3) — Messages · Company": the sections' published numbers (unread messages) added up, if any. */
    static String windowTitle(Feature section, String companyName, long count) {
        String title = "FieldDesk" + (count > 0 ? " (" + count + ")" : "") + " — " + (section == null ? "Console" : section.title());
        return companyName == null || companyName.isBlank() ? title : title + " · " + companyName;
    }

    /** The header's theme button: a choice of the person's own, so the theme stops following the system. */
    private void toggleTheme() {
        services.settings().put(ViewSettings.THEME_FOLLOWS_SYSTEM, null);
        useTheme(theme.toggled());
    }

    private void useTheme(Theme chosen) {
        theme = chosen;
        theme.applyToApplication();
        theme.applyTo(scene);
        ViewSettings settings = services.settings();
        settings.put(ViewSettings.THEME, theme.name());
        settings.save();
    }

    private void signOut() {
        // Taken out of the window first, so the sign-in screen does not close it under the
        // server-side sign-out: that call needs the session's client, then the session is closed.
        ConsoleSession ending = session;
        session = null;
        services.rememberedWorkspace().forgetSession();
        showSignIn(null, false);
        if (ending != null) {
            SignInViewModel<ConsoleSession> form = signIn;
            services.tasks().run(() -> {
                try {
                    ending.signOut();
                } finally {
                    ending.close();
                }
                return true;
            }, done -> { }, e -> {
                log().warn("Signed out on this computer, but the server could not be told", e);
                if (form == signIn) {
                    form.showError("Signed out on this computer. The server could not be told, so that session "
                            + "ends on its own when it expires.");
                }
            });
        }
    }

    /** What Settings may ask of this window for {@code opened}: its local copy, reset, sign-out, theme. */
    private ConsoleControls controls(ConsoleSession opened) {
        return new ConsoleControls() {
            @Override
            public Path cacheFile() {
                return opened.cacheDatabase().file();
            }

            @Override
            public int unsyncedChanges() {
                SyncStatus status = opened.status();
                return status.pendingCount() + status.quarantined().size();
            }

            @Override
            public void resetLocalCache() {
                if (session == opened) {
                    reset(opened);
                }
            }

            @Override
            public void signOut() {
                if (session == opened) {
                    ConsoleWindow.this.signOut();
                }
            }

            @Override
            public void applyTheme(Theme chosen) {
                useTheme(chosen);
            }
        };
    }

    /**
     * Reset local cache: the session is closed (its sync stopped), its cache file deleted, and the
     * remembered session reopened through sign-in — whose first sync downloads everything again,
     * its progress on the sign-in screen. The Auth session is kept: the user is not asked for a
     * password. If it cannot be reopened (expired), the sign-in form asks for one.
     */
    private void reset(ConsoleSession ending) {
        Path file = ending.cacheDatabase().file();
        session = null;
        showSignIn(null, false);
        SignInViewModel<ConsoleSession> form = signIn;
        services.tasks().run(() -> {
            ending.close();
            CacheDatabase.deleteFiles(file);
            return true;
        }, done -> {
            if (form == signIn) {
                form.resumeRemembered();
            }
        }, e -> {
            log().error("Could not reset the local copy " + file, e);
            if (form == signIn) {
                form.showError(Failures.sentence("Could not delete this computer's copy, so it was not reset; "
                        + "sign in to go on with it.", e));
            }
        });
    }

    private void show(javafx.scene.Node screen) {
        content.getChildren().setAll(screen);
        theme.applyTo(scene);
    }

    private void closeSession() {
        if (session != null) {
            ConsoleSession closing = session;
            session = null;
            closing.close();
        }
    }

    private void shutDown() {
        windowClosed = true;
        closeScreen.run();
        closeScreen = () -> { };
        services.settings().save();
    }

    private static SyncIssueActions issueActions(ConsoleSession session) {
        return new SyncIssueActions() {
            @Override
            public void reapplyConflict(long conflictId) {
                session.sync().reapplyConflict(conflictId);
            }

            @Override
            public void dismissConflict(long conflictId) {
                session.sync().dismissConflict(conflictId);
            }

            @Override
            public void retryRejected(UUID mutationId) {
                session.sync().retryQuarantined(mutationId);
            }

            @Override
            public void dismissRejected(UUID mutationId) throws Exception {
                session.sync().dismissQuarantined(mutationId);
            }
        };
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception ignored) {
            // a status subscription cannot fail to close in a way that matters
        }
    }

}
