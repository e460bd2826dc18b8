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

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Audit log as the real console wires it (registry → session's Supabase client and cache):
 * a dispatcher signed in has no Audit item; a supervisor at another desk opens it, reads the log
 * from the server and verifies it.
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

    private static String nav(String feature) {
        return "#" + ShellView.NAV_PREFIX + feature;
    }

    private static String text(Optional<Node> label) {
        return label.map(node -> ((Label) node).getText()).orElse("");
    }
}
