package com.fielddesk.desktop.ui;

import com.fielddesk.cache.status.SyncStatus;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The sync engine's status as FX properties, shared by the status bar and every screen that
 * must say "needs the server" while offline. Updated only on the UI thread, through
 * {@link #publish(SyncStatus)} handed over by {@link BackgroundTasks#onUi}.
 */
public final class SyncState {

    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SyncStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();

    public SyncState(boolean initiallyOnline) {
        online.set(initiallyOnline);
    }

    /**
     * The engine's latest status (queue, conflicts, last sync, errors) and with it "online": the
     * engine's own flag, true while the server answered recently (offline-cache's
     * {@code SyncStatusTracker}, which also publishes when that ages out without a call).
     */
    public void publish(SyncStatus latest) {
        // Online first, so a listener of the status reads the matching online flag.
        online.set(latest.online());
        status.set(latest);
    }

    /** Sets "online" without a status (ViewModel tests that have no sync engine). */
    public void reachabilityChanged(boolean reachable) {
        online.set(reachable);
    }

    /** Whether server changes arrive over realtime right now (otherwise the pool is polled). */
    public void liveUpdatesChanged(boolean nowLive) {
        live.set(nowLive);
    }

    /** Sets "offline" without a status (ViewModel tests that have no sync engine). */
    public void markOffline() {
        online.set(false);
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }
}
