package com.fielddesk.desktop.app;

import com.fielddesk.desktop.signin.SignInProgress;

import java.util.function.Consumer;

/** Starts (once) the embedded Local demo backend and tells where it listens. */
public interface LocalDemo extends AutoCloseable {

    /** Blocks until the backend serves, telling each step; later calls return at once. */
    Endpoint start(Consumer<SignInProgress> progress);

    @Override
    void close();
}
