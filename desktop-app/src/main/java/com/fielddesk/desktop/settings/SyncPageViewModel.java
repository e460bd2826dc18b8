package com.fielddesk.desktop.settings;

import com.fielddesk.cache.status.SyncStatus;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.Failures;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.Notice;
import com.fielddesk.desktop.ui.SyncState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Settings → Sync: the sync engine's status in words (online or not, changes waiting, last sync,
 * the current problem), where this user's local copy is and how big it is, Reset local cache and
 * Sign out. A reset always asks first; while changes made here have not reached the server it
 * names how many and resets only when the user confirms discarding them.
 */
final class SyncPageViewModel implements AutoCloseable {

    private final ConsoleControls console;
    private final SyncState sync;
    private final BackgroundTasks tasks;
    private final Formats formats;

    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cacheFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cacheSize = new ReadOnlyStringWrapper("");

    /** Whether the reset question is on screen (Reset asked; not yet confirmed or cancelled). */
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper();
    /** How many unsynced changes the confirmed reset discards (what the question named). */
    private final ReadOnlyIntegerWrapper discarding = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();

    /** What the shown size was read after (changes waiting, last sync). */
    private Object sizeReadFor = new Object();

    private final ChangeListener<SyncStatus> statusListener = (o, before, now) -> showStatus();
    private final ChangeListener<Boolean> onlineListener = (o, before, now) -> showStatus();

    SyncPageViewModel(ConsoleControls console, SyncState sync, BackgroundTasks tasks, Formats formats) {
        this.console = console;
        this.sync = sync;
        this.tasks = tasks;
        this.formats = formats;
    }

    void start() {
        sync.statusProperty().addListener(statusListener);
        sync.onlineProperty().addListener(onlineListener);
        cacheFile.set(console.cacheFile().toAbsolutePath().toString());
        showStatus();
    }

    private void showStatus() {
        SyncStatus status = sync.statusProperty().get();
        state.set(sync.onlineProperty().get() ? "Online — changes go to the server as they are made."
                : "Offline — changes are kept on this computer and sent when the server answers again.");
        if (status == null) {
            pending.set("Not known yet.");
            lastSync.set("Not known yet.");
            problem.set("");
        } else {
            pending.set(status.pendingCount() == 0 ? "None — everything made here is on the server."
                    : changes(status.pendingCount()) + " waiting to be sent.");
            lastSync.set(status.lastSuccessfulSync() == null ? "Never — the first sync has not finished."
                    : formats.dateTime(status.lastSuccessfulSync()));
            problem.set(status.error().orElse(""));
        }
        // The file changes with a sync or a queued change, not with every status the engine publishes.
        Object sizeFollows = status == null ? null : java.util.List.of(status.pendingCount(),
                String.valueOf(status.lastSuccessfulSync()));
        if (!java.util.Objects.equals(sizeFollows, sizeReadFor) || cacheSize.get().isEmpty()) {
            sizeReadFor = sizeFollows;
            readSize();
        }
    }

    private void readSize() {
        Path file = console.cacheFile();
        tasks.run(() -> size(file), bytes -> cacheSize.set(bytes < 0 ? "Not created yet." : inWords(bytes)),
                failure -> cacheSize.set(Failures.sentence("Could not read the size of the local copy.", failure)));
    }

    /** The copy's bytes on disk: the database and its write-ahead log; -1 when there is none. */
    private static long size(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        long bytes = Files.size(file);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.exists(wal) ? bytes + Files.size(wal) : bytes;
    }

    static String inWords(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String changes(int count) {
        return count == 1 ? "1 change" : count + " changes";
    }

    // ---- reset ----

    /**
     * Reset asked: offline it is refused (the copy could not be downloaded again); else the
     * unsynced changes are counted and the question says what a reset drops.
     */
    void askReset() {
        if (busy.get()) {
            return;
        }
        notice.set(null);
        if (!sync.onlineProperty().get()) {
            confirming.set(false);
            notice.set(Notice.warning("Resetting needs the server, to download the copy again; this computer is offline. "
                    + "Try again once the status bar says online."));
            return;
        }
        busy.set(true);
        tasks.run(console::unsyncedChanges, count -> {
            busy.set(false);
            discarding.set(count);
            if (count > 0) {
                question.set(changes(count) + " made on this computer " + (count == 1 ? "has" : "have")
                        + " not reached the server yet. A reset discards " + (count == 1 ? "it" : "them")
                        + " for good. Wait until they are synced, or confirm discarding " + (count == 1 ? "it." : "them."));
                confirmLabel.set("_Discard " + changes(count) + " and reset");
            } else {
                question.set("A reset deletes this computer's copy of the company's data and downloads it again; "
                        + "the console closes and reopens your session while it does.");
                confirmLabel.set("_Reset now");
            }
            confirming.set(true);
        }, failure -> {
            busy.set(false);
            notice.set(Failures.notice("Could not count the changes waiting on this computer, so nothing was reset.", failure));
        });
    }

    /**
     * The question answered yes: the changes are counted again (one may have been made or sent
     * meanwhile) and the reset runs only if no more would be discarded than the question named.
     */
    void confirmReset() {
        if (!confirming.get() || busy.get()) {
            return;
        }
        int named = discarding.get();
        busy.set(true);
        tasks.run(console::unsyncedChanges, count -> {
            busy.set(false);
            if (count > named) {
                confirming.set(false);
                notice.set(Notice.warning("More changes were made meanwhile (" + changes(count)
                        + " now), so nothing was reset. Ask again to see what a reset discards."));
                return;
            }
            confirming.set(false);
            console.resetLocalCache();
        }, failure -> {
            busy.set(false);
            confirming.set(false);
            notice.set(Failures.notice("Could not count the changes waiting on this computer, so nothing was reset.", failure));
        });
    }

    void cancelReset() {
        confirming.set(false);
    }

    void signOut() {
        console.signOut();
    }

    @Override
    public void close() {
        sync.statusProperty().removeListener(statusListener);
        sync.onlineProperty().removeListener(onlineListener);
    }

    ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty cacheFileProperty() {
        return cacheFile.getReadOnlyProperty();
    }

    ReadOnlyStringProperty cacheSizeProperty() {
        return cacheSize.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty discardingProperty() {
        return discarding.getReadOnlyProperty();
    }

    ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    ReadOnlyStringProperty confirmLabelProperty() {
        return confirmLabel.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
