package com.fielddesk.desktop.technicians;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.shell.CachedSearch;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.shell.ShellViewModel;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's example section, registered and shown by the real shell over a real SQLite cache: it
 * appears in the navigation under its group, lists the technicians, and shows a new one as soon as
 * it is committed — nothing outside its package plus the registry list was needed.
 */
class TechniciansFeatureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private CacheDatabase cache;
    private ExecutorService background;
    private SectionNavigator navigator;
    private Parent root;

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> navigator.close());
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void aRegisteredSectionShowsInTheShellAndFollowsTheCache() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        CacheRows.write(cache, "profiles", List.of(profile("Terry Tech", "technician"), profile("Dana Desk", "dispatcher")));
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            SyncState sync = new SyncState(true);
            ShellViewModel shell = new ShellViewModel(UUID.randomUUID(), "dana@acme.test", repositories.table("profiles"),
                    repositories.table("companies"), new CachedSearch(new com.fielddesk.cache.query.LocalCache(cache, new Outbox(), Clock.systemUTC())),
                    ChangeSource.of(repositories), new NoSyncIssueActions(), sync, tasks, Clock.systemUTC());
            navigator = new SectionNavigator(List.of(TechniciansFeature.feature()));
            FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, sync,
                    new ViewSettings(folder.resolve("console.properties")), Clock.systemUTC(),
                    Formats.forCompanyZone("America/New_York"), navigator, Chime.SILENT);
            navigator.start(feature -> feature.create(context), null);
            root = (Parent) new ShellView(shell, navigator, () -> { }, () -> { }).node();
            stage.setScene(new Scene(root, 1000, 600));
            stage.show();
        });

        assertThat(Fx.read(() -> root.lookup("#" + ShellView.NAV_PREFIX + "technicians"))).isNotNull();
        Fx.waitUntil("the technician is listed", DEADLINE, () -> names().equals(List.of("Terry Tech")));
        CacheRows.write(cache, "profiles", List.of(profile("Tina Tech", "technician")));
        Fx.waitUntil("a technician committed to the cache appears", DEADLINE,
                () -> names().containsAll(List.of("Terry Tech", "Tina Tech")) && names().size() == 2);
    }

    private List<String> names() {
        @SuppressWarnings("unchecked")
        TableView<ObjectNode> table = (TableView<ObjectNode>) root.lookup(".table-view");
        return table.getItems().stream().map(row -> row.path("full_name").asText()).toList();
    }

    private static ObjectNode profile(String name, String role) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", UUID.randomUUID().toString());
        row.put("role", role);
        row.put("full_name", name);
        return row;
    }
}
