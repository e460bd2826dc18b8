package com.fielddesk.desktop.app;

import java.util.function.Consumer;

/** Starts (once) the embedded Local demo backend and tells where it listens. */
public interface LocalDemo extends AutoCloseable {

    /** Blocks until the backend serves; later calls return at once. */
    Endpoint start(Consumer<String> progress);

    @Override
    void close();
}
