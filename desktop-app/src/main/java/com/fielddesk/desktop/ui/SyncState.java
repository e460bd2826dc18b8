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

    /** The engine's latest status (queue, conflicts, last sync, errors). */
    public void publish(SyncStatus latest) {
        status.set(latest);
    }

    /**
     * Whether the server answers. The console feeds the sync engine's own flag here with each of
     * its statuses (answered within two full-sync intervals, nothing failed since; re-published
     * when that ages out), so {@link #publish} never switches it by itself.
     */
    public void reachabilityChanged(boolean reachable) {
        online.set(reachable);
    }

    /** Whether server changes arrive over realtime right now (otherwise the pool is polled). */
    public void liveUpdatesChanged(boolean nowLive) {
        live.set(nowLive);
    }

    /** For the moments the console knows before any call (e.g. opened offline). */
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
