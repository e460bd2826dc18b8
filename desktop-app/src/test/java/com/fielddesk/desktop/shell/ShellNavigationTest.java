package com.fielddesk.desktop.shell;

import com.fielddesk.desktop.ui.ChangeSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fielddesk.cache.outbox.Outbox;
import com.fielddesk.cache.repository.Repositories;
import com.fielddesk.cache.store.CacheDatabase;
import com.fielddesk.desktop.app.feature.Feature;
import com.fielddesk.desktop.app.feature.FeatureScreen;
import com.fielddesk.desktop.app.feature.RecordKind;
import com.fielddesk.desktop.app.feature.RecordRef;
import com.fielddesk.domain.common.Role;
import com.fielddesk.desktop.testing.NoSyncIssueActions;
import com.fielddesk.desktop.testing.CacheRows;
import com.fielddesk.desktop.testing.Fx;
import com.fielddesk.desktop.ui.BackgroundTasks;
import com.fielddesk.desktop.ui.SyncState;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real shell with a registry of two sections, over a real SQLite cache: navigation comes from
 * the registry, clicks and Alt+Left / Alt+Right move through the history, and the signed-in
 * person's role (from their profile in the cache) hides the sections it may not see.
 */
class ShellNavigationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final FxRobot robot = new FxRobot();
    private final UUID userId = UUID.randomUUID();
    private CacheDatabase cache;
    private ShellViewModel shell;
    private SectionNavigator navigator;
    private java.util.concurrent.ExecutorService background;
    /** This test's shell: lookups stay inside it (a stage of an earlier test may still be listed). */
    private javafx.scene.Parent root;

    @BeforeEach
    void showShell() throws Exception {
        cache = CacheDatabase.open(folder.resolve("cache.sqlite"));
        Repositories repositories = new Repositories(cache, new Outbox(), Clock.systemUTC());
        background = Executors.newSingleThreadExecutor();
        BackgroundTasks tasks = new BackgroundTasks(background, Platform::runLater);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            shell = new ShellViewModel(userId, "dana@acme.test", repositories.table("profiles"), repositories.table("companies"),
                    new CachedSearch(new com.fielddesk.cache.query.LocalCache(cache, new Outbox(), Clock.systemUTC())),
                    ChangeSource.of(repositories), new NoSyncIssueActions(), new SyncState(true), tasks, Clock.systemUTC());
            navigator = new SectionNavigator(List.of(
                    section("leads", "Leads", "Sales", Role.OFFICE_STAFF, RecordKind.LEAD),
                    section("audit", "Audit log", "Company", Role.MANAGERS)));
            navigator.start(feature -> feature.create(null), null);
            ShellView view = new ShellView(shell, navigator, () -> { }, () -> { });
            root = (javafx.scene.Parent) view.node();
            stage.setScene(new Scene(root, 1000, 600));
            stage.show();
            shell.start();
        });
    }

    @AfterEach
    void close() throws Exception {
        Fx.run(() -> {
            navigator.close();
            shell.close();
        });
        FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void theNavigationListsTheRegistrysSectionsUnderTheirGroupsAndClicksOpenThem() {
        assertThat(Fx.read(() -> navigationTexts())).containsExactly("SALES", "Leads", "COMPANY", "Audit log");
        assertThat(Fx.read(() -> shownSection())).isEqualTo("leads screen");
        robot.clickOn(node("#" + ShellView.NAV_PREFIX + "audit"));
        Fx.waitUntil("the audit log is shown and its button selected", DEADLINE, () -> shownSection().equals("audit screen")
                && ((ToggleButton) root.lookup("#" + ShellView.NAV_PREFIX + "audit")).isSelected()
                && !((ToggleButton) root.lookup("#" + ShellView.NAV_PREFIX + "leads")).isSelected());
    }

    @Test
    void altLeftAndAltRightAndTheToolbarButtonsWalkTheHistory() {
        assertThat(Fx.read(() -> ((Button) root.lookup("#" + ShellView.BACK_ID)).isDisabled())).isTrue();
        Fx.run(() -> navigator.open(new RecordRef(RecordKind.LEAD, "lead-1")));
        robot.clickOn(node("#" + ShellView.NAV_PREFIX + "audit"));
        Fx.waitUntil("on the audit log", DEADLINE, () -> shownSection().equals("audit screen"));

        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        Fx.waitUntil("back on the lead", DEADLINE, () -> shownSection().equals("leads screen: lead-1"));
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        Fx.waitUntil("forward to the audit log", DEADLINE, () -> shownSection().equals("audit screen"));

        robot.clickOn(node("#" + ShellView.BACK_ID));
        Fx.waitUntil("the toolbar's Back works too", DEADLINE, () -> shownSection().equals("leads screen: lead-1"));
        assertThat(Fx.read(() -> ((Button) root.lookup("#" + ShellView.FORWARD_ID)).isDisabled())).isFalse();
    }

    @Test
    void theProfilesRoleHidesTheSectionsItMayNotSee() {
        writeProfile("dispatcher");
        Fx.waitUntil("a dispatcher does not see the audit log", DEADLINE,
                () -> navigationTexts().equals(List.of("SALES", "Leads")));
        writeProfile("technician");
        Fx.waitUntil("a technician sees no section and is told so", DEADLINE, () -> navigationTexts().isEmpty()
                && root.lookup("#" + ShellView.NO_SECTIONS_ID) != null);
    }

    private Node node(String selector) {
        return Fx.read(() -> root.lookup(selector));
    }

    private void writeProfile(String role) {
        ObjectNode profile = JSON.createObjectNode();
        profile.put("id", userId.toString());
        profile.put("company_id", UUID.randomUUID().toString());
        profile.put("role", role);
        profile.put("full_name", "Dana Dispatcher");
        CacheRows.write(cache, "profiles", List.of(profile));
    }

    private List<String> navigationTexts() {
        Node nav = root.lookup("." + com.fielddesk.desktop.ui.Styles.NAV);
        return ((javafx.scene.layout.VBox) nav).getChildren().stream()
                .map(node -> ((javafx.scene.control.Labeled) node).getText()).toList();
    }

    private String shownSection() {
        javafx.scene.layout.StackPane section = (javafx.scene.layout.StackPane) root.lookup("#" + ShellView.SECTION_ID);
        return ((Label) section.getChildren().get(0)).getText();
    }

    /** A section whose screen is a label saying which record it shows. */
    private static Feature section(String id, String title, String group, java.util.Set<Role> roles, RecordKind... opens) {
        return Feature.section(id, title).group(group).icon(id.equals("audit") ? Material2MZ.SECURITY : Material2AL.INBOX)
                .visibleTo(roles).opens(opens).screen(context -> new FeatureScreen() {
                    private final Label label = new Label(id + " screen");

                    @Override
                    public Node node() {
                        return label;
                    }

                    @Override
                    public Optional<String> open(RecordRef record) {
                        label.setText(id + " screen: " + record.id());
                        return Optional.empty();
                    }

                    @Override
                    public void close() {
                    }
                });
    }
}
