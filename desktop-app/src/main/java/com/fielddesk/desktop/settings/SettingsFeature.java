package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.domain.common.Role;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Settings as a console section, one tab per page: Sync (everyone) for the local copy, reset and
 * sign-out; Personal (everyone) for theme, new-lead sound, board snap and offline audit window.
 */
public final class SettingsFeature {

    public static final String ID = "settings";

    private SettingsFeature() {
    }

    public static Feature feature(ConsoleControls console) {
        return Feature.section(ID, "Settings").group("Console").icon(Material2MZ.SETTINGS)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(context -> new Screen(context, console));
    }

    private static final class Screen implements FeatureScreen {
        private final SyncPageViewModel sync;
        private final SyncPageView syncView;
        private final PersonalPageViewModel personal;
        private final TabPane tabs = new TabPane();

        Screen(FeatureContext context, ConsoleControls console) {
            sync = new SyncPageViewModel(console, context.sync(), context.tasks(), context.formats());
            syncView = new SyncPageView(sync);
            personal = new PersonalPageViewModel(console, context.settings(), context.tasks(), context.chime());
            tabs.setId("settings");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getTabs().add(tab("settings-tab-sync", "Sync", syncView.node()));
            tabs.getTabs().add(tab("settings-tab-personal", "Personal", new PersonalPageView(personal).node()));
        }

        private static Tab tab(String id, String title, Node page) {
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
            scroll.setFitToWidth(true);
            Tab tab = new Tab(title, scroll);
            tab.setId(id);
            return tab;
        }

        @Override
        public Node node() {
            return tabs;
        }

        @Override
        public void start() {
            sync.start();
            syncView.focus();
        }

        @Override
        public void close() {
            sync.close();
        }
    }
}
