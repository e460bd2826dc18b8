package com.fielddesk.desktop.app;

import com.fielddesk.localbackend.DemoDataOption;
import com.fielddesk.localbackend.LocalBackend;
import com.fielddesk.localbackend.LocalBackendConfig;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The Local demo as the console runs it: local-backend in this process, data in the user's folder. */
final class EmbeddedLocalDemo implements LocalDemo {

    private final Path dataDirectory;
    private LocalBackend backend;

    EmbeddedLocalDemo(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public synchronized Endpoint start(Consumer<String> progress) {
        if (backend == null) {
            // Port 0: a second console or a Supabase CLI on 54321 must not stop the demo from starting.
            backend = LocalBackend.start(new LocalBackendConfig(dataDirectory, 0, false, DemoDataOption.standard()), progress);
        }
        return new Endpoint(backend.url(), backend.anonKey());
    }

    @Override
    public synchronized void close() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
