package com.fielddesk.localbackend;

import com.fielddesk.localbackend.auth.AuthSettings;

import java.util.function.Consumer;

/**
 * What a caller may tune besides {@link LocalBackendConfig}.
 *
 * @param progress receives one short line per startup phase ("Starting database…"), e.g. for a splash screen
 * @param auth     GoTrue-like settings (signup, token lifetime, refresh reuse interval)
 * @param steps    receives each phase with its count (migrations applied, demo rows written), for a progress bar
 */
public record LocalBackendOptions(Consumer<String> progress, AuthSettings auth, Consumer<StartupProgress> steps) {

    public LocalBackendOptions {
        if (progress == null) {
            progress = line -> { };
        }
        if (auth == null) {
            auth = AuthSettings.defaults();
        }
        if (steps == null) {
            steps = step -> { };
        }
    }

    public static LocalBackendOptions defaults() {
        return new LocalBackendOptions(null, null, null);
    }

    public LocalBackendOptions withProgress(Consumer<String> listener) {
        return new LocalBackendOptions(listener, auth, steps);
    }

    public LocalBackendOptions withAuth(AuthSettings settings) {
        return new LocalBackendOptions(progress, settings, steps);
    }

    /** Counted progress of the start (called on the starting thread, often while demo data loads). */
    public LocalBackendOptions withStartupProgress(Consumer<StartupProgress> listener) {
        return new LocalBackendOptions(progress, auth, listener);
    }
}
