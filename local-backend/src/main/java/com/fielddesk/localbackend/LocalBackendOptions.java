package com.fielddesk.localbackend;

import com.fielddesk.localbackend.auth.AuthSettings;

import java.util.function.Consumer;

/**
 * What a caller may tune besides {@link LocalBackendConfig}.
 *
 * @param progress receives one short line per startup phase ("Starting database…"), e.g. for a splash screen
 * @param auth     GoTrue-like settings (signup, token lifetime, refresh reuse interval)
 */
public record LocalBackendOptions(Consumer<String> progress, AuthSettings auth) {

    public LocalBackendOptions {
        if (progress == null) {
            progress = line -> { };
        }
        if (auth == null) {
            auth = AuthSettings.defaults();
        }
    }

    public static LocalBackendOptions defaults() {
        return new LocalBackendOptions(null, null);
    }

    public LocalBackendOptions withProgress(Consumer<String> listener) {
        return new LocalBackendOptions(listener, auth);
    }

    public LocalBackendOptions withAuth(AuthSettings settings) {
        return new LocalBackendOptions(progress, settings);
    }
}
