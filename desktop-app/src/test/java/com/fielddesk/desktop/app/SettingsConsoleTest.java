package com.fielddesk.desktop.app;

import com.fielddesk.desktop.settings.SettingsFeature;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings as the real console wires it, against local-backend: an admin adds a postal code to the
 * company's lead preferences and the lead waiting there arrives in the pool on this computer (the
 * change pushed, the pool pulled again); then Reset local cache deletes the copy and the console
 * reopens the session through sign-in with a new copy, downloaded from scratch.
 */
class SettingsConsoleTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final LiveUpdateTimings TIMINGS = new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10));

    @Test
    void anAdminWidensTheLeadPreferencesThePoolFollowsAndResetDownloadsTheCopyAgain() throws Exception {
        try (ConsoleBackend backend = new ConsoleBackend()) {
            widenThenReset(backend);
        }
    }

    private void widenThenReset(ConsoleBackend backend) throws Exception {
        DemoLogin admin = backend.staffWithPassword(backend.acme, "admin", "Ada Admin");
        UUID faraway = backend.openLead("hvac", "Boiler out in a town not served yet", false, "99999", "Faraway", null, 0);
        FxToolkit.registerPrimaryStage();
        try (ConsoleUnderTest desk = ConsoleUnderTest.openAnother(backend, admin, TIMINGS)) {
            desk.signInWithTheDemoLogin();
            Fx.waitUntil("the admin's Settings item", DEADLINE, () -> desk.find(nav()).isPresent()
                    && text(desk.find("#" + ShellView.USER_ID)).contains(" · Admin · "));
            ConsoleSession first = desk.window().currentSession();
            assertThat(first.repositories().table("lead_pool").get(faraway.toString())).as("not served yet").isEmpty();

            Fx.run(() -> ((ToggleButton) desk.find(nav()).orElseThrow()).fire());
            Fx.waitUntil("the company's pages for an admin", DEADLINE, () -> desk.find("#settings")
                    .map(tabs -> ((TabPane) tabs).getTabs().stream().anyMatch(tab -> "settings-tab-leads".equals(tab.getId())))
                    .orElse(false));
            // The header's theme button and the Personal page show one choice.
            select(desk, "settings-tab-personal");
            assertThat(Fx.read(() -> ((javafx.scene.control.RadioButton) desk.find("#settings-theme-light").orElseThrow())
                    .isSelected())).isTrue();
            Fx.run(() -> ((Button) desk.find("#" + ShellView.THEME_BUTTON_ID).orElseThrow()).fire());
            select(desk, "settings-tab-sync");
            select(desk, "settings-tab-personal");
            assertThat(Fx.read(() -> ((javafx.scene.control.RadioButton) desk.find("#settings-theme-dark").orElseThrow())
                    .isSelected())).as("the header's choice shows on the page").isTrue();
            Fx.run(() -> ((javafx.scene.control.RadioButton) desk.find("#settings-theme-light").orElseThrow()).fire());
            assertThat(Fx.read(() -> desk.window().scene().getRoot().getStyleClass().contains("fd-dark"))).isFalse();

            select(desk, "settings-tab-leads");
            Fx.waitUntil("the preferences read", DEADLINE, () -> desk.find("#settings-leads-code")
                    .map(field -> !field.isDisabled()).orElse(false));
            Fx.run(() -> {
                TextField code = (TextField) desk.find("#settings-leads-code").orElseThrow();
                code.setText("99999");
                code.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                ((Button) desk.find("#settings-leads-save").orElseThrow()).fire();
            });
            Fx.waitUntil("saved, and the pool pulled again", DEADLINE, () -> text(desk.find("#settings-leads-notice"))
                    .startsWith("Saved. The lead pool now follows these preferences"));
            assertThat(first.repositories().table("lead_pool").get(faraway.toString())).as("the lead arrived").isPresent();
            assertThat(backend.queryValue("select service_postal_codes::text from public.companies where id = ?",
                    backend.acme.id())).isEqualTo("{12345,12346,12350,99999}");

            // The logo's place: the admin may store it in the company's folder of the branding bucket, and read it back.
            byte[] logo = com.fielddesk.desktop.testing.Images.png(60, 20);
            String logoPath = backend.acme.id() + "/invoice-logo.png";
            new StorageLogos(first.supabase()).upload(logoPath, logo, "image/png");
            assertThat(new StorageLogos(first.supabase()).download(logoPath)).isEqualTo(logo);

            Path file = first.cacheDatabase().file();
            // A row only this copy has (as if a pull had gone wrong): a reset must not keep it.
            UUID stray = UUID.randomUUID();
            com.fielddesk.desktop.testing.CacheRows.write(first.cacheDatabase(), "lead_pool", java.util.List.of(
                    com.fielddesk.desktop.testing.CacheRows.row("id", stray, "trade", "hvac", "postal_code", "12345")));
            assertThat(first.repositories().table("lead_pool").get(stray.toString())).isPresent();
            select(desk, "settings-tab-sync");
            Fx.run(() -> ((Button) desk.find("#settings-reset").orElseThrow()).fire());
            Fx.waitUntil("asked first", DEADLINE, () -> text(desk.find("#settings-reset-question"))
                    .startsWith("A reset deletes this computer's copy"));
            Fx.run(() -> ((Button) desk.find("#settings-reset-confirm").orElseThrow()).fire());
            Fx.waitUntil("the session reopened with a new copy", DEADLINE, () -> desk.window().currentSession() != null
                    && desk.window().currentSession() != first && desk.find(nav()).isPresent());
            ConsoleSession second = desk.window().currentSession();
            assertThat(second.userId()).isEqualTo(first.userId());
            assertThat(second.cacheDatabase().file()).isEqualTo(file);
            Fx.waitUntil("downloaded again", DEADLINE,
                    () -> second.repositories().table("lead_pool").get(faraway.toString()).isPresent());
            assertThat(second.repositories().table("lead_pool").get(stray.toString())).as("the old copy is gone").isEmpty();
            assertThat(Files.exists(file)).isTrue();
        }
    }

    private static void select(ConsoleUnderTest desk, String tabId) {
        Fx.run(() -> {
            TabPane tabs = (TabPane) desk.find("#settings").orElseThrow();
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> tabId.equals(tab.getId())).findFirst().orElseThrow());
        });
    }

    private static String nav() {
        return "#" + ShellView.NAV_PREFIX + SettingsFeature.ID;
    }

    private static String text(Optional<Node> label) {
        return label.map(node -> ((Label) node).getText()).orElse("");
    }
}
