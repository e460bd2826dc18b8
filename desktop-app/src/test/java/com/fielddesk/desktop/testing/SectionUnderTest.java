package com.fielddesk.desktop.testing;

import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.shell.SectionNavigator;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.ChangeSource;
import com.fielddesk.desktop.ui.Chime;
import com.fielddesk.desktop.ui.Formats;
import com.fielddesk.desktop.ui.SyncState;
import com.fielddesk.desktop.ui.ViewSettings;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * One feature's section on TestFX's primary stage, made by the real navigator over a real SQLite
 * cache, with a real background thread — a section tried as it runs in the console, without a
 * server. Closing it closes the screen, the stage and the background thread (not the cache).
 */
public final class SectionUnderTest implements AutoCloseable {

    /** The company zone sections are shown in. */
    public static final ZoneId COMPANY_ZONE = ZoneId.of("America/New_York");

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private SectionNavigator navigator;
    private Parent root;
    private ViewSettings settings;

    private SectionUnderTest() {
    }

    /** Shows {@code feature}'s section (its screen started) over {@code cache}; settings live in {@code folder}. */
    public static SectionUnderTest show(Feature feature, CacheDatabase cache, Path folder) throws TimeoutException {
        return show(feature, List.of(), cache, folder);
    }

    /**
     * Shows {@code feature}'s section with {@code others} registered too, so records it opens through
     * the navigator reach their sections ({@link #navigator()} tells which one is current).
     */
    public static SectionUnderTest show(Feature feature, List<Feature> others, CacheDatabase cache, Path folder)
            throws TimeoutException {
        SectionUnderTest section = new SectionUnderTest();
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        BackgroundTasks tasks = new BackgroundTasks(section.background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            List<Feature> registered = new java.util.ArrayList<>(List.of(feature));
            registered.addAll(others);
            section.navigator = new SectionNavigator(registered);
            section.settings = new ViewSettings(folder.resolve("console.properties"));
            FeatureContext context = new FeatureContext(repositories, ChangeSource.of(repositories), tasks, new SyncState(true),
                    section.settings, Clock.system(COMPANY_ZONE),
                    Formats.forCompanyZone(COMPANY_ZONE.getId()), section.navigator, Chime.SILENT);
            section.navigator.start(made -> made.create(context), null);
            section.navigator.show(feature.id());
            section.root = new StackPane(section.navigator.screen(feature).node());
            stage.setScene(new Scene(section.root, 1280, 720));
            stage.show();
        });
        return section;
    }

    public SectionNavigator navigator() {
        return navigator;
    }

    /** Puts the navigator's current section on screen, as the shell does after a navigation (call on the FX thread). */
    public void showCurrent() {
        ((StackPane) root).getChildren().setAll(navigator.screen(navigator.currentProperty().get()).node());
    }

    /** The node the section shows for {@code selector} (call on the FX thread), or null. */
    public javafx.scene.Node lookup(String selector) {
        return root.lookup(selector);
    }

    /** A label's text ("" when there is no such label), read on the FX thread. */
    public String text(String selector) {
        return Fx.read(() -> root.lookup(selector) instanceof Label label ? label.getText() : "");
    }

    @Override
    /** Ends the session as the console's window does: sections closed, settings saved for the next one. */
    public void close() throws Exception {
        Fx.run(() -> navigator.close());
        if (settings != null) {
            settings.save();
        }
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }
}
