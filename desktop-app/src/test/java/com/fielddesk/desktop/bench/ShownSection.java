package com.fielddesk.desktop.bench;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.Theme;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * One section's screen in a light-themed window of its own, over a real cache, as the list
 * benchmarks drive it (started like the console starts a section; JavaFX must be running).
 */
final class ShownSection implements AutoCloseable {

    private final Stage stage;
    private final FeatureScreen screen;

    private ShownSection(Stage stage, FeatureScreen screen) {
        this.stage = stage;
        this.screen = screen;
    }

    /**
     * @param folder where the section's view settings are kept
     * @param online what the section is told of the server (some screens offer less offline)
     */
    static ShownSection show(Feature feature, CacheDatabase cache, BackgroundTasks tasks, Path folder, ZoneId zone,
                             boolean online, int width, int height) {
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemDefaultZone());
        FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(online),
                new ViewSettings(folder.resolve("console.properties")), Clock.system(zone), Formats.forCompanyZone(zone.getId()),
                new SectionNavigator(List.of(feature)), () -> { });
        return Fx.read(() -> {
            Theme.LIGHT.applyToApplication();
            FeatureScreen screen = feature.create(context);
            Scene scene = new Scene(new StackPane(screen.node()), width, height);
            Theme.LIGHT.applyTo(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            screen.start();
            return new ShownSection(stage, screen);
        });
    }

    Scene scene() {
        return Fx.read(stage::getScene);
    }

    @Override
    public void close() {
        Fx.run(() -> {
            screen.close();
            stage.close();
        });
    }
}
