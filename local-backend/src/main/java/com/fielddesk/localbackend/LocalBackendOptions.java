package com.fielddesk.localbackend;

import com.fielddesk.localbackend.auth.AuthSettings;

import java.util.function.Consumer;

/**
 * What a caller may tune besides {@link LocalBackendConfig}.
 *
 * @param progress receives one short line per startup phase ("Starting database…"), e.g. for a splash screen
 * @param auth     GoTrue-like settings (signup, token lifetime, refresh reuse interval)
 * @param steps    receives each phase with its count (migrations applied, demo rows written), for a progress bar
 * @param apiConnections the API's connection pool size, or 0 for the size {@code LocalBackend} derives from the
 *                 machine's cores (what every caller but a benchmark comparing pool sizes wants)
 */
public record LocalBackendOptions(Consumer<String> progress, AuthSettings auth, Consumer<StartupProgress> steps,
                                  int apiConnections) {

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
        if (apiConnections < 0) {
            throw new IllegalArgumentException("apiConnections must be 0 (from the cores) or a pool size: " + apiConnections);
        }
    }

    public static LocalBackendOptions defaults() {
        return new LocalBackendOptions(null, null, null, 0);
    }

    public LocalBackendOptions withProgress(Consumer<String> listener) {
        return new LocalBackendOptions(listener, auth, steps, apiConnections);
    }

    public LocalBackendOptions withAuth(AuthSettings settings) {
        return new LocalBackendOptions(progress, settings, steps, apiConnections);
    }

    /** Counted progress of the start (called on the starting thread, often while demo data loads). */
    public LocalBackendOptions withStartupProgress(Consumer<StartupProgress> listener) {
        return new LocalBackendOptions(progress, auth, listener, apiConnections);
    }

    /** A fixed API pool size instead of the one derived from the cores (for benchmarks comparing sizes). */
    public LocalBackendOptions withApiConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("An API pool needs at least one connection: " + connections);
        }
        return new LocalBackendOptions(progress, auth, steps, connections);
    }
}
