package com.fielddesk.desktop.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.query.LocalCache;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.store.Json;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.SyncState;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Ctrl+K's results while the panel is open follow the cache: a customer renamed (by a colleague,
 * arriving by sync) shows their new name without typing again, and one deleted drops out.
 */
class SearchFollowsTheDataTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private ExecutorService background;
    private ShellViewModel shell;

    @AfterEach
    void close() {
        Fx.run(() -> shell.close());
        background.shutdownNow();
        cache.close();
    }

    @Test
    void openResultsShowARenameAndADeletionWithoutTypingAgain() throws Exception {
        FxToolkit.registerPrimaryStage();
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        ObjectNode quincy = customer("Quincy Harlow");
        CacheRows.write(cache, "customers", List.of(quincy, customer("Quinn Marsh")));
        background = Executors.newSingleThreadExecutor();
        Fx.run(() -> shell = new ShellViewModel(UUID.randomUUID(), "dana@acme.test", repositories.table("profiles"),
                repositories.table("companies"), new CachedSearch(new LocalCache(cache, new Outbox(), Clock.systemUTC())),
                ChangeSource.of(repositories), new NoSyncIssueActions(), new SyncState(true),
                new BackgroundTasks(background, Platform::runLater), Clock.systemUTC()));
        Fx.run(() -> shell.start());

        Fx.run(() -> shell.searchQueryProperty().set("quin"));
        Fx.waitUntil("both customers are found", DEADLINE, () -> titles().equals(List.of("Quincy Harlow", "Quinn Marsh"))
                || titles().equals(List.of("Quinn Marsh", "Quincy Harlow")));

        quincy.put("full_name", "Quincy Harlow-Reyes");
        quincy.put("version", 2);
        CacheRows.write(cache, "customers", List.of(quincy));
        Fx.waitUntil("the open results show the new name", DEADLINE, () -> titles().contains("Quincy Harlow-Reyes"));

        quincy.put("deleted_at", java.time.Instant.now().toString());
        quincy.put("version", 3);
        CacheRows.write(cache, "customers", List.of(quincy));
        Fx.waitUntil("the deleted customer drops out", DEADLINE, () -> titles().equals(List.of("Quinn Marsh")));
    }

    private List<String> titles() {
        return shell.searchResults().stream().map(SearchResult::title).toList();
    }

    private static ObjectNode customer(String name) {
        ObjectNode row = Json.object();
        row.put("id", UUID.randomUUID().toString());
        row.put("company_id", UUID.randomUUID().toString());
        row.put("full_name", name);
        row.put("version", 1);
        return row;
    }
}
