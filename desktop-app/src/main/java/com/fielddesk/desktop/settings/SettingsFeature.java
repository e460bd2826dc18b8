package com.fielddesk.desktop.settings;

import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureContext;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.domain.common.Role;
import com.fielddesk.domain.invoices.pdf.InvoicePdfGenerator;
import com.fielddesk.domain.settings.CompanySettingsRepository;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.LoggerFactory;

/**
 * Settings as a console section, one tab per page: Sync (everyone) for the local copy, reset and
 * sign-out; Personal (everyone) for theme, new-lead sound, board snap and offline audit window;
 * the company's pages — Lead preferences and Invoice branding — for admins (who change them) and supervisors (who read
 * them). CSRs and dispatchers do not see the company's pages; the server refuses their changes anyway.
 */
public final class SettingsFeature {

    public static final String ID = "settings";

    private SettingsFeature() {
    }

    public static Feature feature(CompanySettingsRepository company, LeadPoolRefresh pool, LogoStore logos,
                                  ConsoleControls console) {
        return feature(company, pool, logos, console, ImageFileChooser.dialog());
    }

    /** The same, asking for a logo file with {@code files} (tests answer without a dialog). */
    static Feature feature(CompanySettingsRepository company, LeadPoolRefresh pool, LogoStore logos, ConsoleControls console,
                           ImageFileChooser files) {
        return Feature.section(ID, "Settings").group("Console").icon(Material2MZ.SETTINGS)
                .visibleTo(Role.OFFICE_STAFF)
                .screen(context -> new Screen(context, company, pool, logos, console, files));
    }

    private static final class Screen implements FeatureScreen {
        private final CompanySettingsRepository company;
        private final BackgroundTasks tasks;
        private final SyncPageViewModel sync;
        private final SyncPageView syncView;
        private final PersonalPageViewModel personal;
        private final LeadPreferencesViewModel leads;
        private final BrandingViewModel branding;
        private final Tab brandingTab;
        private final TabPane tabs = new TabPane();
        private final Tab leadsTab;

        Screen(FeatureContext context, CompanySettingsRepository company, LeadPoolRefresh pool, LogoStore logos,
               ConsoleControls console, ImageFileChooser files) {
            this.company = company;
            this.tasks = context.tasks();
            sync = new SyncPageViewModel(console, context.sync(), context.tasks(), context.formats());
            syncView = new SyncPageView(sync);
            personal = new PersonalPageViewModel(console, context.settings(), context.tasks(), context.chime());
            leads = new LeadPreferencesViewModel(company, pool, context.sync(), context.tasks());
            tabs.setId("settings");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
            tabs.getTabs().add(tab("settings-tab-sync", "Sync", syncView.node()));
            Tab personalTab = tab("settings-tab-personal", "Personal", new PersonalPageView(personal).node());
            tabs.getTabs().add(personalTab);
            personalTab.setOnSelectionChanged(e -> {
                if (personalTab.isSelected()) {
                    personal.reread();
                }
            });
            leadsTab = tab("settings-tab-leads", "Lead preferences", new LeadPreferencesView(leads).node());
            branding = new BrandingViewModel(company, logos, context.tasks(),
                    new BrandingPreview(new InvoicePdfGenerator(), context.tasks(), context.clock()));
            brandingTab = tab("settings-tab-branding", "Invoice branding", new BrandingView(branding, files).node());
        }

        private static Tab tab(String id, String title, Node page) {
            ScrollPane scroll = new ScrollPane(page);
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
            // The company's pages only for the roles that may see them, once the profile is read.
            tasks.run(company::role, role -> {
                if (role.isPresent() && Role.MANAGERS.contains(role.get())) {
                    tabs.getTabs().addAll(leadsTab, brandingTab);
                    leads.load();
                    branding.load();
                }
            }, failure -> LoggerFactory.getLogger(SettingsFeature.class)
                    .warn("Could not read the role from this computer's copy; the company's pages stay hidden", failure));
            sync.start();
            syncView.focus();
        }

        @Override
        public void close() {
            sync.close();
            branding.preview().close();
        }
    }
}
