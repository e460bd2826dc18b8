package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.SignInProgress;
import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;
import com.fielddesk.localbackend.LocalBackendOptions;
import com.fielddesk.localbackend.StartupProgress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The Local demo as the console runs it: local-backend in this process, data in the user's folder. */
final class EmbeddedLocalDemo implements LocalDemo {

    private final Path dataDirectory;
    private final DemoDataOption demoData;
    private final Optional<Duration> demoActivity;
    private LocalBackend backend;

    /**
     * @param demoData     what a first start loads (the console: the standard demo; tests: a small one)
     * @param demoActivity how often demo customers reply and new leads arrive; empty for none (tests)
     */
    EmbeddedLocalDemo(Path dataDirectory, DemoDataOption demoData, Optional<Duration> demoActivity) {
        this.dataDirectory = dataDirectory;
        this.demoData = demoData;
        this.demoActivity = demoData.wanted() ? demoActivity : Optional.empty();
    }

    @Override
    public synchronized Endpoint start(Consumer<SignInProgress> progress) {
        if (backend == null) {
            // Port 0: a second console or a Supabase CLI on 54321 must not stop the demo from starting.
            backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, 0, false, demoData),
                    LocalBackendOptions.defaults().withStartupProgress(step -> progress.accept(signInStep(step))));
            demoActivity.ifPresent(backend::startDemoActivity);
        }
        return new Endpoint(backend.url(), backend.anonKey());
    }

    /** local-backend's start-up phase as a step of opening the console. */
    static SignInProgress signInStep(StartupProgress startup) {
        SignInProgress.Step step = switch (startup.phase()) {
            case RESETTING, STARTING_DATABASE -> SignInProgress.Step.STARTING_DATABASE;
            case APPLYING_MIGRATIONS -> SignInProgress.Step.APPLYING_MIGRATIONS;
            case LOADING_DEMO_DATA -> SignInProgress.Step.LOADING_DEMO_DATA;
            case STARTING_API, READY -> SignInProgress.Step.STARTING_SERVER;
        };
        return SignInProgress.counted(step, startup.done(), startup.total());
    }

    @Override
    public synchronized void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
