package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.signin.RememberedWorkspace;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.ToneChime;
import com.fielddesk.desktop.ui.ViewSettings;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.demo.DemoActivity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The composition root's long-lived services: the data folder, remembered settings, the one
 * background executor (I/O never runs on the FX thread), the Local demo and the session opener.
 * Built once per process by {@link FieldDeskApp}, or by a test with its own parts.
 */
public final class Services implements AutoCloseable {

    private final Path dataDirectory;
    private final ViewSettings settings;
    private final ExecutorService background;
    private final BackgroundTasks tasks;
    private final LocalDemo localDemo;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private final List<DemoLogin> demoLogins;
    private Chime chime;

    public Services(Path dataDirectory, LocalDemo localDemo, Executor uiThread, Clock clock, List<DemoLogin> demoLogins) {
        this(dataDirectory, localDemo, uiThread, clock, demoLogins, LiveUpdateTimings.DEFAULT);
    }

    public Services(Path dataDirectory, LocalDemo localDemo, Executor uiThread, Clock clock, List<DemoLogin> demoLogins,
                    LiveUpdateTimings liveUpdates) {
        this.dataDirectory = dataDirectory;
        this.settings = new ViewSettings(dataDirectory.resolve("console.properties"));
        this.background = Executors.newFixedThreadPool(4, ConsoleSession.daemon("fielddesk-background"));
        this.tasks = new BackgroundTasks(background, uiThread);
        this.localDemo = localDemo;
        this.clock = clock;
        this.demoLogins = List.copyOf(demoLogins);
        this.sessions = new ConsoleSessions(dataDirectory.resolve("workspaces"), localDemo, clock, liveUpdates);
    }

    /** The desktop defaults: the per-user data folder (or -Dfielddesk.home), the embedded Local demo. */
    public static Services forDesktop(Executor uiThread) {
        String override = System.getProperty("fielddesk.home");
        Path home = override != null ? Path.of(override) : LocalBackendConfig.defaultDataDirectory().getParent();
        // Demo activity (customers replying, new leads arriving) unless -Dfielddesk.demoActivity=off.
        Optional<Duration> demoActivity = "off".equals(System.getProperty("fielddesk.demoActivity"))
                ? Optional.empty() : Optional.of(DemoActivity.DEFAULT_INTERVAL);
        return new Services(home, new EmbeddedLocalDemo(home.resolve("local-backend"), DemoDataOption.standard(),
                demoActivity), uiThread, Clock.systemDefaultZone(), DemoLogins.documented());
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public ViewSettings settings() {
        return settings;
    }

    public RememberedWorkspace rememberedWorkspace() {
        return new RememberedWorkspace(settings);
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public ConsoleSessions sessions() {
        return sessions;
    }

    public Clock clock() {
        return clock;
    }

    /** The new-lead sound (silent, with one logged warning, where there is no audio device). */
    public synchronized Chime chime() {
        // Made when the first console opens, not before the sign-in screen's first frame.
        if (chime == null) {
            chime = new ToneChime(background);
        }
        return chime;
    }

    public List<DemoLogin> demoLogins() {
        return demoLogins;
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        localDemo.close();
    }
}
