package com.fielddesk.desktop.settings;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.ui.Theme;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The console around Settings in a section test: counts the cache's outbox, and records what Settings asked of it. */
final class RecordingConsole implements ConsoleControls {

    private final CacheDatabase cache;
    private final Consumer<Theme> themes;
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger signOuts = new AtomicInteger();
    final List<Theme> applied = new CopyOnWriteArrayList<>();

    RecordingConsole(CacheDatabase cache, Consumer<Theme> themes) {
        this.cache = cache;
        this.themes = themes;
    }

    @Override
    public Path cacheFile() {
        return cache.file();
    }

    @Override
    public int unsyncedChanges() {
        Outbox outbox = new Outbox();
        return cache.read(connection -> outbox.pendingCount(connection) + outbox.quarantinedCount(connection));
    }

    @Override
    public void resetLocalCache() {
        resets.incrementAndGet();
    }

    @Override
    public void signOut() {
        signOuts.incrementAndGet();
    }

    @Override
    public void applyTheme(Theme theme) {
        applied.add(theme);
        themes.accept(theme);
    }
}
