package com.fielddesk.desktop.audit;

import com.fielddesk.desktop.app.LiveUpdateTimings;
import com.fielddesk.desktop.shell.ShellView;
import com.fielddesk.desktop.signin.DemoLogin;
import com.fielddesk.desktop.testing.ConsoleBackend;
import com.fielddesk.desktop.testing.ConsoleUnderTest;
import com.fielddesk.desktop.testing.Fx;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Audit log as the real console wires it (registry → session's Supabase client and cache):
 * a dispatcher signed in has no Audit item; a supervisor at another desk opens it, reads the log
 * from the server and verifies it; a supervisor made a dispatcher on the server loses the Audit item
 * and the offline copy of the log at the next sync, without a restart.
 */
class AuditConsoleTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final LiveUpdateTimings TIMINGS = new LiveUpdateTimings(Duration.ofMinutes(10), Duration.ofMinutes(10));

    @Test
    void aSupervisorReadsAndVerifiesTheLogInTheConsoleADispatcherHasNoAuditItem() throws Exception {
        ConsoleBackend backend = new ConsoleBackend();
        DemoLogin supervisor = backend.staffWithPassword(backend.acme, "supervisor", "Sam Supervisor");
        try (ConsoleUnderTest dispatcherDesk = ConsoleUnderTest.open(backend, TIMINGS, false)) {
            dispatcherDesk.signInWithTheDemoLogin();
            Fx.waitUntil("the dispatcher's console, the role known", DEADLINE, () -> dispatcherDesk.find(nav("leads")).isPresent()
                    && text(dispatcherDesk.find("#" + ShellView.USER_ID)).contains(" · Dispatcher · "));
            Fx.waitUntil("no Audit item once the role is known", DEADLINE, () -> dispatcherDesk.find(nav(AuditFeature.ID)).isEmpty());
            assertThat(Fx.read(() -> dispatcherDesk.find(nav("jobs")))).as("the dispatcher's own sections stay").isPresent();

            try (ConsoleUnderTest supervisorDesk = ConsoleUnderTest.openAnother(backend, supervisor, TIMINGS)) {
                supervisorDesk.signInWithTheDemoLogin();
                Fx.waitUntil("the supervisor's Audit item", DEADLINE, () -> supervisorDesk.find(nav(AuditFeature.ID)).isPresent());
                Fx.run(() -> ((ToggleButton) supervisorDesk.find(nav(AuditFeature.ID)).orElseThrow()).fire());
                Fx.waitUntil("the log from the server", DEADLINE, () -> supervisorDesk.find("#audit-table")
                        .map(table -> !((TableView<?>) table).getItems().isEmpty()).orElse(false));
                Fx.run(() -> ((Button) supervisorDesk.find("#audit-verify").orElseThrow()).fire());
                Fx.waitUntil("Verify's answer", DEADLINE, () -> text(supervisorDesk.find("#audit-verify-result"))
                        .startsWith("All "));
            }
        }
    }

    @Test
    void aSupervisorMadeADispatcherOnTheServerLosesTheOfflineCopyAndTheAuditItemWithoutARestart() throws Exception {
        FxToolkit.registerPrimaryStage();
        LiveUpdateTimings syncOften = new LiveUpdateTimings(Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (ConsoleBackend backend = new ConsoleBackend()) {
            DemoLogin supervisor = backend.staffWithPassword(backend.acme, "supervisor", "Sid Soon-Dispatcher");
            try (ConsoleUnderTest desk = ConsoleUnderTest.openAnother(backend, supervisor, syncOften)) {
                desk.signInWithTheDemoLogin();
                Fx.waitUntil("the supervisor's Audit item", DEADLINE, () -> desk.find(nav(AuditFeature.ID)).isPresent()
                        && text(desk.find("#" + ShellView.USER_ID)).contains(" · Supervisor · "));
                Fx.run(() -> ((ToggleButton) desk.find(nav(AuditFeature.ID)).orElseThrow()).fire());
                Fx.waitUntil("the offline copy filled", DEADLINE,
                        () -> text(desk.find("#audit-offline-range")).startsWith("Offline: "));
                Path cacheFile = cacheFile(desk);
                assertThat(offlineEntries(cacheFile)).as("entries kept for offline review").isPositive();

                backend.queryValue("update public.profiles set role = 'dispatcher' where email = ? returning id", supervisor.email());

                Fx.waitUntil("the Audit item gone once a sync brings the new role", DEADLINE,
                        () -> desk.find(nav(AuditFeature.ID)).isEmpty()
                                && text(desk.find("#" + ShellView.USER_ID)).contains(" · Dispatcher · "));
                assertThat(Fx.read(() -> desk.find("#audit")).isPresent()).as("the audit screen is no longer shown").isFalse();
                assertThat(offlineEntries(cacheFile)).as("nothing of the copy is left in the cache file").isZero();
                assertThat(Fx.read(() -> desk.find(nav("jobs")))).as("a dispatcher's sections stay").isPresent();
            }
        }
    }

    /** The signed-in person's cache file under the console's folder. */
    private static Path cacheFile(ConsoleUnderTest desk) throws Exception {
        String name = "cache-" + desk.window().currentSession().userId() + ".sqlite";
        try (Stream<Path> files = Files.walk(desk.home())) {
            return files.filter(path -> path.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    /** How many audit entries the cache file keeps for offline review (read beside the console, as another program would). */
    private static long offlineEntries(Path cacheFile) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cacheFile);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from audit_offline_entries")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String nav(String feature) {
        return "#" + ShellView.NAV_PREFIX + feature;
    }

    private static String text(Optional<Node> label) {
        return label.map(node -> ((Label) node).getText()).orElse("");
    }
}
