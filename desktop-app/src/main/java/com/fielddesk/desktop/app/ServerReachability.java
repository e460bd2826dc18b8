package com.fielddesk.desktop.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Whether the last call to the server got an answer; listeners hear only about changes. */
final class ServerReachability {

    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean reachable;

    ServerReachability(boolean initiallyReachable) {
        this.reachable = initiallyReachable;
    }

    boolean reachable() {
        return reachable;
    }

    void report(boolean nowReachable) {
        if (nowReachable != reachable) {
            reachable = nowReachable;
            listeners.forEach(listener -> listener.accept(nowReachable));
        }
    }

    AutoCloseable subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
